// Resume review request: a student's request waits (pending) until a mentor picks it up
// (assigned), who may hand it back (pending) or start (in_review) and finish it (completed).
// It is cancelled, and its resume tokens refunded, before the review is done: by the student
// while nobody has started it, by staff at any open step.
import { defineLifecycle } from '../lifecycle.js';

export const resumeReviewLifecycle = defineLifecycle('resume review', ['pending', 'assigned', 'in_review', 'completed', 'cancelled'], 'pending', {
  pending: ['assigned', 'cancelled'],
  assigned: ['in_review', 'pending', 'cancelled'],
  in_review: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
});
export type ResumeReviewStatus = (typeof resumeReviewLifecycle.states)[number];

/** The steps at which the student may still cancel their own request (nobody has started reading it). */
export const STUDENT_CANCELLABLE: readonly ResumeReviewStatus[] = ['pending', 'assigned'];

/** Ledger idempotency keys: one debit and at most one refund per request. */
export const resumeReviewLedgerKeys = {
  debit: (requestId: string) => `resume-review:${requestId}`,
  refund: (requestId: string) => `resume-review-refund:${requestId}`,
};
