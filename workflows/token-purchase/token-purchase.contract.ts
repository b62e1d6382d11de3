// Contract of tokenPurchase, shared by the workflow, the api (start, verify, webhook) and tests.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface TokenPurchaseInput {
  purchaseId: string;
  orderId: string;
  userId: string;
  /** How long to wait for a capture before reconciling with Razorpay. */
  timeoutSeconds: number;
}

export type PurchaseStatus = 'PENDING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';

export interface PurchaseOutcome {
  status: PurchaseStatus;
  /** True when this run wrote the credit. */
  credited: boolean;
}

export const paymentCapturedSignal = defineSignal<[{ paymentId: string; source: 'checkout' | 'webhook' }]>('paymentCaptured');
export const paymentFailedSignal = defineSignal<[{ paymentId: string }]>('paymentFailed');
export const purchaseStateQuery = defineQuery<{ status: PurchaseStatus; paymentIds: string[]; failures: number }>('purchaseState');
