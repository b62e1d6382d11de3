// Token purchase payment (seed: TokenPurchase.status, PaymentStatus). States only move forward.
import { defineLifecycle } from '../lifecycle.js';

export const paymentLifecycle = defineLifecycle('payment', ['PENDING', 'COMPLETED', 'FAILED', 'CANCELLED'], 'PENDING', {
  PENDING: ['COMPLETED', 'FAILED', 'CANCELLED'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
});
export type PaymentStatus = (typeof paymentLifecycle.states)[number];
