import { createRouter } from '../../openapi.js';
import * as h from './engagement-xp.handlers.js';
import * as r from './engagement-xp.routes.js';

export const engagementXpRouter = createRouter()
  .openapi(r.myActivityRoute, h.myActivityHandler)
  .openapi(r.myBadgesRoute, h.myBadgesHandler)
  .openapi(r.myXpRoute, h.myXpHandler)
  .openapi(r.batchLeaderboardRoute, h.batchLeaderboardHandler);
