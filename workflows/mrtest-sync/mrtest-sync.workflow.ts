// mrTestSync: one run of a Mr Test sync config (Schedule sync/mrtest/<configId>): online exams,
// students, submissions, submission reports, through the shared sync run (workflows/sync-run/sync-run.ts).
import { syncRun } from '../sync-run/sync-run.js';
import type { SyncWorkflowInput, SyncWorkflowResult } from '../sync-run/sync-run.contract.js';

export async function mrTestSync(input: SyncWorkflowInput): Promise<SyncWorkflowResult | null> {
  return syncRun({ ...input, system: 'mrtest' });
}
