import { createRouter } from '../../openapi.js';
import * as h from './whatsapp-messages.handlers.js';
import * as r from './whatsapp-messages.routes.js';

export const whatsappMessagesRouter = createRouter().openapi(r.myWhatsAppMessagesRoute, h.myWhatsAppMessagesHandler).openapi(r.whatsAppMessagesRoute, h.whatsAppMessagesHandler);
