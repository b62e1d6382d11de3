import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { FileIssueBody, IssueId, IssueQuery, IssueView, MoveIssueBody } from './issues.schemas.js';

const TAGS = ['Issues'];
const notFound = { 404: problemResponse('No such issue (a user sees only their own)') };

export const fileIssueRoute = createRoute({
  method: 'post',
  path: '/api/issues',
  tags: TAGS,
  summary: 'Report an issue (optionally about a session you were in) → OPEN',
  ...bearer(EVERYONE),
  request: { body: jsonBody(FileIssueBody) },
  responses: { 201: jsonResponse('The issue', IssueView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such session of yours') },
});

export const myIssuesRoute = createRoute({
  method: 'get',
  path: '/api/me/issues',
  tags: TAGS,
  summary: 'Your reported issues, newest first',
  ...bearer(EVERYONE),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of your issues', pageSchema(IssueView).openapi('MyIssuePage')), 400: problemResponse('Invalid cursor'), ...authProblems },
});

export const getIssueRoute = createRoute({
  method: 'get',
  path: '/api/issues/{id}',
  tags: TAGS,
  summary: 'One issue (its reporter, or staff)',
  ...bearer(EVERYONE),
  request: { params: IssueId },
  responses: { 200: jsonResponse('The issue', IssueView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
});

export const moveIssueRoute = createRoute({
  method: 'post',
  path: '/api/issues/{id}/status',
  tags: TAGS,
  summary: 'Move an issue: the reporter closes it or reopens a resolved one; staff triage it (OPEN → IN_PROGRESS → RESOLVED → CLOSED)',
  description: 'Staff moves notify the reporter. Two moves at once: one wins, the other gets 409.',
  ...bearer(EVERYONE),
  request: { params: IssueId, body: jsonBody(MoveIssueBody) },
  responses: {
    200: jsonResponse('The issue after the move', IssueView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    403: problemResponse('Not a move the reporter may make'),
    ...notFound,
    409: problemResponse('Not allowed from the current status, or moved meanwhile'),
  },
});

export const listIssuesRoute = createRoute({
  method: 'get',
  path: '/api/admin/issues',
  tags: TAGS,
  summary: 'Reported issues for triage, newest first, by status, category or reporter',
  ...bearer(STAFF),
  request: { query: IssueQuery },
  responses: { 200: jsonResponse('A page of issues', pageSchema(IssueView).openapi('IssuePage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});
