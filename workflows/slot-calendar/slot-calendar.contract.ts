// Contract of slotCalendarSync (calendar/slot/<slotId>): keeps the mentor's Google Calendar event
// in step with the slot. Started (or signalled, when a run is open) after a booking commits and
// after a cancellation commits; each run reconciles until no signal is pending.
import { defineSignal } from '@temporalio/workflow';
import type { SlotCalendarOutcome } from '../../services/calendar/slot-calendar.js';

export interface SlotCalendarSyncInput {
  slotId: string;
}

export interface SlotCalendarSyncResult {
  slotId: string;
  /** The last reconcile's outcome. */
  outcome: SlotCalendarOutcome;
  eventId: string | null;
  /** How many reconciles the run made (1 + the signals that came while it ran). */
  passes: number;
}

/** The slot changed (booked, cancelled): reconcile again before the run ends. */
export const slotCalendarResyncSignal = defineSignal('slotCalendarResync');
