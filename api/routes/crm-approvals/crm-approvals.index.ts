import { createRouter } from '../../openapi.js';
import * as h from './crm-approvals.handlers.js';
import * as r from './crm-approvals.routes.js';

export const crmApprovalsRouter = createRouter()
  .openapi(r.requestApprovalRoute, h.requestApprovalHandler)
  .openapi(r.listApprovalsRoute, h.listApprovalsHandler)
  .openapi(r.getApprovalRoute, h.getApprovalHandler)
  .openapi(r.approveRoute, h.approveHandler)
  .openapi(r.rejectRoute, h.rejectHandler)
  .openapi(r.cancelRoute, h.cancelHandler);
