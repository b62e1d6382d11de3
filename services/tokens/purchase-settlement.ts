// Settling a token purchase for its workflow. A credit happens once: the purchase row moves
// PENDING → COMPLETED by a conditional update in the same transaction as the wallet credit and
// the ledger row (key purchase:<id>). Razorpay is the source of truth for whether money arrived,
// and it is asked outside any transaction. Refusals are DomainErrors (non-retryable activities).
import { DomainError } from '../../domain/errors.js';
import { paymentLifecycle } from '../../domain/payment/status.js';
import type { Db, Tx } from '../../infra/prisma.js';
import type { Payment, RazorpayProvider } from '../../providers/razorpay/interface.js';
import type { PurchaseOutcome } from '../../workflows/token-purchase/token-purchase.contract.js';

export interface SettlementDeps {
  db: Db;
  razorpay: RazorpayProvider;
}

async function settle(db: Db, purchaseId: string, payment: Payment): Promise<PurchaseOutcome> {
  return db.$transaction(async (tx) => {
    const purchase = await tx.tokenPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { status: true } });
    if (purchase.status !== 'PENDING') return { status: purchase.status, credited: false };
    return (await creditPurchaseInTx(tx, purchaseId, payment.id)) ? { status: 'COMPLETED', credited: true } : { status: 'COMPLETED', credited: false };
  });
}

/**
 * The credit, inside the caller's transaction: the purchase PENDING → COMPLETED by a conditional
 * update, the wallet and the ledger row (key purchase:<id>). False when another call did it.
 */
export async function creditPurchaseInTx(tx: Tx, purchaseId: string, paymentId: string): Promise<boolean> {
  paymentLifecycle.assertTransition('PENDING', 'COMPLETED');
  const claimed = await tx.tokenPurchase.updateMany({
    where: { id: purchaseId, status: 'PENDING' },
    data: { status: 'COMPLETED', razorpayPaymentId: paymentId, creditedAt: new Date() },
  });
  if (claimed.count === 0) return false;
  const purchase = await tx.tokenPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { userId: true, tokens: true } });
  const wallet = await tx.token.upsert({
    where: { userId: purchase.userId },
    create: { userId: purchase.userId, balance: purchase.tokens, lifetimePurchased: purchase.tokens },
    update: { balance: { increment: purchase.tokens }, lifetimePurchased: { increment: purchase.tokens } },
  });
  const promo = await tx.promotionalToken.findUnique({ where: { userId: purchase.userId }, select: { balance: true } });
  await tx.tokenUsage.create({
    data: {
      userId: purchase.userId,
      type: 'PURCHASE',
      amount: purchase.tokens,
      paidAmount: purchase.tokens,
      balanceAfter: wallet.balance + (promo?.balance ?? 0),
      description: `Bought ${purchase.tokens} tokens (${paymentId})`,
      idempotencyKey: `purchase:${purchaseId}`,
    },
  });
  return true;
}

/** The purchase's end without money: PENDING → FAILED or CANCELLED (no-op once settled). */
export async function closePurchaseInTx(tx: Tx, purchaseId: string, status: 'FAILED' | 'CANCELLED', reason: string): Promise<void> {
  paymentLifecycle.assertTransition('PENDING', status);
  await tx.tokenPurchase.updateMany({ where: { id: purchaseId, status: 'PENDING' }, data: { status, failureReason: reason } });
}

/** Makes sure a payment of this order is captured, capturing an authorized one. */
export async function capturedPayment(razorpay: RazorpayProvider, orderId: string, amountPaise: number, payment: Payment): Promise<Payment | null> {
  if (payment.order_id !== orderId || payment.amount !== amountPaise) return null;
  if (payment.status === 'captured' || payment.status === 'refunded') return payment;
  if (payment.status === 'authorized') return razorpay.capturePayment(payment.id, { amount: amountPaise, currency: 'INR' });
  return null;
}

async function purchaseOf(db: Db, purchaseId: string) {
  const p = await db.tokenPurchase.findUnique({ where: { id: purchaseId } });
  if (!p?.razorpayOrderId) throw new DomainError('NOT_FOUND', `Purchase ${purchaseId} has no Razorpay order`);
  return { ...p, razorpayOrderId: p.razorpayOrderId };
}

/** A payment id from a signal: credit the purchase if Razorpay says it is this order's, captured. */
export async function creditPurchase({ db, razorpay }: SettlementDeps, purchaseId: string, paymentId: string): Promise<PurchaseOutcome> {
  const purchase = await purchaseOf(db, purchaseId);
  if (purchase.status !== 'PENDING') return { status: purchase.status, credited: false };
  const payment = await capturedPayment(razorpay, purchase.razorpayOrderId, purchase.amountPaise, await razorpay.fetchPayment(paymentId));
  return payment ? settle(db, purchaseId, payment) : { status: 'PENDING', credited: false };
}

/** The timeout: Razorpay's list of the order's payments decides, COMPLETED, FAILED or CANCELLED. */
export async function reconcilePurchase({ db, razorpay }: SettlementDeps, purchaseId: string): Promise<PurchaseOutcome> {
  const purchase = await purchaseOf(db, purchaseId);
  if (purchase.status !== 'PENDING') return { status: purchase.status, credited: false };
  const { items } = await razorpay.fetchOrderPayments(purchase.razorpayOrderId);
  for (const p of items) {
    const payment = await capturedPayment(razorpay, purchase.razorpayOrderId, purchase.amountPaise, p);
    if (payment) return settle(db, purchaseId, payment);
  }
  const status = items.some((p) => p.status === 'failed') ? 'FAILED' : 'CANCELLED';
  paymentLifecycle.assertTransition('PENDING', status);
  const moved = await db.tokenPurchase.updateMany({ where: { id: purchaseId, status: 'PENDING' }, data: { status, failureReason: items.length ? 'payment failed' : 'no payment before the timeout' } });
  return { status: moved.count ? status : (await db.tokenPurchase.findUniqueOrThrow({ where: { id: purchaseId } })).status, credited: false };
}

/** Sends the refund the api recorded; X-Refund-Idempotency makes every retry the same refund. */
export async function sendPurchaseRefund({ db, razorpay }: SettlementDeps, purchaseId: string): Promise<{ refundId: string }> {
  const purchase = await db.tokenPurchase.findUnique({ where: { id: purchaseId } });
  if (!purchase?.razorpayPaymentId || purchase.refundedAmountPaise === 0) throw new DomainError('ILLEGAL_TRANSITION', `Purchase ${purchaseId} has no refund to send`);
  if (purchase.razorpayRefundId) return { refundId: purchase.razorpayRefundId };
  const refund = await razorpay.createRefund(purchase.razorpayPaymentId, { amount: purchase.refundedAmountPaise, notes: { purchaseId } }, `tprefund_${purchaseId.replaceAll('-', '')}`);
  await db.tokenPurchase.update({ where: { id: purchaseId }, data: { razorpayRefundId: refund.id } });
  return { refundId: refund.id };
}
