import { createRouter } from '../../openapi.js';
import * as h from './crm-workflows.handlers.js';
import * as r from './crm-workflows.routes.js';

export const crmWorkflowsRouter = createRouter()
  .openapi(r.createWorkflowRoute, h.createWorkflowHandler)
  .openapi(r.listWorkflowsRoute, h.listWorkflowsHandler)
  .openapi(r.getWorkflowRoute, h.getWorkflowHandler)
  .openapi(r.updateWorkflowRoute, h.updateWorkflowHandler)
  .openapi(r.publishWorkflowRoute, h.publishWorkflowHandler)
  .openapi(r.archiveWorkflowRoute, h.archiveWorkflowHandler)
  .openapi(r.dryRunRoute, h.dryRunHandler)
  .openapi(r.enrollRoute, h.enrollHandler)
  .openapi(r.bulkEnrollRoute, h.bulkEnrollHandler);
