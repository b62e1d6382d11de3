import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { QueriesQuery, QueryId, QueryView, QueryWithRepliesView, RaiseQueryBody, ReplyBody, ReplyView, UpdateQueryBody } from './engagement-queries.schemas.js';

const TAGS = ['Engagement'];
const PARTIES = ['USER', ...STAFF] as const;

export const raiseQueryRoute = createRoute({
  method: 'post',
  path: '/api/student-queries',
  tags: TAGS,
  summary: 'Raise a support query',
  ...bearer(['USER']),
  request: { body: jsonBody(RaiseQueryBody) },
  responses: { 201: jsonResponse('The query', QueryView), 400: problemResponse('Invalid body'), ...authProblems, 422: problemResponse('Not one of your batches') },
});

export const listQueriesRoute = createRoute({
  method: 'get',
  path: '/api/student-queries',
  tags: TAGS,
  summary: 'Queries, newest first: a student’s own; staff all (filter by status, assignee, unassigned)',
  ...bearer(PARTIES),
  request: { query: QueriesQuery },
  responses: { 200: jsonResponse('A page of queries', pageSchema(QueryView).openapi('StudentQueryPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const getQueryRoute = createRoute({
  method: 'get',
  path: '/api/student-queries/{id}',
  tags: TAGS,
  summary: 'A query with its replies: its student or staff',
  ...bearer(PARTIES),
  request: { params: QueryId },
  responses: { 200: jsonResponse('The query', QueryWithRepliesView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such query') },
});

export const replyQueryRoute = createRoute({
  method: 'post',
  path: '/api/student-queries/{id}/replies',
  tags: TAGS,
  summary: 'Reply: its student (reopens a resolved query) or staff (the first reply stops the SLA clock)',
  ...bearer(PARTIES),
  request: { params: QueryId, body: jsonBody(ReplyBody) },
  responses: { 201: jsonResponse('The reply', ReplyView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such query'), 409: problemResponse('The query is closed') },
});

export const updateQueryRoute = createRoute({
  method: 'patch',
  path: '/api/admin/student-queries/{id}',
  tags: TAGS,
  summary: 'Assign, prioritise, resolve or close a query (OPEN → IN_PROGRESS → RESOLVED → CLOSED)',
  ...bearer(STAFF),
  request: { params: QueryId, body: jsonBody(UpdateQueryBody) },
  responses: { 200: jsonResponse('The query', QueryView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such query'), 409: problemResponse('Illegal transition'), 422: problemResponse('Not an active staff member') },
});
