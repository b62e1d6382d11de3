import { createRouter } from '../../openapi.js';
import { assignLeadHandler, bulkAssignHandler, captureLeadHandler, getLeadHandler, listLeadsHandler, updateLeadHandler } from './crm-leads.handlers.js';
import { assignLeadRoute, bulkAssignRoute, captureLeadRoute, getLeadRoute, listLeadsRoute, updateLeadRoute } from './crm-leads.routes.js';

export const crmLeadsRouter = createRouter()
  .openapi(captureLeadRoute, captureLeadHandler)
  .openapi(bulkAssignRoute, bulkAssignHandler)
  .openapi(listLeadsRoute, listLeadsHandler)
  .openapi(getLeadRoute, getLeadHandler)
  .openapi(updateLeadRoute, updateLeadHandler)
  .openapi(assignLeadRoute, assignLeadHandler);
