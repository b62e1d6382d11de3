// hireBulkReject: rejects a recruiter's list of candidates in chunks, each chunk one activity
// that sends every candidate's run its `reject` Update (the same validated move as one at a
// time). A retried chunk is harmless: an already rejected candidate is refused, not rejected twice.
import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { HireActivities } from '../../activities/hire.activities.js';
import { BULK_REJECT_CHUNK, bulkRejectProgressQuery, type BulkRejectInput, type BulkRejectProgress } from './hire-bulk-reject.contract.js';

const acts = proxyActivities<HireActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

export async function hireBulkReject(input: BulkRejectInput): Promise<BulkRejectProgress> {
  const progress: BulkRejectProgress = { total: input.jobApplicationIds.length, processed: 0, rejected: 0, notFound: 0, refused: 0, done: false, problems: [] };
  setHandler(bulkRejectProgressQuery, () => progress);
  for (let i = 0; i < input.jobApplicationIds.length; i += BULK_REJECT_CHUNK) {
    const chunk = input.jobApplicationIds.slice(i, i + BULK_REJECT_CHUNK);
    const results = await acts.hireBulkRejectChunk({ ...input, jobApplicationIds: chunk });
    for (const r of results) {
      progress.processed++;
      if (r.outcome === 'rejected') progress.rejected++;
      else {
        if (r.outcome === 'not_found') progress.notFound++;
        else progress.refused++;
        progress.problems.push(r);
      }
    }
  }
  progress.done = true;
  return progress;
}
