import { createRouter } from '../../openapi.js';
import { approveAllotmentHandler, listAllotmentsHandler, rejectAllotmentHandler, requestAllotmentHandler } from './token-allotments.handlers.js';
import { approveAllotmentRoute, listAllotmentsRoute, rejectAllotmentRoute, requestAllotmentRoute } from './token-allotments.routes.js';

export const tokenAllotmentsRouter = createRouter()
  .openapi(requestAllotmentRoute, requestAllotmentHandler)
  .openapi(listAllotmentsRoute, listAllotmentsHandler)
  .openapi(approveAllotmentRoute, approveAllotmentHandler)
  .openapi(rejectAllotmentRoute, rejectAllotmentHandler);
