import { createRoute, type z } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import * as s from './banners.schemas.js';

const TAGS = ['Banners'];
const invalid = { 400: problemResponse('Invalid body or id') };
const unprocessable = { 422: problemResponse('Window ends before it starts, unknown platform, or an image key that was not uploaded') };

const crud = <V extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(kind: 'sticky' | 'popups', view: V, create: C, update: U) => {
  const base = `/api/admin/banners/${kind}`;
  const noun = kind === 'sticky' ? 'sticky banner' : 'popup banner';
  const missing = { 404: problemResponse(`No such ${noun}`) };
  return {
    list: createRoute({
      method: 'get',
      path: base,
      tags: TAGS,
      summary: `${noun[0]!.toUpperCase()}${noun.slice(1)}s, newest first, by platform and active flag`,
      ...bearer(STAFF),
      request: { query: s.BannersQuery },
      responses: { 200: jsonResponse('A page of banners', pageSchema(view).openapi(kind === 'sticky' ? 'StickyBannerPage' : 'PopupBannerPage')), 400: problemResponse('Invalid query'), ...authProblems },
    }),
    create: createRoute({
      method: 'post',
      path: base,
      tags: TAGS,
      summary: `Create a ${noun}`,
      ...bearer(STAFF),
      request: { body: jsonBody(create) },
      responses: { 201: jsonResponse('The banner', view), ...invalid, ...authProblems, ...unprocessable },
    }),
    get: createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags: TAGS,
      summary: `One ${noun}`,
      ...bearer(STAFF),
      request: { params: s.IdParam },
      responses: { 200: jsonResponse('The banner', view), ...invalid, ...authProblems, ...missing },
    }),
    update: createRoute({
      method: 'patch',
      path: `${base}/{id}`,
      tags: TAGS,
      summary: `Edit, schedule or switch off a ${noun}`,
      ...bearer(STAFF),
      request: { params: s.IdParam, body: jsonBody(update) },
      responses: { 200: jsonResponse('The banner', view), ...invalid, ...authProblems, ...missing, ...unprocessable },
    }),
    remove: createRoute({
      method: 'delete',
      path: `${base}/{id}`,
      tags: TAGS,
      summary: `Delete a ${noun}`,
      ...bearer(STAFF),
      request: { params: s.IdParam },
      responses: { 204: { description: 'Deleted' }, ...invalid, ...authProblems, ...missing },
    }),
  };
};

export const stickyRoutes = crud('sticky', s.StickyView, s.CreateStickyBody, s.UpdateStickyBody);
export const popupRoutes = crud('popups', s.PopupView, s.CreatePopupBody, s.UpdatePopupBody);

export const imageUploadRoute = createRoute({
  method: 'post',
  path: '/api/admin/banners/image-uploads',
  tags: TAGS,
  summary: 'A presigned PUT for a banner image (type and exact size signed); attach the key to a popup after the upload',
  ...bearer(STAFF),
  request: { body: jsonBody(s.ImageUploadBody) },
  responses: { 201: jsonResponse('Where to upload', s.ImageUploadView), 400: problemResponse('Invalid type or size'), ...authProblems },
});

export const listSettingsRoute = createRoute({
  method: 'get',
  path: '/api/admin/banners/settings',
  tags: TAGS,
  summary: 'Every configured sticky and popup settings scope ("global" and platform overrides)',
  ...bearer(STAFF),
  responses: { 200: jsonResponse('The settings rows', s.SettingsListView), ...authProblems },
});

export const putStickySettingsRoute = createRoute({
  method: 'put',
  path: '/api/admin/banners/settings/sticky/{scope}',
  tags: TAGS,
  summary: 'Set the sticky banner settings of a scope ("global" or a platform key); unset fields keep their value (or the default)',
  ...bearer(STAFF),
  request: { params: s.ScopeParam, body: jsonBody(s.StickySettingsBody) },
  responses: { 200: jsonResponse('The settings', s.StickySettingsView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('Unknown platform') },
});

export const putPopupSettingsRoute = createRoute({
  method: 'put',
  path: '/api/admin/banners/settings/popup/{scope}',
  tags: TAGS,
  summary: 'Set the popup banner settings of a scope ("global" or a platform key); unset fields keep their value (or the default)',
  ...bearer(STAFF),
  request: { params: s.ScopeParam, body: jsonBody(s.PopupSettingsBody) },
  responses: { 200: jsonResponse('The settings', s.PopupSettingsView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('Unknown platform') },
});

const noTemplate = { 404: problemResponse('No such template') };
const nameTaken = { 409: problemResponse('A template of this type with this name already exists') };

export const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/api/admin/banner-templates',
  tags: TAGS,
  summary: 'Banner templates, newest first, by type and active flag',
  ...bearer(STAFF),
  request: { query: s.TemplatesQuery },
  responses: { 200: jsonResponse('A page of templates', pageSchema(s.TemplateView).openapi('BannerTemplatePage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const createTemplateRoute = createRoute({
  method: 'post',
  path: '/api/admin/banner-templates',
  tags: TAGS,
  summary: 'Create a banner template',
  ...bearer(STAFF),
  request: { body: jsonBody(s.CreateTemplateBody) },
  responses: { 201: jsonResponse('The template', s.TemplateView), 400: problemResponse('Invalid body'), ...authProblems, ...nameTaken },
});

export const updateTemplateRoute = createRoute({
  method: 'patch',
  path: '/api/admin/banner-templates/{id}',
  tags: TAGS,
  summary: 'Edit a banner template',
  ...bearer(STAFF),
  request: { params: s.IdParam, body: jsonBody(s.UpdateTemplateBody) },
  responses: { 200: jsonResponse('The template', s.TemplateView), 400: problemResponse('Invalid body'), ...authProblems, ...noTemplate, ...nameTaken },
});

export const deleteTemplateRoute = createRoute({
  method: 'delete',
  path: '/api/admin/banner-templates/{id}',
  tags: TAGS,
  summary: 'Delete a banner template',
  ...bearer(STAFF),
  request: { params: s.IdParam },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...noTemplate },
});
