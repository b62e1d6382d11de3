// mrLearnSync: one run of a Mr Learn sync config (Schedule sync/mrlearn/<configId>): courses,
// learners, learner reports, through the shared sync run (workflows/sync-run/sync-run.ts).
import { syncRun } from '../sync-run/sync-run.js';
import type { SyncWorkflowInput, SyncWorkflowResult } from '../sync-run/sync-run.contract.js';

export async function mrLearnSync(input: SyncWorkflowInput): Promise<SyncWorkflowResult | null> {
  return syncRun({ ...input, system: 'mrlearn' });
}
