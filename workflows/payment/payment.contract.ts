// Contract of the payment workflow, payment/<kind>/<key>: shared by the workflow, the api
// (start, checkout verify, webhook) and tests. The signals keep the names tokenPurchase used, so
// a webhook reaches a run of either type.
import { defineQuery } from '@temporalio/workflow';
export { paymentCapturedSignal, paymentFailedSignal } from '../token-purchase/token-purchase.contract.js';

/** What is paid for: token packs, MAS program fees, a PAP agreement's upfront fee (subject: the PAP row) and one of its collection instalments (subject: mas101_pap_instalments); the PAP run is signalled. */
export const PAYMENT_KINDS = ['token', 'application', 'pap-upfront', 'pap-instalment'] as const;
export type PaymentKind = (typeof PAYMENT_KINDS)[number];

export interface PaymentInput {
  kind: PaymentKind;
  /** The superadmin.global_payments row: the money, its tax lines and its invoice. */
  globalPaymentId: string;
  /** What was bought: the token purchase, the application, the PAP agreement (mas101_pap_workflows) or a PAP instalment (mas101_pap_instalments). */
  subjectId: string;
  userId: string;
  orderId: string;
  /** How long to wait for a capture before reconciling with Razorpay. */
  timeoutSeconds: number;
}

export type PaymentStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export interface SettleOutcome {
  status: PaymentStatus;
  /** True when this call recorded the capture (and credited the tokens or moved the application). */
  credited: boolean;
}

export interface PaymentOutcome extends SettleOutcome {
  /** The tax invoice issued for a completed payment. */
  invoiceNumber: string | null;
}

export const paymentStateQuery = defineQuery<{ status: PaymentStatus; paymentIds: string[]; failures: number; invoiceNumber: string | null }>('paymentState');
