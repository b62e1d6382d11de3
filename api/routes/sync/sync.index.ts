import { createRouter } from '../../openapi.js';
import {
  backfillConfigHandler,
  createConfigHandler,
  createCredentialsHandler,
  getConfigHandler,
  getCredentialsHandler,
  getRunHandler,
  listConfigsHandler,
  listCredentialsHandler,
  listRunsHandler,
  pauseConfigHandler,
  triggerConfigHandler,
  unpauseConfigHandler,
  updateConfigHandler,
  updateCredentialsHandler,
} from './sync.handlers.js';
import {
  backfillConfigRoute,
  createConfigRoute,
  createCredentialsRoute,
  getConfigRoute,
  getCredentialsRoute,
  getRunRoute,
  listConfigsRoute,
  listCredentialsRoute,
  listRunsRoute,
  pauseConfigRoute,
  triggerConfigRoute,
  unpauseConfigRoute,
  updateConfigRoute,
  updateCredentialsRoute,
} from './sync.routes.js';

export const syncRouter = createRouter()
  .openapi(createCredentialsRoute, createCredentialsHandler)
  .openapi(listCredentialsRoute, listCredentialsHandler)
  .openapi(getCredentialsRoute, getCredentialsHandler)
  .openapi(updateCredentialsRoute, updateCredentialsHandler)
  .openapi(createConfigRoute, createConfigHandler)
  .openapi(listConfigsRoute, listConfigsHandler)
  .openapi(getConfigRoute, getConfigHandler)
  .openapi(updateConfigRoute, updateConfigHandler)
  .openapi(pauseConfigRoute, pauseConfigHandler)
  .openapi(unpauseConfigRoute, unpauseConfigHandler)
  .openapi(triggerConfigRoute, triggerConfigHandler)
  .openapi(backfillConfigRoute, backfillConfigHandler)
  .openapi(listRunsRoute, listRunsHandler)
  .openapi(getRunRoute, getRunHandler);
