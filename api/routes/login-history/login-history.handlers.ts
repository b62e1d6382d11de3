// Login history over HTTP; services/identity/login-history.ts holds the reads.
import type { RouteHandler } from '@hono/zod-openapi';
import { loginHistory, toLoginLogView, userLoginHistory } from '../../../services/identity/login-history.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { myLoginHistoryRoute, userLoginHistoryRoute } from './login-history.routes.js';

export const myLoginHistoryHandler: RouteHandler<typeof myLoginHistoryRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await loginHistory(c.get('deps'), c.get('auth')!.userId, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toLoginLogView), nextCursor }, 200);
};

export const userLoginHistoryHandler: RouteHandler<typeof userLoginHistoryRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await userLoginHistory(c.get('deps'), c.req.valid('param').id, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toLoginLogView), nextCursor }, 200);
};
