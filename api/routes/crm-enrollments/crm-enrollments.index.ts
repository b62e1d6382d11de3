import { createRouter } from '../../openapi.js';
import * as h from './crm-enrollments.handlers.js';
import * as r from './crm-enrollments.routes.js';

export const crmEnrollmentsRouter = createRouter()
  .openapi(r.bulkRoute, h.bulkHandler)
  .openapi(r.getBulkOperationRoute, h.getBulkOperationHandler)
  .openapi(r.listEnrollmentsRoute, h.listEnrollmentsHandler)
  .openapi(r.getEnrollmentRoute, h.getEnrollmentHandler)
  .openapi(r.listNodeRunsRoute, h.listNodeRunsHandler)
  .openapi(r.pauseRoute, h.pauseHandler)
  .openapi(r.resumeRoute, h.resumeHandler)
  .openapi(r.cancelRoute, h.cancelHandler);
