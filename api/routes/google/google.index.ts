import { createRouter } from '../../openapi.js';
import * as h from './google.handlers.js';
import * as r from './google.routes.js';

export const googleRouter = createRouter()
  .openapi(r.connectGoogleRoute, h.connectGoogleHandler)
  .openapi(r.googleCallbackRoute, h.googleCallbackHandler)
  .openapi(r.myGoogleRoute, h.myGoogleHandler)
  .openapi(r.disconnectGoogleRoute, h.disconnectGoogleHandler);
