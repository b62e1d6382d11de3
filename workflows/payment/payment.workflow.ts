// payment: one run per payment attempt, payment/<kind>/<key>. It waits for a captured payment
// (checkout verify or webhook, whichever comes first; duplicates are harmless), settles it once
// (the global payment CAPTURED together with the kind's effect: tokens credited, or the
// application APPROVED → PAYMENT_RECEIVED), and if nothing arrives before the timeout reconciles
// with Razorpay's list of the order's payments. A completed payment then gets its GST invoice
// (gapless serial; the application → PAID) and the invoice PDF in S3.
import { condition, getExternalWorkflowHandle, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { workflowIds } from '../../domain/ids.js';
import { papInstalmentSettledSignal, papUpfrontSettledSignal } from '../pap/pap.contract.js';
import type { PaymentActivities } from '../../activities/payments.activities.js';
import { MasState } from '../search-attributes.js';
import { paymentCapturedSignal, paymentFailedSignal, paymentStateQuery, type PaymentInput, type PaymentOutcome, type PaymentStatus, type SettleOutcome } from './payment.contract.js';

const { settlePayment, reconcilePayment, issueInvoice, papOfInstalment } = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 30 },
});
const { storeInvoicePdf } = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 50 },
});

export async function payment(input: PaymentInput): Promise<PaymentOutcome> {
  const pending: string[] = [];
  const seen = new Set<string>();
  let failures = 0;
  let status: PaymentStatus = 'PENDING';
  let invoiceNumber: string | null = null;
  setHandler(paymentCapturedSignal, ({ paymentId }) => {
    if (!seen.has(paymentId)) {
      seen.add(paymentId);
      pending.push(paymentId);
    }
  });
  setHandler(paymentFailedSignal, () => {
    failures++;
  });
  setHandler(paymentStateQuery, () => ({ status, paymentIds: [...seen], failures, invoiceNumber }));

  const deadline = Date.now() + input.timeoutSeconds * 1000;
  let outcome: SettleOutcome | undefined;
  while (!outcome) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || !(await condition(() => pending.length > 0, remaining))) break;
    // Razorpay is asked about the payment before anything is recorded.
    const result = await settlePayment({ globalPaymentId: input.globalPaymentId, paymentId: pending.shift()! });
    if (result.status !== 'PENDING') outcome = result;
  }
  outcome ??= await reconcilePayment({ globalPaymentId: input.globalPaymentId });
  status = outcome.status;
  upsertSearchAttributes([{ key: MasState, value: status === 'COMPLETED' ? 'CAPTURED' : status }]);
  if (status === 'COMPLETED') {
    ({ invoiceNumber } = await issueInvoice({ globalPaymentId: input.globalPaymentId }));
    await storeInvoicePdf({ globalPaymentId: input.globalPaymentId });
    upsertSearchAttributes([{ key: MasState, value: 'INVOICED' }]);
  }
  if (input.kind === 'pap-instalment') {
    // The agreement's run waits on its instalments; one that ended (written off) ignores this.
    const papId = await papOfInstalment({ instalmentId: input.subjectId });
    if (papId) {
      try {
        await getExternalWorkflowHandle(workflowIds.pap(papId)).signal(papInstalmentSettledSignal, { instalmentId: input.subjectId, globalPaymentId: input.globalPaymentId, status });
      } catch {
        // nothing to tell
      }
    }
  }
  if (input.kind === 'pap-upfront') {
    // The PAP run waits on this; a run that is gone (terminated) has nothing left to enrol.
    try {
      await getExternalWorkflowHandle(workflowIds.pap(input.subjectId)).signal(papUpfrontSettledSignal, { globalPaymentId: input.globalPaymentId, status });
    } catch {
      // nothing to tell
    }
  }
  return { ...outcome, invoiceNumber };
}
