// Payment activities: thin adapters over services/payments/ (settling), services/finance/
// (invoices, credit notes, refunds) and services/tokens/ (the older tokenPurchase and the
// token refund), where refusals (DomainError) become non-retryable failures and provider
// outages are retried.
import { issueInvoice, storeCreditNotePdf, storeInvoicePdf, type CreditNoteRef } from '../services/finance/invoices.js';
import { issuePurchaseCreditNote, reserveRefund, sendRefund } from '../services/finance/refunds.js';
import { reconcilePayment, settlePayment } from '../services/payments/settlement.js';
import { creditPurchase, reconcilePurchase, sendPurchaseRefund } from '../services/tokens/purchase-settlement.js';
import type { SettleOutcome } from '../workflows/payment/payment.contract.js';
import type { PaymentRefundInput } from '../workflows/payment-refund/payment-refund.workflow.js';
import type { PurchaseOutcome } from '../workflows/token-purchase/token-purchase.contract.js';
import { papOfInstalment } from '../services/pap/collection.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createPaymentActivities(deps: Pick<ActivityDeps, 'db' | 'razorpay' | 'documents' | 'supplier' | 'logger'>) {
  return {
    // The older tokenPurchase workflow (runs opened before global payments) and the token refund.
    refundPurchase: ({ purchaseId }: { purchaseId: string }): Promise<{ refundId: string }> => refusingDomainErrors(() => sendPurchaseRefund(deps, purchaseId)),
    creditPurchase: ({ purchaseId, paymentId }: { purchaseId: string; paymentId: string }): Promise<PurchaseOutcome> => refusingDomainErrors(() => creditPurchase(deps, purchaseId, paymentId)),
    reconcilePurchase: ({ purchaseId }: { purchaseId: string }): Promise<PurchaseOutcome> => refusingDomainErrors(() => reconcilePurchase(deps, purchaseId)),
    issuePurchaseCreditNote: ({ purchaseId, refundId }: { purchaseId: string; refundId: string }): Promise<CreditNoteRef | null> =>
      refusingDomainErrors(() => issuePurchaseCreditNote(deps, purchaseId, refundId)),
    // payment/<kind>/<key>
    settlePayment: ({ globalPaymentId, paymentId }: { globalPaymentId: string; paymentId: string }): Promise<SettleOutcome> => refusingDomainErrors(() => settlePayment(deps, globalPaymentId, paymentId)),
    reconcilePayment: ({ globalPaymentId }: { globalPaymentId: string }): Promise<SettleOutcome> => refusingDomainErrors(() => reconcilePayment(deps, globalPaymentId)),
    issueInvoice: ({ globalPaymentId }: { globalPaymentId: string }): Promise<{ invoiceNumber: string }> => refusingDomainErrors(() => issueInvoice(deps, globalPaymentId)),
    papOfInstalment: ({ instalmentId }: { instalmentId: string }): Promise<string | null> => papOfInstalment(deps.db, instalmentId),
    storeInvoicePdf: ({ globalPaymentId }: { globalPaymentId: string }): Promise<{ key: string }> => refusingDomainErrors(() => storeInvoicePdf(deps, globalPaymentId)),
    // payment/refund/<globalPaymentId>
    reserveRefund: (input: PaymentRefundInput): Promise<CreditNoteRef> => refusingDomainErrors(() => reserveRefund(deps, input)),
    sendRefund: ({ globalPaymentId }: { globalPaymentId: string }): Promise<{ refundId: string }> => refusingDomainErrors(() => sendRefund(deps, globalPaymentId)),
    storeCreditNotePdf: ({ creditNoteId }: { creditNoteId: string }): Promise<{ key: string }> => refusingDomainErrors(() => storeCreditNotePdf(deps, creditNoteId)),
  };
}

export type PaymentActivities = ReturnType<typeof createPaymentActivities>;
