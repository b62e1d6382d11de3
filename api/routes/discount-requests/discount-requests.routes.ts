import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { ApplicationId } from '../applications/applications.schemas.js';
import { ApproveDiscountBody, DiscountRequestId, DiscountRequestQuery, DiscountRequestView, RejectDiscountBody, RequestDiscountBody } from './discount-requests.schemas.js';

const TAGS = ['Discount requests'];
const decided = { 409: problemResponse('ILLEGAL_TRANSITION: the request is no longer PENDING') };

export const requestDiscountRoute = createRoute({
  method: 'post',
  path: '/api/admin/applications/{id}/discount-requests',
  tags: TAGS,
  summary: 'Ask for a discount on an application that is SUBMITTED, UNDER_REVIEW or APPROVED',
  description: 'Allowed to SALES, and to any user who is an active community manager of the application’s batch; anyone else gets 403. One PENDING request per application.',
  ...bearer(EVERYONE),
  request: { params: ApplicationId, body: jsonBody(RequestDiscountBody) },
  responses: {
    201: jsonResponse('The pending request', DiscountRequestView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such application'),
    409: problemResponse('A request is already pending, or the application is past approval'),
    422: problemResponse('The discount exceeds the fee'),
  },
});

export const listDiscountRequestsRoute = createRoute({
  method: 'get',
  path: '/api/admin/discount-requests',
  tags: TAGS,
  summary: 'Discount requests, newest first: staff see all, anyone else the ones they raised',
  ...bearer(EVERYONE),
  request: { query: DiscountRequestQuery },
  responses: { 200: jsonResponse('A page of requests', pageSchema(DiscountRequestView).openapi('DiscountRequestPage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const approveDiscountRoute = createRoute({
  method: 'post',
  path: '/api/admin/discount-requests/{id}/approve',
  tags: TAGS,
  summary: 'Approve a discount (at most what was asked); the application’s discount and amount due change at once',
  description: 'The requester can never decide their own request (403). The application must still be before payment.',
  ...bearer(STAFF),
  request: { params: DiscountRequestId, body: jsonBody(ApproveDiscountBody) },
  responses: {
    200: jsonResponse('The approved request', DiscountRequestView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such request'),
    409: problemResponse('The request is not PENDING, or the application is past approval'),
    422: problemResponse('More than requested'),
  },
});

export const rejectDiscountRoute = createRoute({
  method: 'post',
  path: '/api/admin/discount-requests/{id}/reject',
  tags: TAGS,
  summary: 'Reject a discount request, with a note',
  description: 'The requester can never decide their own request (403).',
  ...bearer(STAFF),
  request: { params: DiscountRequestId, body: jsonBody(RejectDiscountBody) },
  responses: { 200: jsonResponse('The rejected request', DiscountRequestView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such request'), ...decided },
});

export const cancelDiscountRoute = createRoute({
  method: 'post',
  path: '/api/admin/discount-requests/{id}/cancel',
  tags: TAGS,
  summary: 'Withdraw your own pending discount request',
  ...bearer(EVERYONE),
  request: { params: DiscountRequestId },
  responses: { 200: jsonResponse('The cancelled request', DiscountRequestView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such request of yours'), ...decided },
});
