import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { IdParam } from '../lms-profiles/lms-fields.js';
import { AdminExternalCourseQuery, CreateExternalCourseBody, ExternalCourseQuery, ExternalCourseView, UpdateExternalCourseBody } from './lms-external-courses.schemas.js';

const TAGS = ['External courses'];
const Page = pageSchema(ExternalCourseView).openapi('ExternalCoursePage');

export const listExternalCoursesRoute = createRoute({
  method: 'get',
  path: '/api/external-courses',
  tags: TAGS,
  summary: 'Active partner-hosted courses, newest first, by category or provider',
  ...publicRoute,
  request: { query: ExternalCourseQuery },
  responses: { 200: jsonResponse('A page of courses', Page), 400: problemResponse('Invalid query') },
});

export const adminListExternalCoursesRoute = createRoute({
  method: 'get',
  path: '/api/admin/external-courses',
  tags: TAGS,
  summary: 'Partner-hosted courses, deactivated ones included on request',
  ...bearer(STAFF),
  request: { query: AdminExternalCourseQuery },
  responses: { 200: jsonResponse('A page of courses', Page), 400: problemResponse('Invalid query'), ...authProblems },
});

export const createExternalCourseRoute = createRoute({
  method: 'post',
  path: '/api/admin/external-courses',
  tags: TAGS,
  summary: 'Add a partner-hosted course',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateExternalCourseBody) },
  responses: { 201: jsonResponse('The course', ExternalCourseView), 400: problemResponse('Invalid body'), ...authProblems, 409: problemResponse('The provider already has this externalId') },
});

export const updateExternalCourseRoute = createRoute({
  method: 'patch',
  path: '/api/admin/external-courses/{id}',
  tags: TAGS,
  summary: 'Edit or (de)activate a partner-hosted course',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateExternalCourseBody) },
  responses: { 200: jsonResponse('The course', ExternalCourseView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such course'), 409: problemResponse('The provider already has this externalId') },
});
