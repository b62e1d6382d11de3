import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, type Role } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { IdParam } from '../lms-profiles/lms-fields.js';
import { AttachRecordingBody, BatchMeetingQuery, BatchMeetingView, MyMeetingQuery, RecordingBody, ScheduleMeetingBody, StudentMeetingView, UpdateMeetingBody } from './lms-batch-meetings.schemas.js';

const TAGS = ['Batch meetings'];
/** Staff, and experts for the batches they super-mentor (checked per batch). */
const MANAGERS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'EXPERT'];
const notFound = { 404: problemResponse('No such meeting, or not one of your batches') };
const illegal = { 409: problemResponse('ILLEGAL_TRANSITION: not allowed from the current status') };

export const scheduleMeetingRoute = createRoute({
  method: 'post',
  path: '/api/batch-meetings',
  tags: TAGS,
  summary: 'Schedule a meeting for a batch (staff, or the batch’s super-mentor)',
  description: 'The batch must not be COMPLETED or CANCELLED. googleCalendarEventId stays null: no calendar integration yet.',
  ...bearer(MANAGERS),
  request: { body: jsonBody(ScheduleMeetingBody) },
  responses: {
    201: jsonResponse('The meeting (SCHEDULED)', BatchMeetingView),
    400: problemResponse('Invalid body'),
    ...authProblems,
    409: problemResponse('The batch is COMPLETED or CANCELLED'),
    422: problemResponse('No such batch, or the window is empty or too long'),
  },
});

export const listBatchMeetingsRoute = createRoute({
  method: 'get',
  path: '/api/batch-meetings',
  tags: TAGS,
  summary: 'A batch’s meetings, newest first (staff, or the batch’s super-mentor)',
  ...bearer(MANAGERS),
  request: { query: BatchMeetingQuery },
  responses: { 200: jsonResponse('A page of meetings', pageSchema(BatchMeetingView).openapi('BatchMeetingPage')), 400: problemResponse('Invalid filters'), ...authProblems, 404: problemResponse('No such batch, or not yours') },
});

export const updateMeetingRoute = createRoute({
  method: 'patch',
  path: '/api/batch-meetings/{id}',
  tags: TAGS,
  summary: 'Edit or reschedule a SCHEDULED meeting',
  ...bearer(MANAGERS),
  request: { params: IdParam, body: jsonBody(UpdateMeetingBody) },
  responses: { 200: jsonResponse('The meeting', BatchMeetingView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 409: problemResponse('The meeting is no longer SCHEDULED'), 422: problemResponse('The window is empty or too long') },
});

export const startMeetingRoute = createRoute({
  method: 'post',
  path: '/api/batch-meetings/{id}/start',
  tags: TAGS,
  summary: 'SCHEDULED → LIVE',
  ...bearer(MANAGERS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The meeting', BatchMeetingView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound, ...illegal },
});

export const completeMeetingRoute = createRoute({
  method: 'post',
  path: '/api/batch-meetings/{id}/complete',
  tags: TAGS,
  summary: 'LIVE → COMPLETED, optionally with the recording URL or S3 key',
  ...bearer(MANAGERS),
  request: { params: IdParam, body: jsonBody(RecordingBody) },
  responses: { 200: jsonResponse('The meeting', BatchMeetingView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...illegal },
});

export const cancelMeetingRoute = createRoute({
  method: 'post',
  path: '/api/batch-meetings/{id}/cancel',
  tags: TAGS,
  summary: 'SCHEDULED or LIVE → CANCELLED',
  ...bearer(MANAGERS),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The meeting', BatchMeetingView), 400: problemResponse('Invalid id'), ...authProblems, ...notFound, ...illegal },
});

export const attachRecordingRoute = createRoute({
  method: 'put',
  path: '/api/batch-meetings/{id}/recording',
  tags: TAGS,
  summary: 'Attach or replace the recording of a COMPLETED meeting',
  ...bearer(MANAGERS),
  request: { params: IdParam, body: jsonBody(AttachRecordingBody) },
  responses: { 200: jsonResponse('The meeting', BatchMeetingView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 409: problemResponse('The meeting is not COMPLETED') },
});

export const myMeetingsRoute = createRoute({
  method: 'get',
  path: '/api/me/batch-meetings',
  tags: TAGS,
  summary: 'Meetings of the batches you belong to (allocated or enrolled); empty when none',
  ...bearer(EVERYONE),
  request: { query: MyMeetingQuery },
  responses: { 200: jsonResponse('A page of meetings', pageSchema(StudentMeetingView).openapi('StudentBatchMeetingPage')), 400: problemResponse('Invalid query'), ...authProblems },
});
