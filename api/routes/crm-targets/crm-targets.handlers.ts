// Salesperson targets over HTTP; services/crm/targets.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createTarget, deleteTarget, listTargets, targetProgress, toTargetView, updateTarget } from '../../../services/crm/targets.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { createTargetRoute, deleteTargetRoute, listTargetsRoute, targetProgressRoute, updateTargetRoute } from './crm-targets.routes.js';

export const createTargetHandler: RouteHandler<typeof createTargetRoute, AppEnv> = async (c) => c.json(await createTarget(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listTargetsHandler: RouteHandler<typeof listTargetsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listTargets(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toTargetView), nextCursor }, 200);
};

export const targetProgressHandler: RouteHandler<typeof targetProgressRoute, AppEnv> = async (c) => c.json(await targetProgress(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const updateTargetHandler: RouteHandler<typeof updateTargetRoute, AppEnv> = async (c) => c.json(await updateTarget(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteTargetHandler: RouteHandler<typeof deleteTargetRoute, AppEnv> = async (c) => {
  await deleteTarget(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};
