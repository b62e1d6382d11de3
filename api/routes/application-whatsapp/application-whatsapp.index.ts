import { createRouter } from '../../openapi.js';
import { listHandler, sendHandler } from './application-whatsapp.handlers.js';
import { listApplicationWhatsAppRoute, sendApplicationWhatsAppRoute } from './application-whatsapp.routes.js';

export const applicationWhatsAppRouter = createRouter().openapi(sendApplicationWhatsAppRoute, sendHandler).openapi(listApplicationWhatsAppRoute, listHandler);
