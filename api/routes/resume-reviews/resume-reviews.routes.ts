import { createRoute, type z } from '@hono/zod-openapi';
import { STAFF, type Role } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import * as s from './resume-reviews.schemas.js';

const TAGS = ['Resume reviews'];
const STUDENT: readonly Role[] = ['USER'];
const MENTOR: readonly Role[] = ['EXPERT'];
const READERS: readonly Role[] = ['USER', 'EXPERT', ...STAFF];
const missing = { 404: problemResponse('No such resume review request of yours') };
const raced = { 409: problemResponse('Not at a step this can happen (someone else moved it first)') };
const Page = pageSchema(s.ReviewView).openapi('ResumeReviewPage');

export const uploadRoute = createRoute({
  method: 'post',
  path: '/api/resume-reviews/uploads',
  tags: TAGS,
  summary: 'A presigned PUT for your resume (PDF or DOCX; type and exact size signed)',
  ...bearer(STUDENT),
  request: { body: jsonBody(s.UploadBody) },
  responses: { 201: jsonResponse('Where to upload', s.UploadView), 400: problemResponse('Invalid type or size'), ...authProblems },
});

export const requestRoute = createRoute({
  method: 'post',
  path: '/api/resume-reviews',
  tags: TAGS,
  summary: 'Request a review of an uploaded resume, spending resume tokens (system config tokens.resumeToken)',
  description: 'Charged once: a repeat for the same upload while its request is open answers that request with 200 and charges nothing.',
  ...bearer(STUDENT),
  request: { body: jsonBody(s.RequestBody) },
  responses: {
    200: jsonResponse('Already requested for this upload', s.Requested),
    201: jsonResponse('Requested; the tokens are spent', s.Requested),
    400: problemResponse('Invalid body'),
    402: problemResponse('Not enough resume tokens'),
    ...authProblems,
    422: problemResponse('Not your upload, or not uploaded yet'),
  },
});

const list = (path: string, summary: string, roles: readonly Role[], query: z.ZodType = s.MineQuery) =>
  createRoute({
    method: 'get',
    path,
    tags: TAGS,
    summary,
    ...bearer(roles),
    request: { query: query as typeof s.MineQuery },
    responses: { 200: jsonResponse('A page of requests', Page), 400: problemResponse('Invalid query or cursor'), ...authProblems },
  });
export const mineRoute = list('/api/resume-reviews/mine', 'Your resume review requests, newest first', STUDENT);
export const assignedRoute = list('/api/resume-reviews/assigned', 'Requests you (a mentor) picked up, newest first', MENTOR);
export const queueRoute = createRoute({
  method: 'get',
  path: '/api/resume-reviews/queue',
  tags: TAGS,
  summary: 'Requests waiting for a mentor, oldest first',
  ...bearer(MENTOR),
  request: { query: PageQuery },
  responses: { 200: jsonResponse('A page of waiting requests', Page), 400: problemResponse('Invalid cursor'), ...authProblems },
});
export const adminListRoute = createRoute({
  method: 'get',
  path: '/api/admin/resume-reviews',
  tags: TAGS,
  summary: 'Every resume review request, newest first, by status, student or reviewer',
  ...bearer(STAFF),
  request: { query: s.AdminQuery },
  responses: { 200: jsonResponse('A page of requests', Page), 400: problemResponse('Invalid query or cursor'), ...authProblems },
});

export const getRoute = createRoute({
  method: 'get',
  path: '/api/resume-reviews/{id}',
  tags: TAGS,
  summary: 'One request: its student, its reviewer, staff, or any mentor while it waits',
  ...bearer(READERS),
  request: { params: s.IdParam },
  responses: { 200: jsonResponse('The request', s.ReviewView), 400: problemResponse('Invalid id'), ...authProblems, ...missing },
});

const download = (which: 'resume' | 'reviewed') =>
  createRoute({
    method: 'get',
    path: `/api/resume-reviews/{id}/${which}`,
    tags: TAGS,
    summary: which === 'resume' ? 'A download URL of the resume' : 'A download URL of the reviewer’s annotated resume',
    ...bearer(READERS),
    request: { params: s.IdParam },
    responses: { 200: jsonResponse('A short-lived download URL', s.DownloadView), 400: problemResponse('Invalid id'), ...authProblems, ...missing },
  });
export const resumeDownloadRoute = download('resume');
export const reviewedDownloadRoute = download('reviewed');

const step = (name: string, summary: string, roles: readonly Role[]) =>
  createRoute({
    method: 'post',
    path: `/api/resume-reviews/{id}/${name}`,
    tags: TAGS,
    summary,
    ...bearer(roles),
    request: { params: s.IdParam },
    responses: { 200: jsonResponse('The request', s.ReviewView), 400: problemResponse('Invalid id'), ...authProblems, ...missing, ...raced },
  });
export const cancelRoute = step('cancel', 'Cancel: the student before the review starts, staff at any open step; the resume tokens come back once', ['USER', ...STAFF]);
export const claimRoute = step('claim', 'Pick up a waiting request (mentor)', MENTOR);
export const releaseRoute = step('release', 'Hand a picked-up request back to the queue (its reviewer)', MENTOR);
export const startRoute = step('start', 'Start reviewing (its reviewer)', MENTOR);

export const reviewedUploadRoute = createRoute({
  method: 'post',
  path: '/api/resume-reviews/{id}/reviewed-uploads',
  tags: TAGS,
  summary: 'A presigned PUT for the annotated resume (its reviewer, while in review)',
  ...bearer(MENTOR),
  request: { params: s.IdParam, body: jsonBody(s.UploadBody) },
  responses: { 201: jsonResponse('Where to upload', s.UploadView), 400: problemResponse('Invalid type or size'), ...authProblems, ...missing, ...raced },
});

export const completeRoute = createRoute({
  method: 'post',
  path: '/api/resume-reviews/{id}/complete',
  tags: TAGS,
  summary: 'Finish the review with feedback (its reviewer)',
  ...bearer(MENTOR),
  request: { params: s.IdParam, body: jsonBody(s.CompleteBody) },
  responses: { 200: jsonResponse('The request', s.ReviewView), 400: problemResponse('Invalid body'), ...authProblems, ...missing, ...raced, 422: problemResponse('The annotated resume was not uploaded for this request') },
});

export const grantRoute = createRoute({
  method: 'post',
  path: '/api/admin/users/{id}/resume-tokens',
  tags: TAGS,
  summary: 'Grant resume tokens to a user (one ledger row per reference)',
  description: 'Credits tokens.resumeBalance and writes an ADMIN_ADJUSTMENT row keyed by the reference: a repeat, or a parallel double, with the same reference credits once and answers the first grant with 200.',
  ...bearer(STAFF),
  request: { params: s.GrantParams, body: jsonBody(s.GrantBody) },
  responses: {
    200: jsonResponse('Granted before with this reference; nothing more credited', s.GrantView),
    201: jsonResponse('Granted', s.GrantView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such user'),
    422: problemResponse('The account is deactivated'),
  },
});
