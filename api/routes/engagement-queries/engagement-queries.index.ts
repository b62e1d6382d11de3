import { createRouter } from '../../openapi.js';
import * as h from './engagement-queries.handlers.js';
import * as r from './engagement-queries.routes.js';

export const engagementQueriesRouter = createRouter()
  .openapi(r.raiseQueryRoute, h.raiseQueryHandler)
  .openapi(r.listQueriesRoute, h.listQueriesHandler)
  .openapi(r.getQueryRoute, h.getQueryHandler)
  .openapi(r.replyQueryRoute, h.replyQueryHandler)
  .openapi(r.updateQueryRoute, h.updateQueryHandler);
