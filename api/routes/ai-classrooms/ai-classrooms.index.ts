import { createRouter } from '../../openapi.js';
import {
  approveRequestHandler,
  archiveClassroomHandler,
  getClassroomHandler,
  getMyProgressHandler,
  getRequestHandler,
  listClassroomsHandler,
  listMyRequestsHandler,
  listProgressHandler,
  listRequestsHandler,
  publishClassroomHandler,
  recordProgressHandler,
  rejectRequestHandler,
  requestClassroomHandler,
  updateClassroomHandler,
} from './ai-classrooms.handlers.js';
import {
  approveRequestRoute,
  archiveClassroomRoute,
  getClassroomRoute,
  getMyProgressRoute,
  getRequestRoute,
  listClassroomsRoute,
  listMyRequestsRoute,
  listProgressRoute,
  listRequestsRoute,
  publishClassroomRoute,
  recordProgressRoute,
  rejectRequestRoute,
  requestClassroomRoute,
  updateClassroomRoute,
} from './ai-classrooms.routes.js';

// The static admin request paths are registered before /api/admin/ai-classrooms/{id}/… ones.
export const aiClassroomsRouter = createRouter()
  .openapi(requestClassroomRoute, requestClassroomHandler)
  .openapi(listMyRequestsRoute, listMyRequestsHandler)
  .openapi(listRequestsRoute, listRequestsHandler)
  .openapi(getRequestRoute, getRequestHandler)
  .openapi(approveRequestRoute, approveRequestHandler)
  .openapi(rejectRequestRoute, rejectRequestHandler)
  .openapi(listClassroomsRoute, listClassroomsHandler)
  .openapi(getClassroomRoute, getClassroomHandler)
  .openapi(updateClassroomRoute, updateClassroomHandler)
  .openapi(publishClassroomRoute, publishClassroomHandler)
  .openapi(archiveClassroomRoute, archiveClassroomHandler)
  .openapi(recordProgressRoute, recordProgressHandler)
  .openapi(getMyProgressRoute, getMyProgressHandler)
  .openapi(listProgressRoute, listProgressHandler);
