// Token purchases: HTTP only. services/tokens/purchases.ts and purchase-refund.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { createPurchase, getPurchase, listPurchases, toPurchaseView, verifyPurchase } from '../../../services/tokens/purchases.js';
import { refundPurchase } from '../../../services/tokens/purchase-refund.js';
import type { createPurchaseRoute, getPurchaseRoute, listPurchasesRoute, refundPurchaseRoute, verifyPurchaseRoute } from './tokens.routes.js';

export const createPurchaseHandler: RouteHandler<typeof createPurchaseRoute, AppEnv> = async (c) =>
  c.json(await createPurchase(c.get('deps'), c.get('auth')!.userId, c.req.valid('json')), 201);

export const getPurchaseHandler: RouteHandler<typeof getPurchaseRoute, AppEnv> = async (c) => c.json(await getPurchase(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const verifyPurchaseHandler: RouteHandler<typeof verifyPurchaseRoute, AppEnv> = async (c) =>
  c.json(await verifyPurchase(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 202);

export const listPurchasesHandler: RouteHandler<typeof listPurchasesRoute, AppEnv> = async (c) => {
  const { cursor, limit, status, userId } = c.req.valid('query');
  const rows = await listPurchases(c.get('deps'), { page: keyset(cursor), take: limit + 1, status, userId });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toPurchaseView), nextCursor }, 200);
};

export const refundPurchaseHandler: RouteHandler<typeof refundPurchaseRoute, AppEnv> = async (c) => {
  const { purchase, workflowId } = await refundPurchase(c.get('deps'), c.req.valid('param').id, c.get('auth')!.userId, c.req.valid('json').reason);
  const { id, userId, status, tokens, amountPaise, currency, packId, razorpayOrderId, razorpayPaymentId, creditedAt, createdAt } = purchase;
  return c.json(
    { purchase: toPurchaseView({ id, userId, status, tokens, amountPaise, currency, packId, razorpayOrderId, razorpayPaymentId, workflowId: purchase.workflowId, creditedAt, createdAt }), workflowId },
    202,
  );
};
