// Mentor payouts: HTTP only. services/payouts/withdrawals.ts holds the balance rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { decideWithdrawal, listWithdrawals, myWithdrawals, requestWithdrawal, toWithdrawalView } from '../../../services/payouts/withdrawals.js';
import type { decideWithdrawalRoute, listWithdrawalsRoute, myWithdrawalsRoute, requestWithdrawalRoute } from './withdrawals.routes.js';

export const requestWithdrawalHandler: RouteHandler<typeof requestWithdrawalRoute, AppEnv> = async (c) =>
  c.json(await requestWithdrawal(c.get('deps'), c.get('auth')!.userId, c.req.valid('json').amountPaise), 201);

export const myWithdrawalsHandler: RouteHandler<typeof myWithdrawalsRoute, AppEnv> = async (c) => c.json(await myWithdrawals(c.get('deps'), c.get('auth')!.userId), 200);

export const listWithdrawalsHandler: RouteHandler<typeof listWithdrawalsRoute, AppEnv> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  const rows = await listWithdrawals(c.get('deps'), { page: keyset(cursor), take: limit + 1, status });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toWithdrawalView), nextCursor }, 200);
};

export const decideWithdrawalHandler: RouteHandler<typeof decideWithdrawalRoute, AppEnv> = async (c) => {
  const { id, action } = c.req.valid('param');
  return c.json(await decideWithdrawal(c.get('deps'), c.get('auth')!.userId, id, action, c.req.valid('json')), 200);
};
