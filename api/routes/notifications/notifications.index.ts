import { createRouter } from '../../openapi.js';
import * as h from './notifications.handlers.js';
import * as r from './notifications.routes.js';

export const notificationsRouter = createRouter()
  .openapi(r.listNotificationsRoute, h.listNotificationsHandler)
  .openapi(r.unreadCountRoute, h.unreadCountHandler)
  .openapi(r.markAllReadRoute, h.markAllReadHandler)
  .openapi(r.markReadRoute, h.markReadHandler);
