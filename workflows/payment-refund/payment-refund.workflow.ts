// paymentRefund: payment/refund/<globalPaymentId>. Reserves the refund and issues the GST credit
// note in one transaction (the payment REFUNDED, a gapless CRN serial, the audit row), sends the
// refund to Razorpay with an idempotency key derived from the payment, then stores the credit
// note's PDF. Every step is idempotent, so a retry or a worker crash repeats nothing.
import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payments.activities.js';
import { MasState } from '../search-attributes.js';

const { reserveRefund, sendRefund, storeCreditNotePdf } = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 50 },
});

export interface PaymentRefundInput {
  globalPaymentId: string;
  reason: string;
  actorId: string;
}

export async function paymentRefund(input: PaymentRefundInput): Promise<{ creditNoteNumber: string; refundId: string }> {
  const note = await reserveRefund(input);
  upsertSearchAttributes([{ key: MasState, value: 'CREDIT_NOTE_ISSUED' }]);
  const { refundId } = await sendRefund({ globalPaymentId: input.globalPaymentId });
  await storeCreditNotePdf({ creditNoteId: note.creditNoteId });
  upsertSearchAttributes([{ key: MasState, value: 'REFUNDED' }]);
  return { creditNoteNumber: note.number, refundId };
}
