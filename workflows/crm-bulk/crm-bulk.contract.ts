// Contract of crmBulkOperation: one bulk enroll / pause / resume / cancel over enrollments,
// walked in keyset batches by an activity so no more than one batch is in flight.
export type BulkAction = 'enroll' | 'pause' | 'resume' | 'cancel';

export interface BulkFilter {
  /** CRM workflow: the one enrolled into (enroll, required) or a filter on enrollments. */
  workflowId?: string;
  version?: number;
  status?: ('ACTIVE' | 'WAITING' | 'PAUSED' | 'COMPLETED' | 'FAILED' | 'CANCELLED')[];
  leadIds?: string[];
  assignedTo?: string;
  /** Enroll only: the leads' status and source. */
  leadStatus?: string;
  sourceType?: string;
}

export interface BulkCounts {
  processed: number;
  succeeded: number;
  skipped: number;
  failed: number;
}

export interface CrmBulkInput {
  operationId: string;
  action: BulkAction;
  filter: BulkFilter;
  reason: string | null;
  actorId: string | null;
  /** SALES actors only reach the leads they may see. */
  actorRole: string;
  batchSize?: number;
  /** Carried across continue-as-new. */
  cursor?: string | null;
  counts?: BulkCounts;
  batchesPerRun?: number;
}
