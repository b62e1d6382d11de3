// cleanup: the daily housekeeping (Schedule schedule/cleanup, or a run started by an admin).
// One activity per task, in order; each task is idempotent (a second run finds nothing), so a
// retry after a crash only finishes what the first attempt left. The result lists every task's counts.
import { proxyActivities, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import type { JobActivities } from '../../activities/jobs.activities.js';
import type { CleanupResult, CleanupSettings } from '../../services/cleanup/tasks.js';
import { MasState } from '../search-attributes.js';

export interface CleanupWorkflowInput {
  /** Task names to run, in order; absent: every task. */
  tasks?: string[];
  settings?: Partial<CleanupSettings>;
}

const { runCleanupTaskActivity, cleanupTaskNames } = proxyActivities<JobActivities>({
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 10 },
});

export async function cleanup(input: CleanupWorkflowInput = {}): Promise<CleanupResult[]> {
  const tasks = input.tasks ?? (await cleanupTaskNames());
  const results: CleanupResult[] = [];
  for (const task of tasks) {
    setCurrentDetails(`Running ${task} (${results.length + 1} of ${tasks.length})`);
    results.push(await runCleanupTaskActivity({ task, settings: input.settings ?? {} }));
  }
  const changed = results.reduce((n, r) => n + r.changed, 0);
  setCurrentDetails(results.map((r) => `${r.task}: ${r.changed} changed`).join('\n'));
  upsertSearchAttributes([{ key: MasState, value: changed > 0 ? 'CHANGED' : 'NOTHING_TO_DO' }]);
  return results;
}
