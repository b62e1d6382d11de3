// Mentor payout request: requested, then approved and paid, or rejected/cancelled (the amount
// returns to the balance).
import { defineLifecycle } from '../lifecycle.js';

export const withdrawalLifecycle = defineLifecycle('withdrawal', ['REQUESTED', 'APPROVED', 'REJECTED', 'PAID', 'CANCELLED'], 'REQUESTED', {
  REQUESTED: ['APPROVED', 'REJECTED', 'CANCELLED'],
  APPROVED: ['PAID', 'REJECTED'],
  REJECTED: [],
  PAID: [],
  CANCELLED: [],
});
export type WithdrawalStatus = (typeof withdrawalLifecycle.states)[number];

