import { createRouter } from '../../openapi.js';
import * as h from './hire-candidates.handlers.js';
import * as r from './hire-candidates.routes.js';

export const hireCandidatesRouter = createRouter()
  .openapi(r.advanceRoute, h.advanceHandler)
  .openapi(r.rejectRoute, h.rejectHandler)
  .openapi(r.holdRoute, h.holdHandler)
  .openapi(r.releaseRoute, h.releaseHandler)
  .openapi(r.overrideRoute, h.overrideHandler)
  .openapi(r.bulkRejectRoute, h.bulkRejectHandler)
  .openapi(r.bulkRejectProgressRoute, h.bulkRejectProgressHandler)
  .openapi(r.createCampaignRoute, h.createCampaignHandler)
  .openapi(r.getCampaignRoute, h.getCampaignHandler);
