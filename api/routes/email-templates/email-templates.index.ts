import { createRouter } from '../../openapi.js';
import * as h from './email-templates.handlers.js';
import * as r from './email-templates.routes.js';

export const emailTemplatesRouter = createRouter()
  .openapi(r.listEmailTemplatesRoute, h.listEmailTemplatesHandler)
  .openapi(r.createEmailTemplateRoute, h.createEmailTemplateHandler)
  .openapi(r.getEmailTemplateRoute, h.getEmailTemplateHandler)
  .openapi(r.updateEmailTemplateRoute, h.updateEmailTemplateHandler)
  .openapi(r.deleteEmailTemplateRoute, h.deleteEmailTemplateHandler)
  .openapi(r.previewEmailTemplateRoute, h.previewEmailTemplateHandler);
