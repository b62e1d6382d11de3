import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { BatchId, BatchQuery, BatchStatusBody, BatchUserParams, BatchView, CreateBatchBody, OpenBatchView, StaffAssignBody, StaffAssignmentView, StaffListQuery, UpdateBatchBody } from './lms-batches.schemas.js';

const TAGS = ['LMS batches'];
const notFound = { 404: problemResponse('No such batch') };

export const createBatchRoute = createRoute({
  method: 'post',
  path: '/api/admin/batches',
  tags: TAGS,
  summary: 'Create a batch (UPCOMING)',
  description: 'courseId must name a legacy course, superMentorId an EXPERT, cmId and batchLeadId a SALES user or staff (422 naming the field). Dates: start ≤ end, deadline ≤ start.',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateBatchBody) },
  responses: {
    201: jsonResponse('The batch', BatchView),
    400: problemResponse('Invalid body or fee'),
    ...authProblems,
    409: problemResponse('The code is taken'),
    422: problemResponse('A reference is not valid, or the dates are out of order'),
  },
});

export const listBatchesRoute = createRoute({
  method: 'get',
  path: '/api/admin/batches',
  tags: TAGS,
  summary: 'Batches, newest first, with seats taken and their staff',
  ...bearer(STAFF),
  request: { query: BatchQuery },
  responses: { 200: jsonResponse('A page of batches', pageSchema(BatchView).openapi('BatchPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getBatchRoute = createRoute({
  method: 'get',
  path: '/api/admin/batches/{id}',
  tags: TAGS,
  summary: 'One batch',
  ...bearer(STAFF),
  request: { params: BatchId },
  responses: { 200: jsonResponse('The batch', BatchView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const updateBatchRoute = createRoute({
  method: 'patch',
  path: '/api/admin/batches/{id}',
  tags: TAGS,
  summary: 'Edit a batch (not its status: see /status)',
  description: 'Capacity cannot go below the applications BATCH_ALLOCATED or ENROLLED in it (409), checked under the batch row lock allocation also takes. Changing superMentorId or cmId assigns the new one and unassigns the one it replaces.',
  ...bearer(STAFF),
  request: { params: BatchId, body: jsonBody(UpdateBatchBody) },
  responses: {
    200: jsonResponse('The batch', BatchView),
    400: problemResponse('Invalid body or fee'),
    ...authProblems,
    ...notFound,
    409: problemResponse('The code is taken, or capacity below the seats taken'),
    422: problemResponse('A reference is not valid, or the dates are out of order'),
  },
});

export const setBatchStatusRoute = createRoute({
  method: 'post',
  path: '/api/admin/batches/{id}/status',
  tags: TAGS,
  summary: 'Move a batch: UPCOMING → ACTIVE → COMPLETED; UPCOMING or ACTIVE → CANCELLED',
  ...bearer(STAFF),
  request: { params: BatchId, body: jsonBody(BatchStatusBody) },
  responses: { 200: jsonResponse('The batch', BatchView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 409: problemResponse('ILLEGAL_TRANSITION') },
});

export const listOpenBatchesRoute = createRoute({
  method: 'get',
  path: '/api/batches',
  tags: TAGS,
  summary: 'Batches open for applications: UPCOMING or ACTIVE, deadline ahead, a seat left; newest first',
  description: 'On the request’s platform (x-platform) when it names one. Apply with POST /api/applications.',
  ...publicRoute,
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of open batches', pageSchema(OpenBatchView).openapi('OpenBatchPage')), 400: problemResponse('Invalid cursor') },
});

const staffRoutes = (kind: 'super-mentors' | 'community-managers', label: string, who: string) => ({
  list: createRoute({
    method: 'get',
    path: `/api/admin/batches/{id}/${kind}`,
    tags: TAGS,
    summary: `The batch’s ${label}s, newest first`,
    ...bearer(STAFF),
    request: { params: BatchId, query: StaffListQuery },
    responses: { 200: jsonResponse(`The ${label} assignments`, StaffAssignmentView.array()), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
  }),
  assign: createRoute({
    method: 'post',
    path: `/api/admin/batches/{id}/${kind}`,
    tags: TAGS,
    summary: `Assign a ${label} (${who}); idempotent. The batch’s pointer moves to them`,
    ...bearer(STAFF),
    request: { params: BatchId, body: jsonBody(StaffAssignBody) },
    responses: { 200: jsonResponse('The active assignment', StaffAssignmentView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 422: problemResponse(`Not an active ${who}`) },
  }),
  unassign: createRoute({
    method: 'delete',
    path: `/api/admin/batches/{id}/${kind}/{userId}`,
    tags: TAGS,
    summary: `Unassign a ${label} (the row stays, inactive); the batch’s pointer falls back to the newest other active one`,
    ...bearer(STAFF),
    request: { params: BatchUserParams },
    responses: { 200: jsonResponse('The inactive assignment', StaffAssignmentView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such batch, or the user was never assigned') },
  }),
});

export const superMentorRoutes = staffRoutes('super-mentors', 'super-mentor', 'an EXPERT');
export const communityManagerRoutes = staffRoutes('community-managers', 'community manager', 'a SALES user or staff');
