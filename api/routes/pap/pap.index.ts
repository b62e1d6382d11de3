import { createRouter } from '../../openapi.js';
import * as h from './pap.handlers.js';
import * as r from './pap.routes.js';

export const papRouter = createRouter()
  .openapi(r.startPapRoute, h.startPapHandler)
  .openapi(r.getPapRoute, h.getPapHandler)
  .openapi(r.listPapsRoute, h.listPapsHandler)
  .openapi(r.myPapsRoute, h.myPapsHandler)
  .openapi(r.submitMouDetailsRoute, h.submitMouDetailsHandler)
  .openapi(r.agreementRoute, h.agreementHandler)
  .openapi(r.uploadUrlRoute, h.uploadUrlHandler)
  .openapi(r.submitSignedMouRoute, h.submitSignedMouHandler)
  .openapi(r.signedMouRoute, h.signedMouHandler)
  .openapi(r.resendEsignRoute, h.resendEsignHandler)
  .openapi(r.auditTrailRoute, h.auditTrailHandler)
  .openapi(r.reviewRoute, h.reviewHandler)
  .openapi(r.paymentOptionRoute, h.paymentOptionHandler)
  .openapi(r.upfrontPaymentRoute, h.upfrontPaymentHandler)
  .openapi(r.upfrontVerifyRoute, h.upfrontVerifyHandler)
  .openapi(r.approvePapRoute, h.approvePapHandler)
  .openapi(r.retryEnrolmentRoute, h.retryEnrolmentHandler);
