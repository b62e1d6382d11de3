// Contract of meetingEarnings, shared by the workflow, its starters and tests.
import { defineUpdate } from '@temporalio/workflow';

export interface MeetingEarningsInput {
  slotId: string;
  /** ISO-8601 instant the meeting ended (from the meeting server, or now for the api path). */
  endedAt: string;
  /** When the meeting actually started, if the meeting server said (for the short-session check). */
  startedAt?: string;
  /** Who reported the end: meeting-server, mentor, admin, no-show-report, review. */
  source: string;
  /** The user who ended it through the api, if any. */
  endedBy?: string;
}

export interface MeetingEarningsResult {
  slotId: string;
  /** True when this run wrote the credit; false when an earlier run already had (or a refund ruling). */
  credited: boolean;
  amountPaise: number;
  balanceAfterPaise: number | null;
  /** Set when the session was disputed: the admin's ruling. */
  review?: ReviewDecision;
  /** A refund ruling: the tokens the student got back. */
  refunded?: { paid: number; promotional: number };
}

export type ReviewDecision = 'credit' | 'refund';

export interface ReviewRuling {
  decision: ReviewDecision;
  note?: string;
  /** The admin who ruled. */
  ruledBy: string;
}

/**
 * An admin's ruling on a disputed (UNDER_REVIEW) session. Accepted once; answers when the
 * ruling has been applied, with the run's result. The validator rejects with REVIEW_REJECT.
 */
export const reviewRulingUpdate = defineUpdate<MeetingEarningsResult, [ReviewRuling]>('reviewRuling');

export const REVIEW_REJECT = {
  alreadyRuled: 'The session has already been ruled on',
  notUnderReview: 'The session is not under review',
  badDecision: 'decision must be credit or refund',
} as const;

/** The patch that brought the review wait; runs recorded before it replay the old path. */
export const MEETING_REVIEW_PATCH = 'meeting-review';

/**
 * The patch that made completeMeeting and creditMentorEarnings local activities (two short DB
 * transactions): the run takes one workflow task instead of three. Runs recorded before it
 * replay their scheduled activities.
 */
export const MEETING_LOCAL_ACTIVITIES_PATCH = 'meeting-local-activities';

/** MasState values this workflow publishes, in order (UNDER_REVIEW, REFUNDED on a disputed run). */
export const MEETING_EARNINGS_STATES = ['ENDING', 'UNDER_REVIEW', 'COMPLETED', 'EARNINGS_CREDITED', 'REFUNDED'] as const;
