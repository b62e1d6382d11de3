// Batch meeting (seed: BatchMeeting.status): scheduled, live, completed (a recording may follow),
// or cancelled before it finishes. Only a SCHEDULED meeting may be rescheduled.
import { defineLifecycle } from '../lifecycle.js';

export const batchMeetingLifecycle = defineLifecycle('batch meeting', ['SCHEDULED', 'LIVE', 'COMPLETED', 'CANCELLED'], 'SCHEDULED', {
  SCHEDULED: ['LIVE', 'CANCELLED'],
  LIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
});
export type BatchMeetingStatus = (typeof batchMeetingLifecycle.states)[number];

/** The longest meeting one may schedule: a full-day workshop. */
export const MAX_BATCH_MEETING_MINUTES = 8 * 60;

/** Why a meeting window is not acceptable, or null: it must end after it starts, within the cap. */
export function meetingWindowProblem(start: Date, end: Date): string | null {
  if (end.getTime() <= start.getTime()) return 'The meeting must end after it starts';
  if (end.getTime() - start.getTime() > MAX_BATCH_MEETING_MINUTES * 60_000) return `A meeting lasts at most ${MAX_BATCH_MEETING_MINUTES} minutes`;
  return null;
}
