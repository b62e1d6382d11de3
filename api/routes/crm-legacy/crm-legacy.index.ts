import { createRouter } from '../../openapi.js';
import * as h from './crm-legacy.handlers.js';
import * as r from './crm-legacy.routes.js';

export const crmLegacyRouter = createRouter()
  .openapi(r.listLegacyLeadsRoute, h.listLegacyLeadsHandler)
  .openapi(r.migrateLegacyLeadRoute, h.migrateLegacyLeadHandler)
  .openapi(r.captureCampaignLeadRoute, h.captureCampaignLeadHandler)
  .openapi(r.listCampaignLeadsRoute, h.listCampaignLeadsHandler);
