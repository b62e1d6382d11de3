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

// The seed's edges, plus four of ours (each marked "ours" below).
export const slotLifecycle = defineLifecycle('slot', MEETING_STATUSES, 'TENTATIVE', {
  // ours: TENTATIVE → CANCELLED, its mentor (or an admin) withdraws an unbooked slot.
  TENTATIVE: ['MEETING_REQUESTED', 'CONFIRMED', 'CANCELLED'],
  // ours: MEETING_REQUESTED → TENTATIVE, a hold (or request) that lapsed puts the slot back on offer.
  MEETING_REQUESTED: ['CONFIRMED', 'TENTATIVE'],
  // UNDER_REVIEW: a disputed session (no-show report, or far shorter than booked) awaits an
  // admin's ruling. CANCELLATION_REQUESTED: a student's cancel inside the notice window.
  CONFIRMED: ['UNDER_REVIEW', 'COMPLETED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
  // ours: the admin's ruling ends a review. credit → COMPLETED (the mentor earns as usual);
  // refund → CANCELLED (the student gets the tokens back, the mentor earns nothing).
  UNDER_REVIEW: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  // The mentor (or an admin) approves → CANCELLED; ours: declines → CONFIRMED, the booking stands.
  CANCELLATION_REQUESTED: ['CANCELLED', 'CONFIRMED'],
  CANCELLED: [],
});

export const SLOT_TRANSITIONS = slotLifecycle.transitions;
export const canTransition = slotLifecycle.canTransition;
export const assertTransition = slotLifecycle.assertTransition;

/**
 * A meeting can end only from CONFIRMED. Ending a COMPLETED slot is a replay, and ending one
 * UNDER_REVIEW joins the run already waiting for the ruling: neither is an error.
 */
export function canEndMeeting(status: MeetingStatus): 'end' | 'already-ended' | 'not-endable' {
  if (status === 'COMPLETED' || status === 'UNDER_REVIEW') return 'already-ended';
  return status === 'CONFIRMED' && canTransition(status, 'COMPLETED') ? 'end' : 'not-endable';
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

/**
 * A session is disputed when it ran far shorter than booked: under minPercent of the booked
 * length (0 turns the check off). It ran from startedAt (the meeting server's, when it sent
 * one) or else from the booked start.
 */
export function isFarShorterThanBooked(opts: { bookedStart: Date; bookedEnd: Date; startedAt?: Date | undefined; endedAt: Date; minPercent: number }): boolean {
  if (opts.minPercent <= 0) return false;
  const booked = opts.bookedEnd.getTime() - opts.bookedStart.getTime();
  const actual = opts.endedAt.getTime() - (opts.startedAt ?? opts.bookedStart).getTime();
  return actual * 100 < booked * opts.minPercent;
}

/**
 * The notice window of a student's cancellation: from fullRefundHoursBefore the start
 * (booking.cancellationPolicy) onwards. Inside it a cancel is only a request the mentor rules on.
 */
export function inNoticeWindow(slotStart: Date, now: Date, policy: { fullRefundHoursBefore: number }): boolean {
  return now.getTime() > slotStart.getTime() - policy.fullRefundHoursBefore * 3_600_000;
}
