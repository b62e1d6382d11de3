// Discount requests over HTTP. services/admissions/discount-requests.ts holds who may ask and decide.
import type { RouteHandler } from '@hono/zod-openapi';
import { approveDiscount, cancelDiscount, listDiscountRequests, rejectDiscount, requestDiscount, toDiscountRequestView } from '../../../services/admissions/discount-requests.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { approveDiscountRoute, cancelDiscountRoute, listDiscountRequestsRoute, rejectDiscountRoute, requestDiscountRoute } from './discount-requests.routes.js';

export const requestDiscountHandler: RouteHandler<typeof requestDiscountRoute, AppEnv> = async (c) =>
  c.json(await requestDiscount(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const listDiscountRequestsHandler: RouteHandler<typeof listDiscountRequestsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listDiscountRequests(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toDiscountRequestView), nextCursor }, 200);
};

export const approveDiscountHandler: RouteHandler<typeof approveDiscountRoute, AppEnv> = async (c) =>
  c.json(await approveDiscount(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const rejectDiscountHandler: RouteHandler<typeof rejectDiscountRoute, AppEnv> = async (c) =>
  c.json(await rejectDiscount(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').decisionNote), 200);

export const cancelDiscountHandler: RouteHandler<typeof cancelDiscountRoute, AppEnv> = async (c) => c.json(await cancelDiscount(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
