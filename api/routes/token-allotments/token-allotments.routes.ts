import { createRoute } from '@hono/zod-openapi';
import { EVERYONE } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { AllotmentId, AllotmentQuery, AllotmentView, GrantView, RequestAllotmentBody } from './token-allotments.schemas.js';

const TAGS = ['Token allotments'];
const DECIDER = ['SUPERADMIN'] as const;
const decided = { 409: problemResponse('ILLEGAL_TRANSITION: the request was already decided') };

export const requestAllotmentRoute = createRoute({
  method: 'post',
  path: '/api/admin/token-allotments',
  tags: TAGS,
  summary: 'Ask for tokens for every student of a batch (PENDING until a SUPERADMIN decides)',
  description: 'Allowed to ADMIN and SUPERADMIN, and to the batch’s lead (batches.batchLeadId) whatever their role; anyone else gets 403.',
  ...bearer(EVERYONE),
  request: { body: jsonBody(RequestAllotmentBody) },
  responses: { 201: jsonResponse('The pending request', AllotmentView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('No such batch') },
});

export const listAllotmentsRoute = createRoute({
  method: 'get',
  path: '/api/admin/token-allotments',
  tags: TAGS,
  summary: 'Token allotment requests, newest first: staff see all, anyone else the ones they raised',
  ...bearer(EVERYONE),
  request: { query: AllotmentQuery },
  responses: { 200: jsonResponse('A page of requests', pageSchema(AllotmentView).openapi('TokenAllotmentRequestPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const approveAllotmentRoute = createRoute({
  method: 'post',
  path: '/api/admin/token-allotments/{id}/approve',
  tags: TAGS,
  summary: 'Approve and grant: every student ENROLLED in the batch is credited tokensPerStudent, once',
  description: 'The wallet credits, one ALLOTMENT ledger row per student (key allotment:<requestId>:<userId>) and PENDING → FULFILLED commit together; a second approval is a 409.',
  ...bearer(DECIDER),
  request: { params: AllotmentId },
  responses: { 200: jsonResponse('The fulfilled request and what was granted', GrantView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such request'), ...decided, 422: problemResponse('The batch no longer exists') },
});

export const rejectAllotmentRoute = createRoute({
  method: 'post',
  path: '/api/admin/token-allotments/{id}/reject',
  tags: TAGS,
  summary: 'Reject a pending token allotment request',
  ...bearer(DECIDER),
  request: { params: AllotmentId },
  responses: { 200: jsonResponse('The rejected request', AllotmentView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such request'), ...decided },
});
