import { createRouter } from '../../openapi.js';
import { adminCancelDeletionHandler, cancelDeletionByTokenHandler, requestDeletionHandler } from './account-deletion.handlers.js';
import { adminCancelDeletionRoute, cancelDeletionByTokenRoute, requestDeletionRoute } from './account-deletion.routes.js';

export const accountDeletionRouter = createRouter()
  .openapi(requestDeletionRoute, requestDeletionHandler)
  .openapi(cancelDeletionByTokenRoute, cancelDeletionByTokenHandler)
  .openapi(adminCancelDeletionRoute, adminCancelDeletionHandler);
