import { createRouter } from '../../openapi.js';
import { configChangesHandler, listConfigHandler, putConfigHandler } from './system-config.handlers.js';
import { configChangesRoute, listConfigRoute, putConfigRoute } from './system-config.routes.js';

export const systemConfigRouter = createRouter().openapi(listConfigRoute, listConfigHandler).openapi(putConfigRoute, putConfigHandler).openapi(configChangesRoute, configChangesHandler);
