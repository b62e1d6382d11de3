// Token purchases through Razorpay (issue: token economy): the PENDING row, the Razorpay order
// (no transaction is open while Razorpay is asked), the workflow start, the checkout verify and
// the reads. The workflow payment/token/<id> does the crediting.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { quote } from '../../domain/tokens/packs.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { verifyCheckoutSignature } from '../../providers/razorpay/signatures.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { TOKEN_PACK_SAC } from '../../domain/finance/gst.js';
import { openPayment } from '../payments/open-payment.js';
import { readConfig } from '../system-config/read-config.js';
import { paymentRefSelect, signalCaptured } from '../payments/payment.starter.js';
import { signalPaymentCaptured } from './token-purchase.starter.js';

export const purchaseSelect = {
  id: true,
  userId: true,
  status: true,
  tokens: true,
  amountPaise: true,
  currency: true,
  packId: true,
  razorpayOrderId: true,
  razorpayPaymentId: true,
  workflowId: true,
  creditedAt: true,
  createdAt: true,
} as const satisfies Prisma.TokenPurchaseSelect;
type PurchaseRow = Prisma.TokenPurchaseGetPayload<{ select: typeof purchaseSelect }>;

export const toPurchaseView = (p: PurchaseRow) => ({ ...p, creditedAt: p.creditedAt?.toISOString() ?? null, createdAt: p.createdAt.toISOString() });

export async function createPurchase(deps: Pick<ServiceDeps, 'db' | 'razorpay' | 'temporal' | 'logger' | 'config'>, userId: string, order: Parameters<typeof quote>[1]) {
  const { db, config } = deps;
  const q = quote(await readConfig(db, 'tokens.packs'), order);
  const id = randomUUID();
  const receipt = `tp_${id.replaceAll('-', '').slice(0, 24)}`;
  const buyer = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true, phone: true } });
  await db.tokenPurchase.create({ data: { id, userId, tokens: q.tokens, amountPaise: q.amountPaise, packId: q.packId, receipt } });
  // The purchase's payment is a global payment (GST-inclusive price, one invoice line) settled by payment/token/<id>.
  const opened = await openPayment(deps, {
    kind: 'token',
    subjectId: id,
    workflowKey: id,
    userId,
    description: `Token purchase · ${q.tokens} tokens`,
    items: [{ description: `Mr. Mentor session tokens × ${q.tokens}`, sac: TOKEN_PACK_SAC, listGrossPaise: q.amountPaise, chargedGrossPaise: q.amountPaise }],
    buyer,
    onRecorded: async (tx, ref) => {
      await tx.tokenPurchase.update({ where: { id }, data: { razorpayOrderId: ref.razorpayOrderId, workflowId: ref.workflowId } });
    },
  }).catch(async (err: unknown) => {
    // Only a purchase whose order was never recorded is dead; one with an order may still be paid.
    await db.tokenPurchase.updateMany({ where: { id, razorpayOrderId: null }, data: { status: 'FAILED', failureReason: 'could not create the Razorpay order' } });
    throw err;
  });
  const purchase = await db.tokenPurchase.findUniqueOrThrow({ where: { id }, select: purchaseSelect });
  return { purchase: toPurchaseView(purchase), checkout: { key: config.razorpay.keyId, order_id: opened.ref.razorpayOrderId, amount: q.amountPaise, currency: 'INR', name: 'MAS tokens' } };
}

async function ownPurchaseRow(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string) {
  const p = await deps.db.tokenPurchase.findUnique({ where: { id }, select: purchaseSelect });
  const staff = auth.role === 'ADMIN' || auth.role === 'SUPERADMIN';
  if (!p || (!staff && p.userId !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such purchase of yours');
  return p;
}

/** The buyer's own purchase; staff see anyone's. */
export async function getPurchase(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string) {
  return toPurchaseView(await ownPurchaseRow(deps, auth, id));
}

/** Checkout's callback: the signature is checked against our order id, then the workflow is told. */
export async function verifyPurchase(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'config'>, auth: AuthContext, id: string, body: { razorpay_payment_id: string; razorpay_signature: string }) {
  const p = await ownPurchaseRow(deps, auth, id);
  if (p.userId !== auth.userId) throw new DomainError('NOT_FOUND', 'No such purchase of yours');
  // The order id is ours, never the one in the request.
  if (!p.razorpayOrderId || !verifyCheckoutSignature(p.razorpayOrderId, body.razorpay_payment_id, body.razorpay_signature, deps.config.razorpay.keySecret)) {
    throw new DomainError('BAD_REQUEST', 'The payment signature does not match', [{ path: 'json.razorpay_signature', message: 'Invalid signature' }]);
  }
  // A run that already closed settled the purchase; the answer shows its current state either way.
  if (p.status === 'PENDING') {
    const gp = await deps.db.globalPayment.findFirst({ where: { purpose: 'token', subjectId: p.id }, select: paymentRefSelect });
    // Purchases opened before global payments existed run the older tokenPurchase workflow.
    if (gp) await signalCaptured(deps, gp, body.razorpay_payment_id, 'checkout');
    else await signalPaymentCaptured(deps, { ...p, razorpayOrderId: p.razorpayOrderId }, body.razorpay_payment_id, 'checkout');
  }
  return toPurchaseView(p);
}

/** One page (the caller's keyset `where`/`orderBy`, limit + 1 rows) of purchases, filtered. */
export async function listPurchases(
  deps: Pick<ServiceDeps, 'db'>,
  q: { page: { where: Prisma.TokenPurchaseWhereInput; orderBy: Prisma.TokenPurchaseOrderByWithRelationInput[] }; take: number; status?: PurchaseRow['status'] | undefined; userId?: string | undefined },
) {
  return deps.db.tokenPurchase.findMany({ where: { AND: [q.page.where, q.status ? { status: q.status } : {}, q.userId ? { userId: q.userId } : {}] }, orderBy: q.page.orderBy, take: q.take, select: purchaseSelect });
}
