import { createRouter } from '../../openapi.js';
import * as h from './crm-lead-reads.handlers.js';
import * as r from './crm-lead-reads.routes.js';

export const crmLeadReadsRouter = createRouter()
  .openapi(r.timelineRoute, h.timelineHandler)
  .openapi(r.smsLogsRoute, h.smsLogsHandler)
  .openapi(r.emailLogsRoute, h.emailLogsHandler)
  .openapi(r.whatsAppLogsRoute, h.whatsAppLogsHandler)
  .openapi(r.myFollowUpsRoute, h.myFollowUpsHandler)
  .openapi(r.overdueFollowUpsRoute, h.overdueFollowUpsHandler)
  .openapi(r.leadFollowUpsRoute, h.leadFollowUpsHandler);
