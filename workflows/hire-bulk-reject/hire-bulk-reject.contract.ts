// Contract of hireBulkReject: one recruiter's rejection of up to 500 candidates of one job with
// one reason, 25 at a time, with its progress as a query.
import { defineQuery } from '@temporalio/workflow';

export const HIRE_BULK_REJECT_WORKFLOW = 'hireBulkReject';
export const BULK_REJECT_MAX = 500;
export const BULK_REJECT_CHUNK = 25;

export interface BulkRejectInput {
  operationId: string;
  jobPostId: string;
  jobApplicationIds: string[];
  code: string;
  note?: string;
  actorUserId: string;
  actorRole: 'ADMIN' | 'SUPERADMIN';
  platform: string;
}

export type BulkRejectItemOutcome = 'rejected' | 'not_found' | 'refused';

export interface BulkRejectProgress {
  total: number;
  processed: number;
  rejected: number;
  notFound: number;
  refused: number;
  done: boolean;
  /** Per candidate, for the ones that were not rejected: why. */
  problems: { jobApplicationId: string; outcome: BulkRejectItemOutcome; detail: string }[];
}

export const bulkRejectProgressQuery = defineQuery<BulkRejectProgress>('progress');
