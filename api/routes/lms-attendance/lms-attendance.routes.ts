import { createRoute } from '@hono/zod-openapi';
import { LEARNERS, LMS_STAFF, MEETING_MARKERS } from '../../../domain/lms/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { AttendanceView, BatchAttendanceQuery, IdParam, MarkAttendanceBody, MarkResult, MyAttendanceQuery } from './lms-attendance.schemas.js';

const TAGS = ['LMS attendance'];
const Page = pageSchema(AttendanceView).openapi('AttendancePage');
const listed = (what: string) => ({ 200: jsonResponse(`A page of ${what}`, Page), 400: problemResponse('Invalid filters or cursor'), ...authProblems });

export const markClassAttendanceRoute = createRoute({
  method: 'put',
  path: '/api/admin/classes/{id}/attendance',
  tags: TAGS,
  summary: 'Mark attendance for a class in bulk (upsert per student); PRESENT/LATE count toward course progress',
  description: 'sessionDate is the class’s scheduledAt (today when it has none). Every student must be enrolled in the class’s course (422).',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, body: jsonBody(MarkAttendanceBody) },
  responses: {
    200: jsonResponse('How many rows were created and updated', MarkResult),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such class'),
    422: problemResponse('A student listed twice, or not enrolled'),
  },
});

export const markMeetingAttendanceRoute = createRoute({
  method: 'put',
  path: '/api/admin/batch-meetings/{id}/attendance',
  tags: TAGS,
  summary: 'Mark attendance for a batch meeting in bulk (upsert per student)',
  description: 'Staff, or the EXPERT who hosts the meeting (another expert: 403). sessionDate is the meeting’s startTime. Every student must be ENROLLED in the batch (422).',
  ...bearer(MEETING_MARKERS),
  request: { params: IdParam, body: jsonBody(MarkAttendanceBody) },
  responses: {
    200: jsonResponse('How many rows were created and updated', MarkResult),
    400: problemResponse('Invalid body'),
    ...authProblems,
    404: problemResponse('No such meeting'),
    422: problemResponse('A student listed twice, or not in the batch'),
  },
});

export const listMyAttendanceRoute = createRoute({
  method: 'get',
  path: '/api/me/attendance',
  tags: TAGS,
  summary: 'Your own attendance rows, newest first',
  ...bearer(LEARNERS),
  request: { query: MyAttendanceQuery },
  responses: listed('your attendance'),
});

export const listClassAttendanceRoute = createRoute({
  method: 'get',
  path: '/api/admin/classes/{id}/attendance',
  tags: TAGS,
  summary: 'A class’s attendance, newest first',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, query: PageQuery },
  responses: { ...listed('attendance'), 404: problemResponse('No such class') },
});

export const listMeetingAttendanceRoute = createRoute({
  method: 'get',
  path: '/api/admin/batch-meetings/{id}/attendance',
  tags: TAGS,
  summary: 'A batch meeting’s attendance, newest first (staff, or its host)',
  ...bearer(MEETING_MARKERS),
  request: { params: IdParam, query: PageQuery },
  responses: { ...listed('attendance'), 404: problemResponse('No such meeting') },
});

export const listBatchAttendanceRoute = createRoute({
  method: 'get',
  path: '/api/admin/batches/{id}/attendance',
  tags: TAGS,
  summary: 'A batch’s meeting attendance, newest first',
  ...bearer(LMS_STAFF),
  request: { params: IdParam, query: BatchAttendanceQuery },
  responses: { ...listed('attendance'), 404: problemResponse('No such batch') },
});
