import { createRoute } from '@hono/zod-openapi';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { ApprovalId, ApprovalListQuery, ApprovalView, ApproveResult, RequestApprovalBody, ReviewBody } from './crm-approvals.schemas.js';

const TAGS = ['CRM'];
const BASE = '/api/crm/assignment-approvals';
const noRequest = { 404: problemResponse('No such request, or not one you may see') };

export const requestApprovalRoute = createRoute({
  method: 'post',
  path: BASE,
  tags: TAGS,
  summary: 'A salesperson asks for leads of their team’s pool to be assigned to them (pending until their sales head or an admin reviews it when the head’s profile requires approval; otherwise approved and applied at once)',
  ...bearer(['SALES']),
  request: { body: jsonBody(RequestApprovalBody) },
  responses: {
    201: jsonResponse('The request: pending, or approved (reviewedById null) when no approval is required', ApprovalView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('A lead is not in your team’s pool (errors lists them)'),
    409: problemResponse('You already have a pending request for one of the leads, or applying it would exceed your open-lead cap'),
    422: problemResponse('You are on no team, or a lead is already yours'),
  },
});

export const listApprovalsRoute = createRoute({
  method: 'get',
  path: BASE,
  tags: TAGS,
  summary: 'Approval requests, newest first: a salesperson sees their own and their team’s; admins all',
  ...bearer(CRM_ROLES),
  request: { query: ApprovalListQuery },
  responses: { 200: jsonResponse('A page of requests', pageSchema(ApprovalView).openapi('LeadAssignmentApprovalPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const getApprovalRoute = createRoute({
  method: 'get',
  path: `${BASE}/{id}`,
  tags: TAGS,
  summary: 'One approval request',
  ...bearer(CRM_ROLES),
  request: { params: ApprovalId },
  responses: { 200: jsonResponse('The request', ApprovalView), 400: problemResponse('Invalid id'), ...authProblems, ...noRequest },
});

export const approveRoute = createRoute({
  method: 'post',
  path: `${BASE}/{id}/approve`,
  tags: TAGS,
  summary: 'Approve: the leads are assigned to the requester in the same transaction (a parallel or repeated approval answers 409)',
  ...bearer(CRM_ROLES),
  request: { params: ApprovalId, body: jsonBody(ReviewBody) },
  responses: {
    200: jsonResponse('Approved and applied', ApproveResult),
    400: problemResponse('Invalid body'),
    ...authProblems,
    ...noRequest,
    409: problemResponse('The request is no longer pending, or applying it would exceed the requester’s open-lead cap'),
    422: problemResponse('The requester can no longer take leads (deactivated, or left the team)'),
  },
});

export const rejectRoute = createRoute({
  method: 'post',
  path: `${BASE}/{id}/reject`,
  tags: TAGS,
  summary: 'Reject a pending request (the requester’s sales head or an admin)',
  ...bearer(CRM_ROLES),
  request: { params: ApprovalId, body: jsonBody(ReviewBody) },
  responses: { 200: jsonResponse('Rejected', ApprovalView), 400: problemResponse('Invalid body'), ...authProblems, ...noRequest, 409: problemResponse('The request is no longer pending') },
});

export const cancelRoute = createRoute({
  method: 'post',
  path: `${BASE}/{id}/cancel`,
  tags: TAGS,
  summary: 'The requester withdraws a pending request',
  ...bearer(['SALES']),
  request: { params: ApprovalId },
  responses: { 200: jsonResponse('Cancelled', ApprovalView), 400: problemResponse('Invalid id'), ...authProblems, ...noRequest, 409: problemResponse('The request is no longer pending') },
});
