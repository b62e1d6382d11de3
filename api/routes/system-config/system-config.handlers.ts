// Typed system config: HTTP only. services/system-config/config-admin.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { configChanges, listConfig, putConfig } from '../../../services/system-config/config-admin.js';
import { keyset, toPage } from '../../pagination.js';
import type { configChangesRoute, listConfigRoute, putConfigRoute } from './system-config.routes.js';

export const listConfigHandler: RouteHandler<typeof listConfigRoute, AppEnv> = async (c) => c.json({ items: await listConfig(c.get('deps')) }, 200);

export const putConfigHandler: RouteHandler<typeof putConfigRoute, AppEnv> = async (c) =>
  c.json(await putConfig(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').key, c.req.valid('json')), 200);

export const configChangesHandler: RouteHandler<typeof configChangesRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await configChanges(c.get('deps'), c.req.valid('param').key, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map((r) => ({ ...r, oldValue: r.oldValue ?? null, createdAt: r.createdAt.toISOString() })), nextCursor }, 200);
};
