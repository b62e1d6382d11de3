import { createRouter } from '../../openapi.js';
import * as h from './lms-enrollments.handlers.js';
import * as r from './lms-enrollments.routes.js';

export const lmsEnrollmentsRouter = createRouter()
  .openapi(r.listMyCoursesRoute, h.listMyCoursesHandler)
  .openapi(r.getMyCourseRoute, h.getMyCourseHandler)
  .openapi(r.listCourseEnrollmentsRoute, h.listCourseEnrollmentsHandler)
  .openapi(r.listUserEnrollmentsRoute, h.listUserEnrollmentsHandler)
  .openapi(r.assignCourseRoute, h.assignCourseHandler)
  .openapi(r.unassignCourseRoute, h.unassignCourseHandler)
  .openapi(r.listAssignmentHistoryRoute, h.listAssignmentHistoryHandler);
