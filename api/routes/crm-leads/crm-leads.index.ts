import { createRouter } from '../../openapi.js';
import { assignLeadHandler, captureLeadHandler, getLeadHandler, listLeadsHandler } from './crm-leads.handlers.js';
import { assignLeadRoute, captureLeadRoute, getLeadRoute, listLeadsRoute } from './crm-leads.routes.js';

export const crmLeadsRouter = createRouter()
  .openapi(captureLeadRoute, captureLeadHandler)
  .openapi(listLeadsRoute, listLeadsHandler)
  .openapi(getLeadRoute, getLeadHandler)
  .openapi(assignLeadRoute, assignLeadHandler);
