import { createRouter } from '../../openapi.js';
import {
  listBatchAttendanceHandler,
  listClassAttendanceHandler,
  listMeetingAttendanceHandler,
  listMyAttendanceHandler,
  markClassAttendanceHandler,
  markMeetingAttendanceHandler,
} from './lms-attendance.handlers.js';
import { listBatchAttendanceRoute, listClassAttendanceRoute, listMeetingAttendanceRoute, listMyAttendanceRoute, markClassAttendanceRoute, markMeetingAttendanceRoute } from './lms-attendance.routes.js';

export const lmsAttendanceRouter = createRouter()
  .openapi(markClassAttendanceRoute, markClassAttendanceHandler)
  .openapi(markMeetingAttendanceRoute, markMeetingAttendanceHandler)
  .openapi(listMyAttendanceRoute, listMyAttendanceHandler)
  .openapi(listClassAttendanceRoute, listClassAttendanceHandler)
  .openapi(listMeetingAttendanceRoute, listMeetingAttendanceHandler)
  .openapi(listBatchAttendanceRoute, listBatchAttendanceHandler);
