import { createRouter } from '../../openapi.js';
import {
  createAgentHandler,
  deleteAgentHandler,
  diffAgentVersionsHandler,
  getAgentHandler,
  getAgentVersionHandler,
  listAgentsHandler,
  listAgentVersionsHandler,
  rollbackAgentHandler,
  updateAgentHandler,
} from './agents.handlers.js';
import {
  createAgentRoute,
  deleteAgentRoute,
  diffAgentVersionsRoute,
  getAgentRoute,
  getAgentVersionRoute,
  listAgentsRoute,
  listAgentVersionsRoute,
  rollbackAgentRoute,
  updateAgentRoute,
} from './agents.routes.js';

export const agentsRouter = createRouter()
  .openapi(createAgentRoute, createAgentHandler)
  .openapi(listAgentsRoute, listAgentsHandler)
  .openapi(getAgentRoute, getAgentHandler)
  .openapi(updateAgentRoute, updateAgentHandler)
  .openapi(deleteAgentRoute, deleteAgentHandler)
  .openapi(listAgentVersionsRoute, listAgentVersionsHandler)
  .openapi(getAgentVersionRoute, getAgentVersionHandler)
  .openapi(diffAgentVersionsRoute, diffAgentVersionsHandler)
  .openapi(rollbackAgentRoute, rollbackAgentHandler);
