// The scheduled jobs' activities (cleanup, KPI rollup): adapters over services/cleanup and
// services/kpi. A cleanup task heartbeats its running count after each batch, and a retry starts
// from the last count heard, so a task's reported figures add up across a worker crash.
import { Context } from '@temporalio/activity';
import { CLEANUP_TASKS, runCleanupTask, type CleanupResult, type CleanupSettings } from '../services/cleanup/tasks.js';
import { rollupKpiDay, type KpiRollupResult } from '../services/kpi/rollup.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createJobActivities({ db, now }: ActivityDeps) {
  return {
    async cleanupTaskNames(): Promise<string[]> {
      return [...CLEANUP_TASKS];
    },
    async runCleanupTaskActivity(input: { task: string; settings: Partial<CleanupSettings> }): Promise<CleanupResult> {
      const ctx = Context.current();
      const last: unknown = ctx.info.heartbeatDetails;
      const alreadyChanged = typeof last === 'number' && Number.isSafeInteger(last) && last > 0 ? last : 0;
      return refusingDomainErrors(() => runCleanupTask({ db }, input.task, { dryRun: false, now: now(), alreadyChanged }, input.settings, (changed) => ctx.heartbeat(changed)));
    },
    async rollupKpiDayActivity(input: { day: string; isCurrentDay: boolean }): Promise<KpiRollupResult> {
      return refusingDomainErrors(() => rollupKpiDay({ db }, { ...input, now: now() }));
    },
  };
}

export type JobActivities = ReturnType<typeof createJobActivities>;
