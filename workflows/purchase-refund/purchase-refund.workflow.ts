// purchaseRefund: sends a token purchase's refund to Razorpay. The tokens were already taken
// back in the api's transaction; this makes sure the money follows, retrying through outages.
// X-Refund-Idempotency (derived from the purchase id) makes every retry the same refund. Since
// purchases are global payments with GST invoices, the refund then issues the credit note
// (patched: runs started before that replay without the step).
import { patched, proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payments.activities.js';
import { MasState } from '../search-attributes.js';

const { refundPurchase, issuePurchaseCreditNote, storeCreditNotePdf } = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 50 },
});

export async function purchaseRefund(input: { purchaseId: string }): Promise<{ refundId: string }> {
  const result = await refundPurchase(input);
  if (patched('purchase-refund-credit-note')) {
    const note = await issuePurchaseCreditNote({ purchaseId: input.purchaseId, refundId: result.refundId });
    if (note) await storeCreditNotePdf({ creditNoteId: note.creditNoteId });
  }
  upsertSearchAttributes([{ key: MasState, value: 'REFUNDED' }]);
  return result;
}
