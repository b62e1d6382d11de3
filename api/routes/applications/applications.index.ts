import { createRouter } from '../../openapi.js';
import { applyHandler, getMyApplicationHandler, listMyApplicationsHandler, submitHandler, updateDraftHandler } from './applications.handlers.js';
import { applyRoute, getMyApplicationRoute, listMyApplicationsRoute, submitRoute, updateDraftRoute } from './applications.routes.js';

export const applicationsRouter = createRouter()
  .openapi(applyRoute, applyHandler)
  .openapi(listMyApplicationsRoute, listMyApplicationsHandler)
  .openapi(getMyApplicationRoute, getMyApplicationHandler)
  .openapi(updateDraftRoute, updateDraftHandler)
  .openapi(submitRoute, submitHandler);
