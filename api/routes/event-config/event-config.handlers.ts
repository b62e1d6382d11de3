// Event configuration over HTTP; services/marketing/events.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createEvent, deleteEvent, getEvent, listEvents, publicEvent, publicEvents, toEventView, updateEvent } from '../../../services/marketing/events.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { createEventRoute, deleteEventRoute, getEventRoute, listEventsRoute, publicEventRoute, publicEventsRoute, updateEventRoute } from './event-config.routes.js';

/** Frontends may cache the public reads briefly; a toggle shows within this many seconds. */
const PUBLIC_MAX_AGE_SECONDS = 30;

export const listEventsHandler: RouteHandler<typeof listEventsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listEvents(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toEventView), nextCursor }, 200);
};
export const createEventHandler: RouteHandler<typeof createEventRoute, AppEnv> = async (c) => c.json(await createEvent(c.get('deps'), c.req.valid('json')), 201);
export const getEventHandler: RouteHandler<typeof getEventRoute, AppEnv> = async (c) => c.json(await getEvent(c.get('deps'), c.req.valid('param').key), 200);
export const updateEventHandler: RouteHandler<typeof updateEventRoute, AppEnv> = async (c) => c.json(await updateEvent(c.get('deps'), c.req.valid('param').key, c.req.valid('json')), 200);
export const deleteEventHandler: RouteHandler<typeof deleteEventRoute, AppEnv> = async (c) => {
  await deleteEvent(c.get('deps'), c.req.valid('param').key);
  return c.body(null, 204);
};

export const publicEventsHandler: RouteHandler<typeof publicEventsRoute, AppEnv> = async (c) => {
  c.header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  return c.json({ items: await publicEvents(c.get('deps')) }, 200);
};
export const publicEventHandler: RouteHandler<typeof publicEventRoute, AppEnv> = async (c) => {
  const event = await publicEvent(c.get('deps'), c.req.valid('param').key);
  c.header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
  return c.json(event, 200);
};
