import { createRouter } from '../../openapi.js';
import * as h from './whatsapp-configs.handlers.js';
import * as r from './whatsapp-configs.routes.js';

export const whatsappConfigsRouter = createRouter()
  .openapi(r.getMyWhatsAppConfigRoute, h.getMyWhatsAppConfigHandler)
  .openapi(r.saveMyWhatsAppConfigRoute, h.saveMyWhatsAppConfigHandler)
  .openapi(r.deleteMyWhatsAppConfigRoute, h.deleteMyWhatsAppConfigHandler)
  .openapi(r.adminListWhatsAppConfigsRoute, h.adminListWhatsAppConfigsHandler)
  .openapi(r.adminRevokeWhatsAppConfigRoute, h.adminRevokeWhatsAppConfigHandler);
