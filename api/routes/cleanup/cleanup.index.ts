import { createRouter } from '../../openapi.js';
import * as h from './cleanup.handlers.js';
import * as r from './cleanup.routes.js';

export const cleanupRouter = createRouter().openapi(r.cleanupOverviewRoute, h.cleanupOverviewHandler).openapi(r.previewCleanupRoute, h.previewCleanupHandler).openapi(r.runCleanupRoute, h.runCleanupHandler);
