// Contract of slotHold: the api starts it when a hold is taken and signals it on confirm.
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface SlotHoldInput {
  slotId: string;
  holdId: string;
  studentId: string;
  /** ISO-8601 instant the hold lapses. */
  expiresAt: string;
}

export type SlotHoldOutcome = 'confirmed' | 'released' | 'already-settled';

export const holdConfirmedSignal = defineSignal<[{ holdId: string }]>('holdConfirmed');
export const holdStateQuery = defineQuery<{ outcome: SlotHoldOutcome | 'held'; expiresAt: string }>('holdState');
