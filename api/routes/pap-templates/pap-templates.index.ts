import { createRouter } from '../../openapi.js';
import { createTemplateHandler, deleteTemplateHandler, getTemplateHandler, listTemplatesHandler, updateTemplateHandler } from './pap-templates.handlers.js';
import { createTemplateRoute, deleteTemplateRoute, getTemplateRoute, listTemplatesRoute, updateTemplateRoute } from './pap-templates.routes.js';

export const papTemplatesRouter = createRouter()
  .openapi(listTemplatesRoute, listTemplatesHandler)
  .openapi(createTemplateRoute, createTemplateHandler)
  .openapi(getTemplateRoute, getTemplateHandler)
  .openapi(updateTemplateRoute, updateTemplateHandler)
  .openapi(deleteTemplateRoute, deleteTemplateHandler);
