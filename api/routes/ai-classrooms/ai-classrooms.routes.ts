import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { CLASSROOM_REQUESTERS } from '../../../services/ai/classrooms.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import {
  ApprovedView,
  ApproveRequestBody,
  ClassroomRequestBody,
  ClassroomsQuery,
  ClassroomSummary,
  ClassroomUpdateBody,
  ClassroomView,
  IdParam,
  MyProgressView,
  MyRequestsQuery,
  ProgressBody,
  ProgressQuery,
  ProgressView,
  RejectRequestBody,
  RequestsQuery,
  RequestView,
} from './ai-classrooms.schemas.js';

const TAGS = ['AI classrooms'];
const decided = { 409: problemResponse('ILLEGAL_TRANSITION: the request is no longer PENDING') };
const hidden = { 404: problemResponse('No such classroom, or not one you may see (published, in a course you are enrolled in)') };

export const requestClassroomRoute = createRoute({
  method: 'post',
  path: '/api/ai-classrooms/requests',
  tags: TAGS,
  summary: 'Ask for an AI classroom for a course module; staff review it',
  description: 'Mentors (EXPERT) and staff ask. The course and the module (of that course) must exist (422).',
  ...bearer(CLASSROOM_REQUESTERS),
  request: { body: jsonBody(ClassroomRequestBody) },
  responses: { 201: jsonResponse('The pending request', RequestView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('No such course, or the module is not in it') },
});

export const listMyRequestsRoute = createRoute({
  method: 'get',
  path: '/api/me/ai-classroom-requests',
  tags: TAGS,
  summary: 'Your AI classroom requests, newest first',
  ...bearer(CLASSROOM_REQUESTERS),
  request: { query: MyRequestsQuery },
  responses: { 200: jsonResponse('A page of requests', pageSchema(RequestView).openapi('AiClassroomRequestPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const listRequestsRoute = createRoute({
  method: 'get',
  path: '/api/admin/ai-classrooms/requests',
  tags: TAGS,
  summary: 'Every AI classroom request, newest first, by status, requester, course and module',
  ...bearer(STAFF),
  request: { query: RequestsQuery },
  responses: { 200: jsonResponse('A page of requests', pageSchema(RequestView).openapi('AiClassroomRequestAdminPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getRequestRoute = createRoute({
  method: 'get',
  path: '/api/admin/ai-classrooms/requests/{id}',
  tags: TAGS,
  summary: 'One AI classroom request',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The request', RequestView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such request') },
});

export const approveRequestRoute = createRoute({
  method: 'post',
  path: '/api/admin/ai-classrooms/requests/{id}/approve',
  tags: TAGS,
  summary: 'Approve a PENDING request: its classroom (DRAFT) is created in the same transaction and the requester notified',
  description: 'Exactly one classroom per request: approving again, or in parallel, is 409 ILLEGAL_TRANSITION, as is approving a rejected request.',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(ApproveRequestBody) },
  responses: {
    200: jsonResponse('The approved request and its new classroom', ApprovedView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such request'),
    409: problemResponse('The request is not PENDING, or its course or module is gone'),
  },
});

export const rejectRequestRoute = createRoute({
  method: 'post',
  path: '/api/admin/ai-classrooms/requests/{id}/reject',
  tags: TAGS,
  summary: 'Reject a PENDING request with a note; the requester is notified',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(RejectRequestBody) },
  responses: { 200: jsonResponse('The rejected request', RequestView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such request'), ...decided },
});

export const listClassroomsRoute = createRoute({
  method: 'get',
  path: '/api/ai-classrooms',
  tags: TAGS,
  summary: 'AI classrooms, newest first: staff see all, anyone else the published ones of courses they are enrolled in',
  ...bearer(EVERYONE),
  request: { query: ClassroomsQuery },
  responses: { 200: jsonResponse('A page of classrooms (without content)', pageSchema(ClassroomSummary).openapi('AiClassroomPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getClassroomRoute = createRoute({
  method: 'get',
  path: '/api/ai-classrooms/{id}',
  tags: TAGS,
  summary: 'One AI classroom with its content',
  ...bearer(EVERYONE),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The classroom', ClassroomView), 400: problemResponse('Invalid id'), ...authProblems, ...hidden },
});

export const updateClassroomRoute = createRoute({
  method: 'patch',
  path: '/api/admin/ai-classrooms/{id}',
  tags: TAGS,
  summary: 'Edit a DRAFT, READY or FAILED classroom (title, content…), or mark it READY',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(ClassroomUpdateBody) },
  responses: {
    200: jsonResponse('The classroom', ClassroomView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such classroom'),
    409: problemResponse('Published or archived (frozen), or READY without content'),
  },
});

export const publishClassroomRoute = createRoute({
  method: 'post',
  path: '/api/admin/ai-classrooms/{id}/publish',
  tags: TAGS,
  summary: 'Publish a DRAFT or READY classroom with content; its requests become COMPLETED',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The published classroom', ClassroomView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such classroom'), 409: problemResponse('Not publishable from its status, or no content') },
});

export const archiveClassroomRoute = createRoute({
  method: 'post',
  path: '/api/admin/ai-classrooms/{id}/archive',
  tags: TAGS,
  summary: 'Archive a classroom (final): students no longer see it',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The archived classroom', ClassroomView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such classroom'), 409: problemResponse('Already archived') },
});

export const recordProgressRoute = createRoute({
  method: 'put',
  path: '/api/me/ai-classrooms/{id}/progress',
  tags: TAGS,
  summary: 'Record your progress in a classroom you may see',
  description: 'Percent, completed sections and time spent never go down (the larger value is kept); COMPLETED (100%) is final. When the content has `sections`, the section numbers are bounded by it (422).',
  ...bearer(EVERYONE),
  request: { params: IdParam, body: jsonBody(ProgressBody) },
  responses: { 200: jsonResponse('Your progress', MyProgressView), 400: problemResponse('Invalid body'), ...authProblems, ...hidden, 422: problemResponse('Section numbers beyond the content') },
});

export const getMyProgressRoute = createRoute({
  method: 'get',
  path: '/api/me/ai-classrooms/{id}/progress',
  tags: TAGS,
  summary: 'Your progress in a classroom you may see (NOT_STARTED before your first report)',
  ...bearer(EVERYONE),
  request: { params: IdParam },
  responses: { 200: jsonResponse('Your progress', MyProgressView), 400: problemResponse('Invalid id'), ...authProblems, ...hidden },
});

export const listProgressRoute = createRoute({
  method: 'get',
  path: '/api/admin/ai-classrooms/{id}/progress',
  tags: TAGS,
  summary: 'Every user’s progress in a classroom, newest first',
  ...bearer(STAFF),
  request: { params: IdParam, query: ProgressQuery },
  responses: {
    200: jsonResponse('A page of progress rows', pageSchema(ProgressView).openapi('AiClassroomProgressPage')),
    400: problemResponse('Invalid filters or cursor'),
    ...authProblems,
    404: problemResponse('No such classroom'),
  },
});
