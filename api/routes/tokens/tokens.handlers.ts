// Token purchases through Razorpay (issue: token economy). What must be true at once is one
// transaction (the PENDING row); the order comes from Razorpay; the workflow does the rest.
import { randomUUID } from 'node:crypto';
import type { RouteHandler } from '@hono/zod-openapi';
import { quote } from '../../../domain/tokens/packs.js';
import { RazorpayError } from '../../../providers/razorpay/interface.js';
import { verifyCheckoutSignature } from '../../../providers/razorpay/signatures.js';
import type { AppEnv } from '../../deps.js';
import type { AuthContext } from '../../../services/deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import { signalPaymentCaptured, startTokenPurchase } from '../../../services/tokens/token-purchase.starter.js';
import { refundPurchase } from '../../../services/tokens/purchase-refund.js';
import type { createPurchaseRoute, getPurchaseRoute, listPurchasesRoute, refundPurchaseRoute, verifyPurchaseRoute } from './tokens.routes.js';

const select = { id: true, userId: true, status: true, tokens: true, amountPaise: true, currency: true, packId: true, razorpayOrderId: true, razorpayPaymentId: true, workflowId: true, creditedAt: true, createdAt: true } as const;
type Row = { creditedAt: Date | null; createdAt: Date };
const view = <T extends Row>(p: T) => ({ ...p, creditedAt: p.creditedAt?.toISOString() ?? null, createdAt: p.createdAt.toISOString() });

export const createPurchaseHandler: RouteHandler<typeof createPurchaseRoute, AppEnv> = async (c) => {
  const { db, razorpay, config } = c.var.deps;
  const userId = c.get('auth')!.userId;
  const q = quote(c.req.valid('json'));
  const id = randomUUID();
  const receipt = `tp_${id.replaceAll('-', '').slice(0, 24)}`;
  await db.tokenPurchase.create({ data: { id, userId, tokens: q.tokens, amountPaise: q.amountPaise, packId: q.packId, receipt } });
  let orderId: string;
  try {
    const order = await razorpay.createOrder({ amount: q.amountPaise, currency: 'INR', receipt, notes: { purchaseId: id, userId } });
    orderId = order.id;
  } catch (err) {
    await db.tokenPurchase.update({ where: { id }, data: { status: 'FAILED', failureReason: 'could not create the Razorpay order' } });
    c.var.deps.logger.warn({ err: err instanceof RazorpayError ? { status: err.status, code: err.code } : String(err), purchaseId: id }, 'razorpay order failed');
    throw new DomainError('DEPENDENCY_UNAVAILABLE', 'The payment provider is unavailable; nothing was charged. Try again.');
  }
  const workflowId = await startTokenPurchase(c.var.deps, { id, userId, razorpayOrderId: orderId, tokens: q.tokens, amountPaise: q.amountPaise });
  const purchase = await db.tokenPurchase.update({ where: { id }, data: { razorpayOrderId: orderId, workflowId }, select });
  return c.json({ purchase: view(purchase), checkout: { key: config.razorpay.keyId, order_id: orderId, amount: q.amountPaise, currency: 'INR', name: 'MAS tokens' } }, 201);
};

async function ownPurchase(deps: AppEnv['Variables']['deps'], auth: AuthContext, id: string) {
  const p = await deps.db.tokenPurchase.findUnique({ where: { id }, select });
  const staff = auth.role === 'ADMIN' || auth.role === 'SUPERADMIN';
  if (!p || (!staff && p.userId !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such purchase of yours');
  return p;
}

export const getPurchaseHandler: RouteHandler<typeof getPurchaseRoute, AppEnv> = async (c) =>
  c.json(view(await ownPurchase(c.var.deps, c.get('auth')!, c.req.valid('param').id)), 200);

export const verifyPurchaseHandler: RouteHandler<typeof verifyPurchaseRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const p = await ownPurchase(c.var.deps, c.get('auth')!, id);
  if (p.userId !== c.get('auth')!.userId) throw new DomainError('NOT_FOUND', 'No such purchase of yours');
  // The order id is ours, never the one in the request.
  if (!p.razorpayOrderId || !verifyCheckoutSignature(p.razorpayOrderId, body.razorpay_payment_id, body.razorpay_signature, c.var.deps.config.razorpay.keySecret)) {
    throw new DomainError('BAD_REQUEST', 'The payment signature does not match', [{ path: 'json.razorpay_signature', message: 'Invalid signature' }]);
  }
  if (p.status === 'PENDING') await signalPaymentCaptured(c.var.deps, { ...p, razorpayOrderId: p.razorpayOrderId }, body.razorpay_payment_id, 'checkout');
  return c.json(view(p), 202);
};

export const listPurchasesHandler: RouteHandler<typeof listPurchasesRoute, AppEnv> = async (c) => {
  const { cursor, limit, status, userId } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await c.var.deps.db.tokenPurchase.findMany({ where: { AND: [page.where, status ? { status } : {}, userId ? { userId } : {}] }, orderBy: page.orderBy, take: limit + 1, select });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(view), nextCursor }, 200);
};

export const refundPurchaseHandler: RouteHandler<typeof refundPurchaseRoute, AppEnv> = async (c) => {
  const { purchase, workflowId } = await refundPurchase(c.var.deps, c.req.valid('param').id, c.get('auth')!.userId, c.req.valid('json').reason);
  const { id, userId, status, tokens, amountPaise, currency, packId, razorpayOrderId, razorpayPaymentId, creditedAt, createdAt } = purchase;
  return c.json(
    { purchase: view({ id, userId, status, tokens, amountPaise, currency, packId, razorpayOrderId, razorpayPaymentId, workflowId: purchase.workflowId, creditedAt, createdAt }), workflowId },
    202,
  );
};
