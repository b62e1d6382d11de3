// Settling a global payment for its workflow. Razorpay is the source of truth for whether money
// arrived and is asked outside any transaction; the capture is then recorded once: the payment row
// CREATED/AUTHORIZED → CAPTURED by a conditional update, in the same transaction as the kind's
// effect (services/payments/subjects.ts). Refusals are DomainErrors (non-retryable activities).
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { Payment, RazorpayProvider } from '../../providers/razorpay/interface.js';
import type { SettleOutcome } from '../../workflows/payment/payment.contract.js';
import { capturedPayment } from '../tokens/purchase-settlement.js';
import { subjectOf } from './subjects.js';

export interface SettlementDeps {
  db: Db;
  razorpay: RazorpayProvider;
  logger?: { warn(obj: object, msg: string): void };
}

const OPEN = ['CREATED', 'AUTHORIZED'] as const;

async function paymentRow(db: Db, id: string) {
  const p = await db.globalPayment.findUnique({ where: { id }, select: { id: true, purpose: true, subjectId: true, status: true, razorpayOrderId: true, amountPaise: true } });
  if (!p?.subjectId) throw new DomainError('NOT_FOUND', `Global payment ${id} has no subject`);
  return { ...p, subjectId: p.subjectId };
}
type Row = Awaited<ReturnType<typeof paymentRow>>;

/** A row that is no longer open answers with what it became; nothing is done twice. */
function closedOutcome(status: string): SettleOutcome | null {
  if ((OPEN as readonly string[]).includes(status)) return null;
  return { status: status === 'FAILED' ? 'FAILED' : 'COMPLETED', credited: false };
}

async function record(deps: SettlementDeps, row: Row, payment: Payment): Promise<SettleOutcome> {
  return deps.db.$transaction(async (tx) => {
    const claimed = await tx.globalPayment.updateMany({
      where: { id: row.id, status: { in: [...OPEN] } },
      data: { status: 'CAPTURED', razorpayPaymentId: payment.id, paidAt: new Date(), amountInrPaise: payment.amount, failureReason: null },
    });
    if (claimed.count === 0) return { status: 'COMPLETED', credited: false };
    const moved = await subjectOf(row.purpose).captured(tx, row.subjectId, { paymentId: payment.id, orderId: row.razorpayOrderId, amountPaise: payment.amount });
    if (!moved) {
      // Money arrived for something that no longer wanted it (e.g. a second order for one
      // application): keep the capture on record, flagged, and invoice it; a person refunds it.
      await tx.globalPayment.update({ where: { id: row.id }, data: { failureReason: 'captured after its subject was already paid: refund it' } });
      deps.logger?.warn({ globalPaymentId: row.id, purpose: row.purpose, subjectId: row.subjectId, paymentId: payment.id }, 'payment captured for a subject that was already paid: refund it');
    }
    return { status: 'COMPLETED', credited: moved };
  });
}

/** A payment id from a signal: recorded when Razorpay says it is this order's, captured, for the amount. */
export async function settlePayment(deps: SettlementDeps, globalPaymentId: string, paymentId: string): Promise<SettleOutcome> {
  const row = await paymentRow(deps.db, globalPaymentId);
  const closed = closedOutcome(row.status);
  if (closed) return closed;
  const payment = await capturedPayment(deps.razorpay, row.razorpayOrderId, row.amountPaise, await deps.razorpay.fetchPayment(paymentId));
  return payment ? record(deps, row, payment) : { status: 'PENDING', credited: false };
}

/** The timeout: Razorpay's list of the order's payments decides, COMPLETED, FAILED or CANCELLED. */
export async function reconcilePayment(deps: SettlementDeps, globalPaymentId: string): Promise<SettleOutcome> {
  const row = await paymentRow(deps.db, globalPaymentId);
  const closed = closedOutcome(row.status);
  if (closed) return closed;
  const { items } = await deps.razorpay.fetchOrderPayments(row.razorpayOrderId);
  for (const p of items) {
    const payment = await capturedPayment(deps.razorpay, row.razorpayOrderId, row.amountPaise, p);
    if (payment) return record(deps, row, payment);
  }
  const status = items.some((p) => p.status === 'failed') ? 'FAILED' : 'CANCELLED';
  const reason = items.length ? 'payment failed' : 'no payment before the timeout';
  return deps.db.$transaction(async (tx) => {
    const moved = await tx.globalPayment.updateMany({ where: { id: row.id, status: { in: [...OPEN] } }, data: { status: 'FAILED', failureReason: reason } });
    if (moved.count === 0) return closedOutcome((await tx.globalPayment.findUniqueOrThrow({ where: { id: row.id }, select: { status: true } })).status) ?? { status, credited: false };
    await subjectOf(row.purpose).unpaid(tx, row.subjectId, status, reason);
    return { status, credited: false };
  });
}
