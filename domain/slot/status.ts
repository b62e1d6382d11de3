// The Slot lifecycle (seed: MeetingStatus). Every slot status change goes through assertTransition.
import { defineLifecycle } from '../lifecycle.js';

export const MEETING_STATUSES = [
  'TENTATIVE',
  'MEETING_REQUESTED',
  'CONFIRMED',
  'UNDER_REVIEW',
  'COMPLETED',
  'CANCELLATION_REQUESTED',
  'CANCELLED',
] as const;

export type MeetingStatus = (typeof MEETING_STATUSES)[number];

// The seed's edges, plus one of ours: MEETING_REQUESTED → TENTATIVE, a hold (or request)
// that lapsed puts the slot back on offer.
export const slotLifecycle = defineLifecycle('slot', MEETING_STATUSES, 'TENTATIVE', {
  TENTATIVE: ['MEETING_REQUESTED', 'CONFIRMED'],
  MEETING_REQUESTED: ['CONFIRMED', 'TENTATIVE'],
  CONFIRMED: ['UNDER_REVIEW', 'COMPLETED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
  UNDER_REVIEW: [],
  COMPLETED: [],
  CANCELLATION_REQUESTED: ['CANCELLED'],
  CANCELLED: [],
});

export const SLOT_TRANSITIONS = slotLifecycle.transitions;
export const canTransition = slotLifecycle.canTransition;
export const assertTransition = slotLifecycle.assertTransition;

/** A meeting can end only from CONFIRMED; ending an already COMPLETED slot is a replay, not an error. */
export function canEndMeeting(status: MeetingStatus): 'end' | 'already-ended' | 'not-endable' {
  if (status === 'COMPLETED') return 'already-ended';
  return canTransition(status, 'COMPLETED') ? 'end' : 'not-endable';
}

/** Clock skew we accept from the meeting server, and how early a meeting may start. */
export const END_TIME_FUTURE_SKEW_MS = 5 * 60_000;
export const EARLY_START_TOLERANCE_MS = 15 * 60_000;

/** Why an end time is implausible for a slot, or null when it is fine. */
export function endTimeProblem(slotStart: Date, endedAt: Date, now: Date): string | null {
  if (endedAt.getTime() > now.getTime() + END_TIME_FUTURE_SKEW_MS) return 'endedAt is in the future';
  if (endedAt.getTime() < slotStart.getTime() - EARLY_START_TOLERANCE_MS) return 'endedAt is before the slot starts';
  return null;
}
