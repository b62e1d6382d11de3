import { createRouter } from '../../openapi.js';
import * as h from './resume-reviews.handlers.js';
import * as r from './resume-reviews.routes.js';

// The fixed paths (/uploads, /mine, /queue, /assigned) before /{id}.
export const resumeReviewsRouter = createRouter()
  .openapi(r.uploadRoute, h.uploadHandler)
  .openapi(r.requestRoute, h.requestHandler)
  .openapi(r.mineRoute, h.mineHandler)
  .openapi(r.queueRoute, h.queueHandler)
  .openapi(r.assignedRoute, h.assignedHandler)
  .openapi(r.adminListRoute, h.adminListHandler)
  .openapi(r.getRoute, h.getHandler)
  .openapi(r.resumeDownloadRoute, h.resumeDownloadHandler)
  .openapi(r.reviewedDownloadRoute, h.reviewedDownloadHandler)
  .openapi(r.cancelRoute, h.cancelHandler)
  .openapi(r.claimRoute, h.claimHandler)
  .openapi(r.releaseRoute, h.releaseHandler)
  .openapi(r.startRoute, h.startHandler)
  .openapi(r.reviewedUploadRoute, h.reviewedUploadHandler)
  .openapi(r.completeRoute, h.completeHandler)
  .openapi(r.grantRoute, h.grantHandler);
