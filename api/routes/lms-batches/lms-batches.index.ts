import { createRouter } from '../../openapi.js';
import { createBatchHandler, getBatchHandler, listBatchesHandler, listOpenBatchesHandler, setBatchStatusHandler, staffHandlers, updateBatchHandler } from './lms-batches.handlers.js';
import { communityManagerRoutes, createBatchRoute, getBatchRoute, listBatchesRoute, listOpenBatchesRoute, setBatchStatusRoute, superMentorRoutes, updateBatchRoute } from './lms-batches.routes.js';

const superMentors = staffHandlers('superMentor');
const communityManagers = staffHandlers('communityManager');

export const lmsBatchesRouter = createRouter()
  .openapi(createBatchRoute, createBatchHandler)
  .openapi(listBatchesRoute, listBatchesHandler)
  .openapi(getBatchRoute, getBatchHandler)
  .openapi(updateBatchRoute, updateBatchHandler)
  .openapi(setBatchStatusRoute, setBatchStatusHandler)
  .openapi(listOpenBatchesRoute, listOpenBatchesHandler)
  .openapi(superMentorRoutes.list, superMentors.list)
  .openapi(superMentorRoutes.assign, superMentors.assign)
  .openapi(superMentorRoutes.unassign, superMentors.unassign)
  .openapi(communityManagerRoutes.list, communityManagers.list)
  .openapi(communityManagerRoutes.assign, communityManagers.assign)
  .openapi(communityManagerRoutes.unassign, communityManagers.unassign);
