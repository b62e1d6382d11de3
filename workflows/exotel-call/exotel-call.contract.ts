// Contract of exotelCall: one run per Exotel call (exotel-call/<CallSid>), signalled by each
// StatusCallback; shared by the workflow, the webhook, the activity and tests.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface ExotelCallInput {
  callSid: string;
}

/** One StatusCallback, as received. Its figures are hints: the activity re-fetches the call. */
export interface CallEvent {
  eventType: 'terminal' | 'answered';
  /** Exotel's status word in the callback (completed, busy, in-progress…). */
  status: string;
  /** ISO-8601 instant the api received it. */
  receivedAt: string;
  /** The callback body as Exotel sent it (kept in lead_call_logs.provider_payload). */
  payload: Record<string, unknown>;
}

export interface CallSyncResult {
  /** lead_call_logs.status after the write (never moved backwards). */
  status: string;
  /** True when Exotel reports the call ended and its figures were written. */
  final: boolean;
}

export interface ExotelCallOutcome {
  status: string | null;
  /** `confirmed`: figures written from Exotel's call details; `unavailable`: they never filled in. */
  figures: 'confirmed' | 'unavailable';
  events: string[];
}

/** Duplicate events (same eventType) are ignored by the workflow. */
export const callEventSignal = defineSignal<[CallEvent]>('callEvent');
export const callStateQuery = defineQuery<{ status: string | null; events: string[] }>('callState');
