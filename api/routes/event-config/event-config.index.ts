import { createRouter } from '../../openapi.js';
import * as h from './event-config.handlers.js';
import * as r from './event-config.routes.js';

export const eventConfigRouter = createRouter()
  .openapi(r.listEventsRoute, h.listEventsHandler)
  .openapi(r.createEventRoute, h.createEventHandler)
  .openapi(r.getEventRoute, h.getEventHandler)
  .openapi(r.updateEventRoute, h.updateEventHandler)
  .openapi(r.deleteEventRoute, h.deleteEventHandler)
  .openapi(r.publicEventsRoute, h.publicEventsHandler)
  .openapi(r.publicEventRoute, h.publicEventHandler);
