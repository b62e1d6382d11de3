import { createRouter } from '../../openapi.js';
import * as h from './vendor-key-usage.handlers.js';
import * as r from './vendor-key-usage.routes.js';

export const vendorKeyUsageRouter = createRouter().openapi(r.keySummariesRoute, h.keySummariesHandler).openapi(r.keyLeadsRoute, h.keyLeadsHandler);
