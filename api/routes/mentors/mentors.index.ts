import { createRouter } from '../../openapi.js';
import { applyHandler, approveHandler, listApplicationsHandler, rejectHandler, updateProfileHandler } from './mentors.handlers.js';
import { applyRoute, approveRoute, listApplicationsRoute, rejectRoute, updateProfileRoute } from './mentors.routes.js';

export const mentorsRouter = createRouter()
  .openapi(applyRoute, applyHandler)
  .openapi(listApplicationsRoute, listApplicationsHandler)
  .openapi(approveRoute, approveHandler)
  .openapi(rejectRoute, rejectHandler)
  .openapi(updateProfileRoute, updateProfileHandler);
