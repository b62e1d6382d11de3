// A lead's read side over HTTP: timeline, message logs, follow-up lists. The rules (visibility)
// live in services/crm/{timeline,lead-logs,follow-up-lists}.ts.
import type { RouteHandler } from '@hono/zod-openapi';
import { leadFollowUps, myFollowUps, overdueFollowUps, toFollowUpView } from '../../../services/crm/follow-up-lists.js';
import { listEmailLogs, listSmsLogs, listWhatsAppLogs, toEmailView, toSmsView, toWhatsAppView } from '../../../services/crm/lead-logs.js';
import { leadTimeline } from '../../../services/crm/timeline.js';
import type { AppEnv } from '../../deps.js';
import { decodeCursor, keysetOn, toPage, toPageOn } from '../../pagination.js';
import type { emailLogsRoute, leadFollowUpsRoute, myFollowUpsRoute, overdueFollowUpsRoute, smsLogsRoute, timelineRoute, whatsAppLogsRoute } from './crm-lead-reads.routes.js';

const window = (cursor: string | undefined, limit: number) => ({ after: cursor ? decodeCursor(cursor) : undefined, take: limit + 1 });

export const timelineHandler: RouteHandler<typeof timelineRoute, AppEnv> = async (c) => {
  const { cursor, limit, kinds } = c.req.valid('query');
  const rows = await leadTimeline(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { ...window(cursor, limit), kinds });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map((e) => ({ ...e, createdAt: e.createdAt.toISOString() })), nextCursor }, 200);
};

export const smsLogsHandler: RouteHandler<typeof smsLogsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listSmsLogs(c.get('deps'), c.get('auth')!, c.req.valid('param').id, window(cursor, limit)), limit);
  return c.json({ items: items.map(toSmsView), nextCursor }, 200);
};

export const emailLogsHandler: RouteHandler<typeof emailLogsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listEmailLogs(c.get('deps'), c.get('auth')!, c.req.valid('param').id, window(cursor, limit)), limit);
  return c.json({ items: items.map(toEmailView), nextCursor }, 200);
};

export const whatsAppLogsHandler: RouteHandler<typeof whatsAppLogsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listWhatsAppLogs(c.get('deps'), c.get('auth')!, c.req.valid('param').id, window(cursor, limit)), limit);
  return c.json({ items: items.map(toWhatsAppView), nextCursor }, 200);
};

const soonestDue = (cursor: string | undefined, limit: number) => ({ ...keysetOn('dueAt', 'asc', cursor), take: limit + 1 });

export const myFollowUpsHandler: RouteHandler<typeof myFollowUpsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPageOn(await myFollowUps(c.get('deps'), c.get('auth')!, filters, soonestDue(cursor, limit)), limit, (f) => f.dueAt);
  return c.json({ items: items.map(toFollowUpView), nextCursor }, 200);
};

export const overdueFollowUpsHandler: RouteHandler<typeof overdueFollowUpsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPageOn(await overdueFollowUps(c.get('deps'), c.get('auth')!, filters, soonestDue(cursor, limit)), limit, (f) => f.dueAt);
  return c.json({ items: items.map(toFollowUpView), nextCursor }, 200);
};

export const leadFollowUpsHandler: RouteHandler<typeof leadFollowUpsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPageOn(await leadFollowUps(c.get('deps'), c.get('auth')!, c.req.valid('param').id, filters, soonestDue(cursor, limit)), limit, (f) => f.dueAt);
  return c.json({ items: items.map(toFollowUpView), nextCursor }, 200);
};
