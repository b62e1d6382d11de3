import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { TemplateCreateBody, TemplateId, TemplatePatchBody, TemplateQuery, TemplateView } from './pap-templates.schemas.js';

const TAGS = ['PAP agreements: templates'];
const notFound = { 404: problemResponse('No such template') };

export const listTemplatesRoute = createRoute({
  method: 'get',
  path: '/api/admin/pap/templates',
  tags: TAGS,
  summary: 'PAP agreement templates, newest first',
  ...bearer(STAFF),
  request: { query: TemplateQuery },
  responses: { 200: jsonResponse('A page of templates', pageSchema(TemplateView).openapi('PapTemplatePage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const createTemplateRoute = createRoute({
  method: 'post',
  path: '/api/admin/pap/templates',
  tags: TAGS,
  summary: 'A new template, or the next version of an existing name',
  description: 'The declared variables must be exactly the body’s placeholders, each one the renderer fills in (422 otherwise). New agreements use the newest active template.',
  ...bearer(STAFF),
  request: { body: jsonBody(TemplateCreateBody) },
  responses: { 201: jsonResponse('The template', TemplateView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('Variables and placeholders do not match') },
});

export const getTemplateRoute = createRoute({
  method: 'get',
  path: '/api/admin/pap/templates/{id}',
  tags: TAGS,
  summary: 'One template version',
  ...bearer(STAFF),
  request: { params: TemplateId },
  responses: { 200: jsonResponse('The template', TemplateView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const updateTemplateRoute = createRoute({
  method: 'patch',
  path: '/api/admin/pap/templates/{id}',
  tags: TAGS,
  summary: 'Edit a template version no agreement uses yet; one in use only (de)activates',
  ...bearer(STAFF),
  request: { params: TemplateId, body: jsonBody(TemplatePatchBody) },
  responses: { 200: jsonResponse('The template', TemplateView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 409: problemResponse('In use: create a new version instead'), 422: problemResponse('Variables and placeholders do not match') },
});

export const deleteTemplateRoute = createRoute({
  method: 'delete',
  path: '/api/admin/pap/templates/{id}',
  tags: TAGS,
  summary: 'Delete a template version no agreement uses',
  ...bearer(STAFF),
  request: { params: TemplateId },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...notFound, 409: problemResponse('In use: deactivate it instead') },
});
