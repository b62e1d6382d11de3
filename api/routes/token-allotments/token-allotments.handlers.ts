// Batch token allotments over HTTP. services/admissions/token-allotments.ts holds the grant.
import type { RouteHandler } from '@hono/zod-openapi';
import { approveAllotment, listAllotments, rejectAllotment, requestAllotment, toAllotmentView } from '../../../services/admissions/token-allotments.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { approveAllotmentRoute, listAllotmentsRoute, rejectAllotmentRoute, requestAllotmentRoute } from './token-allotments.routes.js';

export const requestAllotmentHandler: RouteHandler<typeof requestAllotmentRoute, AppEnv> = async (c) => c.json(await requestAllotment(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listAllotmentsHandler: RouteHandler<typeof listAllotmentsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listAllotments(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toAllotmentView), nextCursor }, 200);
};

export const approveAllotmentHandler: RouteHandler<typeof approveAllotmentRoute, AppEnv> = async (c) => c.json(await approveAllotment(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const rejectAllotmentHandler: RouteHandler<typeof rejectAllotmentRoute, AppEnv> = async (c) => c.json(await rejectAllotment(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
