// Token purchase activities: thin adapters over services/tokens/purchase-settlement.ts, where
// refusals (DomainError) become non-retryable failures and Razorpay outages are retried.
import { creditPurchase, reconcilePurchase, sendPurchaseRefund } from '../services/tokens/purchase-settlement.js';
import type { PurchaseOutcome } from '../workflows/token-purchase/token-purchase.contract.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createPaymentActivities(deps: Pick<ActivityDeps, 'db' | 'razorpay'>) {
  return {
    refundPurchase: ({ purchaseId }: { purchaseId: string }): Promise<{ refundId: string }> => refusingDomainErrors(() => sendPurchaseRefund(deps, purchaseId)),
    creditPurchase: ({ purchaseId, paymentId }: { purchaseId: string; paymentId: string }): Promise<PurchaseOutcome> => refusingDomainErrors(() => creditPurchase(deps, purchaseId, paymentId)),
    reconcilePurchase: ({ purchaseId }: { purchaseId: string }): Promise<PurchaseOutcome> => refusingDomainErrors(() => reconcilePurchase(deps, purchaseId)),
  };
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
