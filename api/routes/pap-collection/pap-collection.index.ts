import { createRouter } from '../../openapi.js';
import * as h from './pap-collection.handlers.js';
import * as r from './pap-collection.routes.js';

export const papCollectionRouter = createRouter()
  .openapi(r.offerLetterUploadRoute, h.offerLetterUploadHandler)
  .openapi(r.reportPlacementRoute, h.reportPlacementHandler)
  .openapi(r.offerLetterRoute, h.offerLetterHandler)
  .openapi(r.verifyPlacementRoute, h.verifyPlacementHandler)
  .openapi(r.writeOffRoute, h.writeOffHandler)
  .openapi(r.instalmentPaymentRoute, h.instalmentPaymentHandler)
  .openapi(r.instalmentVerifyRoute, h.instalmentVerifyHandler);
