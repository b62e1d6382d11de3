import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { IdParam } from '../lms-profiles/lms-fields.js';
import { CompleteWebinarBody, CreateWebinarBody, MyWebinarView, ProgressBody, ProgressView, PublicWebinarQuery, PublicWebinarView, StaffWebinarQuery, UpdateWebinarBody, WebinarView } from './lms-webinars.schemas.js';

const TAGS = ['Webinars'];
const notFound = { 404: problemResponse('No such webinar') };
const illegal = { 409: problemResponse('ILLEGAL_TRANSITION: not allowed from the current status') };

export const createWebinarRoute = createRoute({
  method: 'post',
  path: '/api/admin/webinars',
  tags: TAGS,
  summary: 'Schedule a webinar',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateWebinarBody) },
  responses: { 201: jsonResponse('The webinar (SCHEDULED)', WebinarView), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('The slug is taken') },
});

export const listStaffWebinarsRoute = createRoute({
  method: 'get',
  path: '/api/admin/webinars',
  tags: TAGS,
  summary: 'Every webinar, newest first',
  ...bearer(STAFF),
  request: { query: StaffWebinarQuery },
  responses: { 200: jsonResponse('A page of webinars', pageSchema(WebinarView).openapi('WebinarPage')), 400: problemResponse('Invalid filters'), ...authProblems },
});

export const getStaffWebinarRoute = createRoute({
  method: 'get',
  path: '/api/admin/webinars/{id}',
  tags: TAGS,
  summary: 'One webinar',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The webinar', WebinarView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const updateWebinarRoute = createRoute({
  method: 'patch',
  path: '/api/admin/webinars/{id}',
  tags: TAGS,
  summary: 'Edit a webinar; a COMPLETED or CANCELLED one cannot be rescheduled',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateWebinarBody) },
  responses: { 200: jsonResponse('The webinar', WebinarView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 409: problemResponse('Slug taken, or a finished webinar rescheduled') },
});

export const deleteWebinarRoute = createRoute({
  method: 'delete',
  path: '/api/admin/webinars/{id}',
  tags: TAGS,
  summary: 'Delete a webinar and its viewers’ progress',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const startWebinarRoute = createRoute({
  method: 'post',
  path: '/api/admin/webinars/{id}/start',
  tags: TAGS,
  summary: 'SCHEDULED → LIVE',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The webinar', WebinarView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound, ...illegal },
});

export const completeWebinarRoute = createRoute({
  method: 'post',
  path: '/api/admin/webinars/{id}/complete',
  tags: TAGS,
  summary: 'LIVE → COMPLETED, optionally with the recording',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(CompleteWebinarBody) },
  responses: { 200: jsonResponse('The webinar', WebinarView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...illegal },
});

export const cancelWebinarRoute = createRoute({
  method: 'post',
  path: '/api/admin/webinars/{id}/cancel',
  tags: TAGS,
  summary: 'SCHEDULED or LIVE → CANCELLED',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The webinar', WebinarView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound, ...illegal },
});

export const listPublicWebinarsRoute = createRoute({
  method: 'get',
  path: '/api/webinars',
  tags: TAGS,
  summary: 'Upcoming or recorded webinars of the request’s platform (x-platform)',
  ...publicRoute,
  request: { query: PublicWebinarQuery },
  responses: { 200: jsonResponse('A page of webinars', pageSchema(PublicWebinarView).openapi('PublicWebinarPage')), 400: problemResponse('Invalid query') },
});

export const reportProgressRoute = createRoute({
  method: 'put',
  path: '/api/webinars/{id}/progress',
  tags: TAGS,
  summary: 'Report how far you watched; counters only move forward, completed at 90%',
  description: 'Reports may arrive late or out of order: each stored value is the largest ever reported (clamped to the webinar’s length). completedAt is set once.',
  ...bearer(EVERYONE),
  request: { params: IdParam, body: jsonBody(ProgressBody) },
  responses: { 200: jsonResponse('Your progress', ProgressView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 409: problemResponse('The webinar is SCHEDULED or CANCELLED') },
});

export const listMyWebinarsRoute = createRoute({
  method: 'get',
  path: '/api/me/webinars',
  tags: TAGS,
  summary: 'The webinars you watched, with your progress',
  ...bearer(EVERYONE),
  request: { query: StaffWebinarQuery.pick({ cursor: true, limit: true }) },
  responses: { 200: jsonResponse('A page of your webinars', pageSchema(MyWebinarView).openapi('MyWebinarPage')), 400: problemResponse('Invalid cursor'), ...authProblems },
});
