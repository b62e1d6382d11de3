import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { IdParam, IssuedWarningView, IssueWarningBody, WarningView } from './engagement-warnings.schemas.js';

const TAGS = ['Engagement'];
const ISSUERS = ['SALES', ...STAFF] as const;
const WarningPage = pageSchema(WarningView).openapi('WarningPage');

export const issueWarningRoute = createRoute({
  method: 'post',
  path: '/api/students/{id}/warnings',
  tags: TAGS,
  summary: 'Warn a student (staff, or their community manager); notifies them, and escalates per engagement.warningEscalation',
  ...bearer(ISSUERS),
  request: { params: IdParam, body: jsonBody(IssueWarningBody) },
  responses: { 201: jsonResponse('The warning', IssuedWarningView), 400: problemResponse('Invalid body'), ...authProblems, 404: problemResponse('No such student of yours'), 422: problemResponse('Not one of the student’s batches') },
});

export const studentWarningsRoute = createRoute({
  method: 'get',
  path: '/api/students/{id}/warnings',
  tags: TAGS,
  summary: 'A student’s warnings, newest first',
  ...bearer(ISSUERS),
  request: { params: IdParam, query: PageQuery },
  responses: { 200: jsonResponse('A page of warnings', WarningPage), 400: problemResponse('Invalid query'), ...authProblems, 404: problemResponse('No such student of yours') },
});

export const revokeWarningRoute = createRoute({
  method: 'post',
  path: '/api/warnings/{id}/revoke',
  tags: TAGS,
  summary: 'Withdraw a warning (staff, or the community manager of its batch); it stops counting',
  ...bearer(ISSUERS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The warning', WarningView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such warning') },
});

export const myWarningsRoute = createRoute({
  method: 'get',
  path: '/api/me/warnings',
  tags: TAGS,
  summary: 'My warnings, newest first',
  ...bearer(['USER']),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of warnings', WarningPage), 400: problemResponse('Invalid query'), ...authProblems },
});

export const acknowledgeWarningRoute = createRoute({
  method: 'post',
  path: '/api/me/warnings/{id}/acknowledge',
  tags: TAGS,
  summary: 'Acknowledge my warning',
  ...bearer(['USER']),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The warning', WarningView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such warning of yours') },
});
