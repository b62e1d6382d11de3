// The Slot lifecycle (seed: MeetingStatus). Every slot status change goes through assertTransition.
import { DomainError } from '../errors.js';

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

export const SLOT_TRANSITIONS: Readonly<Record<MeetingStatus, readonly MeetingStatus[]>> = {
  TENTATIVE: ['MEETING_REQUESTED', 'CONFIRMED'],
  MEETING_REQUESTED: ['CONFIRMED'],
  CONFIRMED: ['UNDER_REVIEW', 'COMPLETED', 'CANCELLATION_REQUESTED', 'CANCELLED'],
  UNDER_REVIEW: [],
  COMPLETED: [],
  CANCELLATION_REQUESTED: ['CANCELLED'],
  CANCELLED: [],
};

export const TERMINAL_SLOT_STATUSES: readonly MeetingStatus[] = ['COMPLETED', 'CANCELLED'];

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return SLOT_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: MeetingStatus, to: MeetingStatus): void {
  if (!canTransition(from, to)) {
    throw new DomainError('ILLEGAL_TRANSITION', `A slot cannot go from ${from} to ${to}`);
  }
}

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
