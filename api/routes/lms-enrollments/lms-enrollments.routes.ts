import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { CourseAssignmentBody, CourseAssignmentOutcome, CourseIdParam, EnrollmentQuery, EnrollmentView, HistoryQuery, HistoryView, IdParam, MyCourseTreeView, MyCourseView } from './lms-enrollments.schemas.js';

const TAGS = ['LMS enrollments'];

export const listMyCoursesRoute = createRoute({
  method: 'get',
  path: '/api/me/courses',
  tags: TAGS,
  summary: 'Your enrollments, newest first, with the course, status and progress',
  ...bearer(EVERYONE),
  request: { query: EnrollmentQuery },
  responses: { 200: jsonResponse('A page of your courses', pageSchema(MyCourseView).openapi('MyCoursePage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getMyCourseRoute = createRoute({
  method: 'get',
  path: '/api/me/courses/{courseId}',
  tags: TAGS,
  summary: 'A course you are enrolled in: published modules, classes, quiz and assignment headers',
  ...bearer(EVERYONE),
  request: { params: CourseIdParam },
  responses: { 200: jsonResponse('The course tree and your enrollment', MyCourseTreeView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('Not a course you are enrolled in') },
});

export const listCourseEnrollmentsRoute = createRoute({
  method: 'get',
  path: '/api/admin/courses/{id}/enrollments',
  tags: TAGS,
  summary: 'Students enrolled in a legacy course, newest first',
  ...bearer(STAFF),
  request: { params: IdParam, query: EnrollmentQuery },
  responses: { 200: jsonResponse('A page of enrollments', pageSchema(EnrollmentView).openapi('EnrollmentPage')), 400: problemResponse('Invalid id, filters or cursor'), ...authProblems, 404: problemResponse('No such course') },
});

export const listUserEnrollmentsRoute = createRoute({
  method: 'get',
  path: '/api/admin/users/{id}/enrollments',
  tags: TAGS,
  summary: 'A student’s enrollments, newest first',
  ...bearer(STAFF),
  request: { params: IdParam, query: EnrollmentQuery },
  responses: { 200: jsonResponse('A page of enrollments', pageSchema(EnrollmentView).openapi('UserEnrollmentPage')), 400: problemResponse('Invalid id, filters or cursor'), ...authProblems, 404: problemResponse('No such user') },
});

const assignmentResponses = {
  400: problemResponse('Invalid body (exactly one of userId or batchId)'),
  ...authProblems,
  422: problemResponse('No such legacy course, user or batch'),
};

export const assignCourseRoute = createRoute({
  method: 'post',
  path: '/api/admin/course-assignments',
  tags: TAGS,
  summary: 'Assign a legacy course to a student or to a whole batch (idempotent)',
  description:
    'Student: one enrollment and one ASSIGNED history row. Batch: one batch-wide history row (students enrolled in the batch later get the course too) and an enrollment for every application of the batch now ENROLLED. One transaction.',
  ...bearer(STAFF),
  request: { body: jsonBody(CourseAssignmentBody) },
  responses: { 200: jsonResponse('What changed', CourseAssignmentOutcome), ...assignmentResponses },
});

export const unassignCourseRoute = createRoute({
  method: 'post',
  path: '/api/admin/course-assignments/unassign',
  tags: TAGS,
  summary: 'Take a course back from a student or a batch: their enrollments are deleted (access ends)',
  description: 'From a batch, students keep the course when they hold it otherwise (assigned directly, or another ENROLLED batch teaches it). If it was the batch’s own courseId, that is cleared.',
  ...bearer(STAFF),
  request: { body: jsonBody(CourseAssignmentBody) },
  responses: { 200: jsonResponse('What changed', CourseAssignmentOutcome), ...assignmentResponses },
});

export const listAssignmentHistoryRoute = createRoute({
  method: 'get',
  path: '/api/admin/course-assignments',
  tags: TAGS,
  summary: 'Course assignment history, newest first; filter by student, batch, course or action',
  ...bearer(STAFF),
  request: { query: HistoryQuery },
  responses: { 200: jsonResponse('A page of history rows', pageSchema(HistoryView).openapi('CourseAssignmentHistoryPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});
