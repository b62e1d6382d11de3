// The notifications centre over HTTP; services/notifications/centre.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead, toNotificationView, unreadCount } from '../../../services/notifications/centre.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { listNotificationsRoute, markAllReadRoute, markReadRoute, unreadCountRoute } from './notifications.routes.js';

export const listNotificationsHandler: RouteHandler<typeof listNotificationsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listMyNotifications(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toNotificationView), nextCursor }, 200);
};

export const unreadCountHandler: RouteHandler<typeof unreadCountRoute, AppEnv> = async (c) => c.json(await unreadCount(c.get('deps'), c.get('auth')!), 200);

export const markReadHandler: RouteHandler<typeof markReadRoute, AppEnv> = async (c) => c.json(await markNotificationRead(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const markAllReadHandler: RouteHandler<typeof markAllReadRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json') ?? {};
  return c.json(await markAllNotificationsRead(c.get('deps'), c.get('auth')!, { before: body.before ? new Date(body.before) : undefined, category: body.category }), 200);
};
