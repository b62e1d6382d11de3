import { createRouter } from '../../openapi.js';
import * as h from './crm-tags.handlers.js';
import * as r from './crm-tags.routes.js';

export const crmTagsRouter = createRouter()
  .openapi(r.listTagsRoute, h.listTagsHandler)
  .openapi(r.createTagRoute, h.createTagHandler)
  .openapi(r.updateTagRoute, h.updateTagHandler)
  .openapi(r.deleteTagRoute, h.deleteTagHandler)
  .openapi(r.leadTagsRoute, h.leadTagsHandler)
  .openapi(r.tagLeadRoute, h.tagLeadHandler)
  .openapi(r.untagLeadRoute, h.untagLeadHandler);
