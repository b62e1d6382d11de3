import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { CourseIdParam, ProfileBody, ProfileView, SaveCourseBody, SavedCourseQuery, SavedCourseView, UserIdParam } from './lms-profiles.schemas.js';

const TAGS = ['LMS profiles'];

export const getMyProfileRoute = createRoute({
  method: 'get',
  path: '/api/me/profile',
  tags: TAGS,
  summary: 'Your student profile (defaults when you have not saved one yet)',
  ...bearer(EVERYONE),
  responses: { 200: jsonResponse('Your profile', ProfileView), ...authProblems },
});

export const putMyProfileRoute = createRoute({
  method: 'put',
  path: '/api/me/profile',
  tags: TAGS,
  summary: 'Create or update your student profile; fields left out keep their value',
  description: 'xpTotal, level and the streaks are read-only and refused in the body (400).',
  ...bearer(EVERYONE),
  request: { body: jsonBody(ProfileBody) },
  responses: { 200: jsonResponse('The saved profile', ProfileView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('collegeId names no active college') },
});

export const getStudentProfileRoute = createRoute({
  method: 'get',
  path: '/api/admin/students/{id}/profile',
  tags: TAGS,
  summary: 'A student’s profile, by user id',
  ...bearer(STAFF),
  request: { params: UserIdParam },
  responses: { 200: jsonResponse('The profile', ProfileView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No profile for this user') },
});

export const listSavedCoursesRoute = createRoute({
  method: 'get',
  path: '/api/me/saved-courses',
  tags: TAGS,
  summary: 'The courses you saved, newest first, with their titles',
  ...bearer(EVERYONE),
  request: { query: SavedCourseQuery },
  responses: { 200: jsonResponse('A page of saved courses', pageSchema(SavedCourseView).openapi('SavedCoursePage')), 400: problemResponse('Invalid cursor'), ...authProblems },
});

export const saveCourseRoute = createRoute({
  method: 'post',
  path: '/api/me/saved-courses',
  tags: TAGS,
  summary: 'Save a course (idempotent: saving it again answers 200 with the same row)',
  ...bearer(EVERYONE),
  request: { body: jsonBody(SaveCourseBody) },
  responses: {
    200: jsonResponse('Already saved', SavedCourseView),
    201: jsonResponse('Saved', SavedCourseView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No mas_courses or courses row has this id'),
  },
});

export const unsaveCourseRoute = createRoute({
  method: 'delete',
  path: '/api/me/saved-courses/{courseId}',
  tags: TAGS,
  summary: 'Remove a saved course (idempotent)',
  ...bearer(EVERYONE),
  request: { params: CourseIdParam },
  responses: { 204: { description: 'Not saved any more' }, 400: problemResponse('Invalid id'), ...authProblems },
});

