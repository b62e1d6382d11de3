// Webinars over HTTP; services/lms/webinars.ts holds the lifecycle and the monotone progress.
import type { RouteHandler } from '@hono/zod-openapi';
import {
  createWebinar,
  deleteWebinar,
  getWebinar,
  listMyWebinarProgress,
  listPublicWebinars,
  listWebinarsForStaff,
  publicWebinarOrder,
  reportWebinarProgress,
  toProgressView,
  toPublicWebinarView,
  toWebinarView,
  transitionWebinar,
  updateWebinar,
} from '../../../services/lms/webinars.js';
import type { AppEnv } from '../../deps.js';
import { keyset, keysetOn, toPage, toPageOn } from '../../pagination.js';
import type {
  cancelWebinarRoute,
  completeWebinarRoute,
  createWebinarRoute,
  deleteWebinarRoute,
  getStaffWebinarRoute,
  listMyWebinarsRoute,
  listPublicWebinarsRoute,
  listStaffWebinarsRoute,
  reportProgressRoute,
  startWebinarRoute,
  updateWebinarRoute,
} from './lms-webinars.routes.js';

export const createWebinarHandler: RouteHandler<typeof createWebinarRoute, AppEnv> = async (c) => c.json(await createWebinar(c.get('deps'), c.req.valid('json')), 201);

export const listStaffWebinarsHandler: RouteHandler<typeof listStaffWebinarsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listWebinarsForStaff(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toWebinarView), nextCursor }, 200);
};

export const getStaffWebinarHandler: RouteHandler<typeof getStaffWebinarRoute, AppEnv> = async (c) => c.json(toWebinarView(await getWebinar(c.get('deps'), c.req.valid('param').id)), 200);

export const updateWebinarHandler: RouteHandler<typeof updateWebinarRoute, AppEnv> = async (c) => c.json(await updateWebinar(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteWebinarHandler: RouteHandler<typeof deleteWebinarRoute, AppEnv> = async (c) => {
  await deleteWebinar(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};

export const startWebinarHandler: RouteHandler<typeof startWebinarRoute, AppEnv> = async (c) => c.json(await transitionWebinar(c.get('deps'), c.req.valid('param').id, 'LIVE'), 200);

export const completeWebinarHandler: RouteHandler<typeof completeWebinarRoute, AppEnv> = async (c) =>
  c.json(await transitionWebinar(c.get('deps'), c.req.valid('param').id, 'COMPLETED', c.req.valid('json')), 200);

export const cancelWebinarHandler: RouteHandler<typeof cancelWebinarRoute, AppEnv> = async (c) => c.json(await transitionWebinar(c.get('deps'), c.req.valid('param').id, 'CANCELLED'), 200);

export const listPublicWebinarsHandler: RouteHandler<typeof listPublicWebinarsRoute, AppEnv> = async (c) => {
  const { cursor, limit, kind } = c.req.valid('query');
  const page = keysetOn('startsAt', publicWebinarOrder(kind), cursor);
  const rows = await listPublicWebinars(c.get('deps'), c.get('platform'), kind, { ...page, take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (w) => w.startsAt);
  return c.json({ items: items.map(toPublicWebinarView), nextCursor }, 200);
};

export const reportProgressHandler: RouteHandler<typeof reportProgressRoute, AppEnv> = async (c) =>
  c.json(await reportWebinarProgress(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const listMyWebinarsHandler: RouteHandler<typeof listMyWebinarsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listMyWebinarProgress(c.get('deps'), c.get('auth')!, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map((p) => ({ ...toProgressView(p), webinar: toPublicWebinarView(p.webinar) })), nextCursor }, 200);
};
