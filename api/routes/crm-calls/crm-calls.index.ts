import { createRouter } from '../../openapi.js';
import { callLeadHandler, createCallLogHandler, listCallLogsHandler, updateCallLogHandler } from './crm-calls.handlers.js';
import { callLeadRoute, createCallLogRoute, listCallLogsRoute, updateCallLogRoute } from './crm-calls.routes.js';

export const crmCallsRouter = createRouter().openapi(callLeadRoute, callLeadHandler).openapi(createCallLogRoute, createCallLogHandler).openapi(listCallLogsRoute, listCallLogsHandler)
  .openapi(updateCallLogRoute, updateCallLogHandler);
