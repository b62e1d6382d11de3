import { createRouter } from '../../openapi.js';
import { createPurchaseHandler, getPurchaseHandler, listPurchasesHandler, refundPurchaseHandler, verifyPurchaseHandler } from './tokens.handlers.js';
import { createPurchaseRoute, getPurchaseRoute, listPurchasesRoute, refundPurchaseRoute, verifyPurchaseRoute } from './tokens.routes.js';

export const tokensRouter = createRouter()
  .openapi(createPurchaseRoute, createPurchaseHandler)
  .openapi(getPurchaseRoute, getPurchaseHandler)
  .openapi(verifyPurchaseRoute, verifyPurchaseHandler)
  .openapi(listPurchasesRoute, listPurchasesHandler)
  .openapi(refundPurchaseRoute, refundPurchaseHandler);
