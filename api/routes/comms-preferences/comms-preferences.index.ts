import { createRouter } from '../../openapi.js';
import * as h from './comms-preferences.handlers.js';
import * as r from './comms-preferences.routes.js';

export const commsPreferencesRouter = createRouter()
  .openapi(r.myPreferencesRoute, h.myPreferencesHandler)
  .openapi(r.updateMyPreferencesRoute, h.updateMyPreferencesHandler)
  .openapi(r.describeUnsubscribeRoute, h.describeUnsubscribeHandler)
  .openapi(r.unsubscribeRoute, h.unsubscribeHandler)
  .openapi(r.listPreferencesRoute, h.listPreferencesHandler)
  .openapi(r.setPreferenceRoute, h.setPreferenceHandler);
