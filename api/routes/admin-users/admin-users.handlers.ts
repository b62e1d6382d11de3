// User admin: HTTP only. services/identity/admin-users.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { listUsers, updateUser } from '../../../services/identity/admin-users.js';
import { toPublicUser } from '../../../services/identity/user-view.js';
import type { listUsersRoute, updateUserRoute } from './admin-users.routes.js';

export const listUsersHandler: RouteHandler<typeof listUsersRoute, AppEnv> = async (c) => {
  const query = c.req.valid('query');
  const { cursor, limit, role, isActive, q } = query;
  // Tenant scoping: an explicit ?platform= wins, else the x-platform header when one was sent.
  const platform = query.platform ?? (c.get('platformExplicit') ? c.get('platform') : undefined);
  const rows = await listUsers(c.get('deps'), { page: keyset(cursor), take: limit + 1, role, isActive, platform, q });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toPublicUser), nextCursor }, 200);
};

export const updateUserHandler: RouteHandler<typeof updateUserRoute, AppEnv> = async (c) =>
  c.json(await updateUser(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
