// Bulk operations over CRM enrollments: thin adapters over services/crm-engine/bulk-batches.ts
// (one activity per keyset batch, heartbeating as it goes).
import { Context } from '@temporalio/activity';
import { beginBulk, finishBulk, runBulkBatch, type BulkBatchDeps } from '../services/crm-engine/bulk-batches.js';
import type { BulkAction, BulkCounts, BulkFilter, CrmBulkInput } from '../workflows/crm-bulk/crm-bulk.contract.js';
import type { ActivityDeps } from './deps.js';

/** Updates in flight per batch: each waits for a workflow task on a worker. */
const CONCURRENCY = Number(process.env.CRM_BULK_CONCURRENCY ?? 32);

export function createCrmBulkActivities(deps: ActivityDeps) {
  const batchDeps: BulkBatchDeps = { db: deps.db, temporal: deps.temporal, logger: deps.logger, taskQueue: deps.taskQueue, concurrency: CONCURRENCY };
  return {
    async bulkBegin(p: { operationId: string; action: BulkAction; filter: BulkFilter; actorId: string | null; actorRole: string }): Promise<number> {
      return beginBulk(batchDeps, p);
    },

    async bulkBatch(p: CrmBulkInput & { afterId: string | null; limit: number; before: BulkCounts }): Promise<{ counts: BulkCounts; nextCursor: string | null }> {
      return runBulkBatch(batchDeps, p, (done) => Context.current().heartbeat(done));
    },

    async bulkFinish(p: { operationId: string; counts: BulkCounts }): Promise<void> {
      await finishBulk(batchDeps, p);
    },
  };
}

export type CrmBulkActivities = ReturnType<typeof createCrmBulkActivities>;
