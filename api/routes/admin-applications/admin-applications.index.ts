import { createRouter } from '../../openapi.js';
import { allocateHandler, deboardHandler, getApplicationHandler, listApplicationsHandler, plainMoveHandler, rejectHandler } from './admin-applications.handlers.js';
import { allocateRoute, deboardRoute, getApplicationRoute, listApplicationsRoute, plainMoveRoute, rejectRoute } from './admin-applications.routes.js';

export const adminApplicationsRouter = createRouter()
  .openapi(listApplicationsRoute, listApplicationsHandler)
  .openapi(getApplicationRoute, getApplicationHandler)
  .openapi(plainMoveRoute('start-review'), plainMoveHandler('start-review'))
  .openapi(plainMoveRoute('approve'), plainMoveHandler('approve'))
  .openapi(rejectRoute, rejectHandler)
  .openapi(allocateRoute, allocateHandler)
  .openapi(plainMoveRoute('enroll'), plainMoveHandler('enroll'))
  .openapi(deboardRoute, deboardHandler);
