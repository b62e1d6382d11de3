// Batch token allotment request: PENDING until a SUPERADMIN decides. Approval and the grant to
// every enrolled student happen in one transaction, so a request passes through APPROVED and
// is FULFILLED before anyone can see it; REJECTED ends it without a grant.
import { defineLifecycle } from '../lifecycle.js';

export const tokenAllotmentLifecycle = defineLifecycle('token allotment request', ['PENDING', 'APPROVED', 'REJECTED', 'FULFILLED'], 'PENDING', {
  PENDING: ['APPROVED', 'REJECTED'],
  APPROVED: ['FULFILLED'],
  REJECTED: [],
  FULFILLED: [],
});
export type TokenAllotmentStatus = (typeof tokenAllotmentLifecycle.states)[number];

/** Bounds of tokensPerStudent. */
export const MIN_TOKENS_PER_STUDENT = 1;
export const MAX_TOKENS_PER_STUDENT = 1000;
