import { createRoute } from '@hono/zod-openapi';
import type { Role } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { CourseInterestAccepted, CourseInterestBody, CourseInterestQuery, CourseInterestView } from './lms-course-interest.schemas.js';

const TAGS = ['Course interest'];
/** Marketing leads: staff and sales read them. */
const READERS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'SALES'];

export const submitCourseInterestRoute = createRoute({
  method: 'post',
  path: '/api/course-interests',
  tags: TAGS,
  summary: 'Public form: ask about a course',
  description: 'An email or a phone is required. A valid bearer token, when sent, links the request to your account; an invalid one is ignored. Rate limited per client IP (429 with Retry-After).',
  ...publicRoute,
  request: { body: jsonBody(CourseInterestBody) },
  responses: {
    201: jsonResponse('Received', CourseInterestAccepted),
    400: problemResponse('Invalid body'),
    422: problemResponse('courseId names no course'),
    429: problemResponse('Too many forms from this address'),
  },
});

export const listCourseInterestsRoute = createRoute({
  method: 'get',
  path: '/api/admin/course-interests',
  tags: TAGS,
  summary: 'Course interest forms, newest first, by course and date',
  ...bearer(READERS),
  request: { query: CourseInterestQuery },
  responses: { 200: jsonResponse('A page of forms', pageSchema(CourseInterestView).openapi('CourseInterestPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});
