// tokenPurchase: waits for a captured payment (checkout verify or webhook, whichever comes
// first; duplicates are harmless), credits the tokens exactly once, and if nothing arrives
// before the timeout reconciles with Razorpay's list of the order's payments.
import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { PaymentActivities } from '../../activities/payments.activities.js';
import { MasState } from '../search-attributes.js';
import {
  paymentCapturedSignal,
  paymentFailedSignal,
  purchaseStateQuery,
  type PurchaseOutcome,
  type PurchaseStatus,
  type TokenPurchaseInput,
} from './token-purchase.contract.js';

const { creditPurchase, reconcilePurchase } = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 30 },
});

export async function tokenPurchase(input: TokenPurchaseInput): Promise<PurchaseOutcome> {
  const pending: string[] = [];
  const seen = new Set<string>();
  let failures = 0;
  let status: PurchaseStatus = 'PENDING';
  setHandler(paymentCapturedSignal, ({ paymentId }) => {
    if (!seen.has(paymentId)) {
      seen.add(paymentId);
      pending.push(paymentId);
    }
  });
  setHandler(paymentFailedSignal, () => {
    failures++;
  });
  setHandler(purchaseStateQuery, () => ({ status, paymentIds: [...seen], failures }));

  const deadline = Date.now() + input.timeoutSeconds * 1000;
  let outcome: PurchaseOutcome | undefined;
  while (!outcome) {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || !(await condition(() => pending.length > 0, remaining))) break;
    // Razorpay is asked about the payment before anything is credited.
    const result = await creditPurchase({ purchaseId: input.purchaseId, paymentId: pending.shift()! });
    if (result.status !== 'PENDING') outcome = result;
  }
  outcome ??= await reconcilePurchase({ purchaseId: input.purchaseId });
  status = outcome.status;
  upsertSearchAttributes([{ key: MasState, value: status }]);
  return outcome;
}
