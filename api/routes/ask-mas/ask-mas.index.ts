import { createRouter } from '../../openapi.js';
import { adminAskLogsHandler, askFeedbackHandler, askHandler, myAskLogsHandler } from './ask-mas.handlers.js';
import { adminAskLogsRoute, askFeedbackRoute, askRoute, myAskLogsRoute } from './ask-mas.routes.js';

export const askMasRouter = createRouter()
  .openapi(askRoute, askHandler)
  .openapi(myAskLogsRoute, myAskLogsHandler)
  .openapi(adminAskLogsRoute, adminAskLogsHandler)
  .openapi(askFeedbackRoute, askFeedbackHandler);
