// Refunding a global payment. The api checks the payment can be refunded and starts
// payment/refund/<globalPaymentId>; the workflow issues the credit note (the payment REFUNDED in
// the same transaction), sends the refund to Razorpay with an idempotency key derived from the
// payment, and stores the note's PDF. Token purchases keep their own refund (the tokens must come
// back first), and its workflow issues the credit note after the money went back.
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import type { Db } from '../../infra/prisma.js';
import type { RazorpayProvider } from '../../providers/razorpay/interface.js';
import type { PaymentRefundInput } from '../../workflows/payment-refund/payment-refund.workflow.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { startOrJoin } from '../start-or-join.js';
import { issueCreditNote, type CreditNoteRef } from './invoices.js';

export async function requestRefund(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'config'>, actor: AuthContext, globalPaymentId: string, reason: string) {
  const p = await deps.db.globalPayment.findUnique({ where: { id: globalPaymentId }, select: { id: true, purpose: true, subjectId: true, status: true, invoiceNumber: true, amountPaise: true, userId: true } });
  if (!p) throw new DomainError('NOT_FOUND', 'No such payment');
  if (p.purpose === 'token') throw new DomainError('CONFLICT', `Refund token purchases through POST /api/admin/token-purchases/${p.subjectId}/refund: the tokens are taken back first`);
  if (p.status === 'REFUNDED') throw new DomainError('CONFLICT', 'This payment was already refunded');
  if (p.status !== 'CAPTURED' || !p.invoiceNumber) throw new DomainError('CONFLICT', `A ${p.status} payment cannot be refunded`);
  const workflowId = workflowIds.paymentRefund(p.id);
  const input: PaymentRefundInput = { globalPaymentId: p.id, reason, actorId: actor.userId };
  await startOrJoin(deps.temporal, 'paymentRefund', {
    taskQueue: deps.config.taskQueue,
    workflowId,
    args: [input],
    staticSummary: `Refund · ${p.purpose} · ₹${(p.amountPaise / 100).toFixed(2)} · ${p.invoiceNumber}`,
    staticDetails: `Global payment ${p.id}, requested by ${actor.userId}: ${reason}`,
    typedSearchAttributes: [
      { key: MasEntityType, value: 'payment_refund' },
      { key: MasEntityId, value: p.id },
      { key: MasState, value: 'REFUNDING' },
      ...(p.userId ? [{ key: MasUserId, value: p.userId }] : []),
    ],
  });
  return { globalPaymentId: p.id, workflowId };
}

/** The workflow's first step: the credit note, once (issueCreditNote returns the existing one). */
export function reserveRefund(deps: { db: Db }, input: PaymentRefundInput): Promise<CreditNoteRef> {
  return issueCreditNote(deps, { globalPaymentId: input.globalPaymentId, reason: input.reason, actorId: input.actorId });
}

/** Sends the refund; X-Refund-Idempotency makes every retry the same refund. */
export async function sendRefund(deps: { db: Db; razorpay: RazorpayProvider }, globalPaymentId: string): Promise<{ refundId: string }> {
  const p = await deps.db.globalPayment.findUnique({ where: { id: globalPaymentId }, select: { status: true, razorpayPaymentId: true, razorpayRefundId: true, refundedAmountPaise: true } });
  if (!p?.razorpayPaymentId || p.status !== 'REFUNDED' || p.refundedAmountPaise === 0) throw new DomainError('ILLEGAL_TRANSITION', `Payment ${globalPaymentId} has no refund to send`);
  if (p.razorpayRefundId) return { refundId: p.razorpayRefundId };
  const refund = await deps.razorpay.createRefund(p.razorpayPaymentId, { amount: p.refundedAmountPaise, notes: { globalPaymentId } }, `gprefund_${globalPaymentId.replaceAll('-', '')}`);
  await deps.db.$transaction([
    deps.db.globalPayment.update({ where: { id: globalPaymentId }, data: { razorpayRefundId: refund.id } }),
    deps.db.creditNote.updateMany({ where: { globalPaymentId, razorpayRefundId: null }, data: { razorpayRefundId: refund.id } }),
  ]);
  return { refundId: refund.id };
}

/** After a token purchase's refund: its credit note, when the purchase has an invoiced payment (older ones have none). */
export async function issuePurchaseCreditNote(deps: { db: Db }, purchaseId: string, refundId: string): Promise<CreditNoteRef | null> {
  const p = await deps.db.globalPayment.findFirst({ where: { purpose: 'token', subjectId: purchaseId, invoiceNumber: { not: null } }, select: { id: true } });
  if (!p) return null;
  const purchase = await deps.db.tokenPurchase.findUnique({ where: { id: purchaseId }, select: { failureReason: true } });
  return issueCreditNote(deps, { globalPaymentId: p.id, reason: purchase?.failureReason ?? 'token purchase refunded', razorpayRefundId: refundId });
}
