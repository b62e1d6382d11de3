// crmBulkOperation: applies one action to every enrollment (or lead, for enroll) matching a
// filter, a batch at a time. Each batch activity fans out with bounded concurrency and writes
// the running totals to bulk_operations, so GET /api/crm/bulk-operations/:id shows progress.
// Continues-as-new every few dozen batches to keep the history short.
import { continueAsNew, proxyActivities, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { CrmBulkActivities } from '../../activities/crm-bulk.activities.js';
import { MasState } from '../search-attributes.js';
import type { BulkCounts, CrmBulkInput } from './crm-bulk.contract.js';

const acts = proxyActivities<CrmBulkActivities>({
  startToCloseTimeout: '5 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 10 },
});

export async function crmBulkOperation(input: CrmBulkInput): Promise<BulkCounts> {
  const batchSize = input.batchSize ?? 200;
  const batchesPerRun = input.batchesPerRun ?? 50;
  let counts: BulkCounts = input.counts ?? { processed: 0, succeeded: 0, skipped: 0, failed: 0 };
  let cursor = input.cursor ?? null;
  if (input.cursor === undefined) await acts.bulkBegin({ operationId: input.operationId, action: input.action, filter: input.filter, actorId: input.actorId, actorRole: input.actorRole });

  for (let batch = 0; ; batch++) {
    if (batch >= batchesPerRun) {
      return await continueAsNew<typeof crmBulkOperation>({ ...input, cursor, counts });
    }
    setCurrentDetails(`${input.action}: ${counts.processed} processed (${counts.succeeded} ok, ${counts.skipped} skipped, ${counts.failed} failed)`);
    const r = await acts.bulkBatch({ ...input, afterId: cursor, limit: batchSize, before: counts });
    counts = r.counts;
    cursor = r.nextCursor;
    if (!cursor) break;
  }
  await acts.bulkFinish({ operationId: input.operationId, counts });
  upsertSearchAttributes([{ key: MasState, value: 'COMPLETED' }]);
  setCurrentDetails(`${input.action} done: ${counts.succeeded} ok, ${counts.skipped} skipped, ${counts.failed} failed`);
  return counts;
}
