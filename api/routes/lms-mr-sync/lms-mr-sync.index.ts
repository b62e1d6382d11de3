import { createRouter } from '../../openapi.js';
import { batchMrLearnProgressHandler, batchMrTestResultsHandler, listReminderLogsHandler, mrLearnMapHandlers, mrTestMapHandlers, myMrLearnProgressHandler, myMrTestResultsHandler } from './lms-mr-sync.handlers.js';
import { batchMrLearnProgressRoute, batchMrTestResultsRoute, listReminderLogsRoute, mrLearnMapRoutes, mrTestMapRoutes, myMrLearnProgressRoute, myMrTestResultsRoute } from './lms-mr-sync.routes.js';

export const lmsMrSyncRouter = createRouter()
  .openapi(mrLearnMapRoutes.list, mrLearnMapHandlers.list)
  .openapi(mrLearnMapRoutes.create, mrLearnMapHandlers.create)
  .openapi(mrLearnMapRoutes.remove, mrLearnMapHandlers.remove)
  .openapi(mrTestMapRoutes.list, mrTestMapHandlers.list)
  .openapi(mrTestMapRoutes.create, mrTestMapHandlers.create)
  .openapi(mrTestMapRoutes.remove, mrTestMapHandlers.remove)
  .openapi(batchMrLearnProgressRoute, batchMrLearnProgressHandler)
  .openapi(batchMrTestResultsRoute, batchMrTestResultsHandler)
  .openapi(myMrLearnProgressRoute, myMrLearnProgressHandler)
  .openapi(myMrTestResultsRoute, myMrTestResultsHandler)
  .openapi(listReminderLogsRoute, listReminderLogsHandler);
