import { createRouter } from '../../openapi.js';
import * as h from './crm-batch-pools.handlers.js';
import * as r from './crm-batch-pools.routes.js';

export const crmBatchPoolsRouter = createRouter()
  .openapi(r.listPoolRoute, h.listPoolHandler)
  .openapi(r.distributeRoute, h.distributeHandler)
  .openapi(r.putPoolMemberRoute, h.putPoolMemberHandler)
  .openapi(r.removePoolMemberRoute, h.removePoolMemberHandler);
