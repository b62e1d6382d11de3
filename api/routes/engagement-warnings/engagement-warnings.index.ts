import { createRouter } from '../../openapi.js';
import * as h from './engagement-warnings.handlers.js';
import * as r from './engagement-warnings.routes.js';

export const engagementWarningsRouter = createRouter()
  .openapi(r.issueWarningRoute, h.issueWarningHandler)
  .openapi(r.studentWarningsRoute, h.studentWarningsHandler)
  .openapi(r.revokeWarningRoute, h.revokeWarningHandler)
  .openapi(r.myWarningsRoute, h.myWarningsHandler)
  .openapi(r.acknowledgeWarningRoute, h.acknowledgeWarningHandler);
