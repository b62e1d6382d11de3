import { createRouter } from '../../openapi.js';
import { getProfileHandler, listHandler, putProfileHandler } from './crm-sales-heads.handlers.js';
import { getSalesHeadProfileRoute, listSalesHeadsRoute, putSalesHeadProfileRoute } from './crm-sales-heads.routes.js';

export const crmSalesHeadsRouter = createRouter().openapi(listSalesHeadsRoute, listHandler).openapi(getSalesHeadProfileRoute, getProfileHandler).openapi(putSalesHeadProfileRoute, putProfileHandler);
