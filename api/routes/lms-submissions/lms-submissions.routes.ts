import { createRoute } from '@hono/zod-openapi';
import { LEARNERS, LMS_STAFF } from '../../../domain/lms/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { GradeBody, IdParam, SubmissionQuery, SubmissionView, SubmitAssignmentBody } from './lms-submissions.schemas.js';

const TAGS = ['LMS assignment submissions'];

export const submitAssignmentRoute = createRoute({
  method: 'put',
  path: '/api/assignments/{id}/submission',
  tags: TAGS,
  summary: 'Hand in (or, before grading, replace) your work for a published assignment',
  description: 'For users enrolled in the assignment’s course (anyone else: 404). Past dueAt it is accepted and flagged late. Once graded: 409.',
  ...bearer(LEARNERS),
  request: { params: IdParam, body: jsonBody(SubmitAssignmentBody) },
  responses: {
    200: jsonResponse('Your submission', SubmissionView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such published assignment, or you are not enrolled in its course'),
    409: problemResponse('Already graded'),
  },
});

export const getMySubmissionRoute = createRoute({
  method: 'get',
  path: '/api/assignments/{id}/submission',
  tags: TAGS,
  summary: 'Your hand-in for an assignment, with its grade once graded',
  ...bearer(LEARNERS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('Your submission', SubmissionView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('You have not handed it in') },
});

export const listAssignmentSubmissionsRoute = createRoute({
  method: 'get',
  path: '/api/admin/assignments/{id}/submissions',
  tags: TAGS,
  summary: 'An assignment’s hand-ins, newest first',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, query: SubmissionQuery },
  responses: {
    200: jsonResponse('A page of submissions', pageSchema(SubmissionView).openapi('AssignmentSubmissionPage')),
    400: problemResponse('Invalid filters or cursor'),
    ...authProblems,
    404: problemResponse('No such assignment'),
  },
});

export const gradeSubmissionRoute = createRoute({
  method: 'post',
  path: '/api/admin/assignment-submissions/{id}/grade',
  tags: TAGS,
  summary: 'Grade (or re-grade) a hand-in; the student can no longer change it',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, body: jsonBody(GradeBody) },
  responses: {
    200: jsonResponse('The graded submission', SubmissionView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such submission'),
    422: problemResponse('The score exceeds the assignment’s maxScore'),
  },
});
