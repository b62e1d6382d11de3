import { createRouter } from '../../openapi.js';
import { listConfigHandler, putConfigHandler } from './system-config.handlers.js';
import { listConfigRoute, putConfigRoute } from './system-config.routes.js';

export const systemConfigRouter = createRouter().openapi(listConfigRoute, listConfigHandler).openapi(putConfigRoute, putConfigHandler);
