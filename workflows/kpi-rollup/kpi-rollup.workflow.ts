// kpiRollup: recomputes the KPI rollups (performance_metrics). The Schedule schedule/kpi runs
// it every 15 minutes for the current IST day and the one before (late data: attendance marked
// the next morning, a call log closed after midnight); an admin backfill passes the days.
// Each day is one activity; a day's rollup is idempotent, so a retry or a rerun writes the same rows.
import { proxyActivities, setCurrentDetails } from '@temporalio/workflow';
import type { JobActivities } from '../../activities/jobs.activities.js';
import { istDayOf } from '../../domain/kpi/metrics.js';
import type { KpiRollupResult } from '../../services/kpi/rollup.js';

export interface KpiRollupInput {
  /** IST days (YYYY-MM-DD) to recompute; absent: today and yesterday. */
  days?: string[];
}

const { rollupKpiDayActivity } = proxyActivities<JobActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 10 },
});

export async function kpiRollup(input: KpiRollupInput = {}): Promise<KpiRollupResult[]> {
  const now = Date.now();
  const today = istDayOf(new Date(now));
  const days = input.days ?? [istDayOf(new Date(now - 86_400_000)), today];
  const results: KpiRollupResult[] = [];
  for (const day of days) {
    setCurrentDetails(`Rolling up ${day} (${results.length + 1} of ${days.length})`);
    results.push(await rollupKpiDayActivity({ day, isCurrentDay: day === today }));
  }
  const rows = results.reduce((n, r) => n + r.families.reduce((m, f) => m + f.inserted + f.updated + f.deleted, 0), 0);
  setCurrentDetails(`${days.length} day(s) rolled up; ${rows} row(s) written`);
  return results;
}
