import { createRouter } from '../../openapi.js';
import { ingestVendorLeadHandler } from './vendor-leads.handlers.js';
import { ingestVendorLeadRoute } from './vendor-leads.routes.js';

export const vendorLeadsRouter = createRouter().openapi(ingestVendorLeadRoute, ingestVendorLeadHandler);
