// Contract of crmFollowUp: the durable reminder timer of one lead follow-up.
import { defineSignal, defineUpdate } from '@temporalio/workflow';

export interface CrmFollowUpInput {
  followUpId: string;
  /** ISO-8601 instant the assignee is reminded. */
  dueAt: string;
}

export type CrmFollowUpOutcome = 'reminded' | 'closed';

/** Move the reminder; refused (before anything changes) when closed or not in the future. */
export const rescheduleUpdate = defineUpdate<{ dueAt: string }, [{ dueAt: string }]>('reschedule');
/** The follow-up was completed or cancelled: no reminder. */
export const closedSignal = defineSignal('closed');
