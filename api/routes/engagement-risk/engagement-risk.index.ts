import { createRouter } from '../../openapi.js';
import * as h from './engagement-risk.handlers.js';
import * as r from './engagement-risk.routes.js';

export const engagementRiskRouter = createRouter().openapi(r.atRiskRoute, h.atRiskHandler);
