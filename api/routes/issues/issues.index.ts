import { createRouter } from '../../openapi.js';
import * as h from './issues.handlers.js';
import * as r from './issues.routes.js';

export const issuesRouter = createRouter()
  .openapi(r.fileIssueRoute, h.fileIssueHandler)
  .openapi(r.myIssuesRoute, h.myIssuesHandler)
  .openapi(r.getIssueRoute, h.getIssueHandler)
  .openapi(r.moveIssueRoute, h.moveIssueHandler)
  .openapi(r.listIssuesRoute, h.listIssuesHandler);
