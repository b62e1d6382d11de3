import { createRouter } from '../../openapi.js';
import * as h from './crm-targets.handlers.js';
import * as r from './crm-targets.routes.js';

export const crmTargetsRouter = createRouter()
  .openapi(r.createTargetRoute, h.createTargetHandler)
  .openapi(r.listTargetsRoute, h.listTargetsHandler)
  .openapi(r.targetProgressRoute, h.targetProgressHandler)
  .openapi(r.updateTargetRoute, h.updateTargetHandler)
  .openapi(r.deleteTargetRoute, h.deleteTargetHandler);
