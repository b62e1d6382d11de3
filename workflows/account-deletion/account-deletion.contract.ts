// Contract of accountDeletion: the api starts it when a user asks to delete their account and
// signals it when the deletion is cancelled (emailed link or admin).
import { defineQuery, defineSignal } from '@temporalio/workflow';

export interface AccountDeletionInput {
  userId: string;
  /** The account_deletions row this run belongs to; a signal for another row is ignored. */
  deletionId: string;
  /** ISO-8601 instant the grace period ends. */
  purgeAfter: string;
}

export type AccountDeletionOutcome = 'purged' | 'cancelled' | 'abandoned';

export const cancelDeletionSignal = defineSignal<[{ deletionId: string }]>('cancelDeletion');
export const deletionStateQuery = defineQuery<{ state: 'notifying' | 'grace' | 'purging' | AccountDeletionOutcome; purgeAfter: string }>('deletionState');
