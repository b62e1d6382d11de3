import { createRouter } from '../../openapi.js';
import * as h from './hr-call-configs.handlers.js';
import * as r from './hr-call-configs.routes.js';

export const hrCallConfigsRouter = createRouter()
  .openapi(r.listHrCallConfigsRoute, h.listHrCallConfigsHandler)
  .openapi(r.createHrCallConfigRoute, h.createHrCallConfigHandler)
  .openapi(r.updateHrCallConfigRoute, h.updateHrCallConfigHandler)
  .openapi(r.deleteHrCallConfigRoute, h.deleteHrCallConfigHandler);
