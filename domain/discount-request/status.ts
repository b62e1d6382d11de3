// Discount request on a program application (superadmin.discount_requests): raised by sales or
// a batch's community manager, decided once by staff who did not raise it, or withdrawn.
import { defineLifecycle } from '../lifecycle.js';

export const discountRequestLifecycle = defineLifecycle('discount request', ['PENDING', 'APPROVED', 'REJECTED', 'CANCELLED'], 'PENDING', {
  PENDING: ['APPROVED', 'REJECTED', 'CANCELLED'],
  APPROVED: [],
  REJECTED: [],
  CANCELLED: [],
});
export type DiscountRequestStatus = (typeof discountRequestLifecycle.states)[number];
