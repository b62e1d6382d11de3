import { createRoute } from '@hono/zod-openapi';
import { EVERYONE, STAFF, type Role } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import { IdParam } from '../lms-profiles/lms-fields.js';
import {
  AllSuperMentorMeetingQuery,
  CancelSuperMentorMeetingBody,
  CompleteSuperMentorMeetingBody,
  MySuperMentorMeetingQuery,
  ScheduledSuperMentorMeetings,
  ScheduleSuperMentorMeetingBody,
  SuperMentorMeetingView,
  UpdateSuperMentorMeetingBody,
} from './super-mentor-meetings.schemas.js';

const TAGS = ['Super-mentor meetings'];
/** Experts (and staff) who super-mentor a batch; checked per batch and per meeting. */
const HOSTS: readonly Role[] = ['EXPERT', 'ADMIN', 'SUPERADMIN'];
const notFound = { 404: problemResponse('No such meeting, or not one you host') };
const illegal = { 409: problemResponse('ILLEGAL_TRANSITION: the meeting is no longer SCHEDULED') };

export const scheduleSuperMentorMeetingRoute = createRoute({
  method: 'post',
  path: '/api/super-mentor-meetings',
  tags: TAGS,
  summary: 'Schedule a meeting with a student, or a session for a whole batch (one row per student), as its super-mentor',
  description: 'The caller hosts. A studentId must belong (allocated or enrolled) to a batch the caller super-mentors; a batchId must be one the caller super-mentors and open. Each student is notified.',
  ...bearer(HOSTS),
  request: { body: jsonBody(ScheduleSuperMentorMeetingBody) },
  responses: {
    201: jsonResponse('The meetings created (SCHEDULED)', ScheduledSuperMentorMeetings),
    400: problemResponse('Invalid body'),
    ...authProblems,
    403: problemResponse('Not the super-mentor of the student’s batch (or of this batch)'),
    422: problemResponse('The batch has no students, or too many'),
  },
});

export const mySuperMentorMeetingsRoute = createRoute({
  method: 'get',
  path: '/api/me/super-mentor-meetings',
  tags: TAGS,
  summary: 'Your super-mentor meetings, as the student (default) or as the host',
  ...bearer(EVERYONE),
  request: { query: MySuperMentorMeetingQuery },
  responses: { 200: jsonResponse('A page of meetings', pageSchema(SuperMentorMeetingView).openapi('SuperMentorMeetingPage')), 400: problemResponse('Invalid query'), ...authProblems },
});

export const allSuperMentorMeetingsRoute = createRoute({
  method: 'get',
  path: '/api/super-mentor-meetings',
  tags: TAGS,
  summary: 'Every super-mentor meeting, newest first (staff)',
  ...bearer(STAFF),
  request: { query: AllSuperMentorMeetingQuery },
  responses: { 200: jsonResponse('A page of meetings', pageSchema(SuperMentorMeetingView).openapi('SuperMentorMeetingStaffPage')), 400: problemResponse('Invalid filters'), ...authProblems },
});

export const getSuperMentorMeetingRoute = createRoute({
  method: 'get',
  path: '/api/super-mentor-meetings/{id}',
  tags: TAGS,
  summary: 'One meeting (its host, its student, or staff)',
  ...bearer(EVERYONE),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The meeting', SuperMentorMeetingView), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such meeting, or not yours') },
});

export const updateSuperMentorMeetingRoute = createRoute({
  method: 'patch',
  path: '/api/super-mentor-meetings/{id}',
  tags: TAGS,
  summary: 'Edit or reschedule a SCHEDULED meeting (the host or staff); a new time notifies the student',
  ...bearer(HOSTS),
  request: { params: IdParam, body: jsonBody(UpdateSuperMentorMeetingBody) },
  responses: { 200: jsonResponse('The meeting', SuperMentorMeetingView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...illegal },
});

export const cancelSuperMentorMeetingRoute = createRoute({
  method: 'post',
  path: '/api/super-mentor-meetings/{id}/cancel',
  tags: TAGS,
  summary: 'SCHEDULED → CANCELLED (the host or staff); the student is notified',
  ...bearer(HOSTS),
  request: { params: IdParam, body: jsonBody(CancelSuperMentorMeetingBody) },
  responses: { 200: jsonResponse('The meeting', SuperMentorMeetingView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...illegal },
});

export const completeSuperMentorMeetingRoute = createRoute({
  method: 'post',
  path: '/api/super-mentor-meetings/{id}/complete',
  tags: TAGS,
  summary: 'SCHEDULED → COMPLETED with attendance and notes (the host or staff)',
  ...bearer(HOSTS),
  request: { params: IdParam, body: jsonBody(CompleteSuperMentorMeetingBody) },
  responses: { 200: jsonResponse('The meeting', SuperMentorMeetingView), 400: problemResponse('Invalid body'), ...authProblems, ...notFound, ...illegal },
});
