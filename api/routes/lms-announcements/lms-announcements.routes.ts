import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema, PageQuery } from '../../pagination.js';
import { IdParam } from '../lms-profiles/lms-fields.js';
import { AnnouncementQuery, AnnouncementView, CreateAnnouncementBody, UpdateAnnouncementBody } from './lms-announcements.schemas.js';

const TAGS = ['Announcements'];
const Page = pageSchema(AnnouncementView).openapi('AnnouncementPage');
const notFound = { 404: problemResponse('No such announcement') };

export const createAnnouncementRoute = createRoute({
  method: 'post',
  path: '/api/admin/announcements',
  tags: TAGS,
  summary: 'Write an announcement for everyone, one batch or one course (a draft unless publish is true)',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateAnnouncementBody) },
  responses: { 201: jsonResponse('The announcement', AnnouncementView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('batchId or courseId names nothing') },
});

export const listAnnouncementsRoute = createRoute({
  method: 'get',
  path: '/api/admin/announcements',
  tags: TAGS,
  summary: 'Announcements, newest first, by scope and state',
  ...bearer(STAFF),
  request: { query: AnnouncementQuery },
  responses: { 200: jsonResponse('A page of announcements', Page), 400: problemResponse('Invalid filters'), ...authProblems },
});

export const updateAnnouncementRoute = createRoute({
  method: 'patch',
  path: '/api/admin/announcements/{id}',
  tags: TAGS,
  summary: 'Edit, pin or unpin, or expire an announcement (its scope is fixed)',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateAnnouncementBody) },
  responses: { 200: jsonResponse('The announcement', AnnouncementView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound },
});

export const publishAnnouncementRoute = createRoute({
  method: 'post',
  path: '/api/admin/announcements/{id}/publish',
  tags: TAGS,
  summary: 'Publish a draft now (publishing again changes nothing)',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The announcement', AnnouncementView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const deleteAnnouncementRoute = createRoute({
  method: 'delete',
  path: '/api/admin/announcements/{id}',
  tags: TAGS,
  summary: 'Delete an announcement',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const announcementFeedRoute = createRoute({
  method: 'get',
  path: '/api/me/announcements',
  tags: TAGS,
  summary: 'Your feed: published, unexpired announcements that are global, for your batches or your courses; pinned first, then newest',
  ...bearer(EVERYONE),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of announcements', Page), 400: problemResponse('Invalid cursor'), ...authProblems },
});
