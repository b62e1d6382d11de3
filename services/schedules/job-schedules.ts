// The background jobs' Schedules (issue 15): the daily cleanup and the 15-minute KPI rollup.
// The worker ensures them at startup (services/schedules/ensure.ts); their knobs come from env.
import type { CleanupSettings } from '../cleanup/tasks.js';
import { MasEntityType } from '../../workflows/search-attributes.js';
import type { ScheduleDefinition } from './ensure.js';

export const CLEANUP_SCHEDULE_ID = 'schedule/cleanup';
export const KPI_SCHEDULE_ID = 'schedule/kpi';

export interface JobScheduleSettings {
  taskQueue: string;
  cleanupCron: string;
  timezone: string;
  cleanupSettings: CleanupSettings;
  kpiIntervalMinutes: number;
}

export function jobScheduleDefinitions(s: JobScheduleSettings): ScheduleDefinition[] {
  return [
    {
      scheduleId: CLEANUP_SCHEDULE_ID,
      spec: { cronExpressions: [s.cleanupCron], timezone: s.timezone },
      workflowType: 'cleanup',
      workflowId: CLEANUP_SCHEDULE_ID,
      args: [{ settings: s.cleanupSettings }],
      taskQueue: s.taskQueue,
      summary: 'Daily cleanup: stale slots, old outbox rows and tokens, stuck recordings, rate-limit buckets',
      searchAttributes: [{ key: MasEntityType, value: 'cleanup' }],
      catchupWindow: '6 hours',
    },
    {
      scheduleId: KPI_SCHEDULE_ID,
      spec: { intervals: [{ every: `${s.kpiIntervalMinutes} minutes` }] },
      workflowType: 'kpiRollup',
      workflowId: KPI_SCHEDULE_ID,
      args: [{}],
      taskQueue: s.taskQueue,
      summary: `KPI rollup every ${s.kpiIntervalMinutes} min: today's and yesterday's performance_metrics`,
      searchAttributes: [{ key: MasEntityType, value: 'kpi_rollup' }],
      // A missed rollup is superseded by the next one; catching up only repeats work.
      catchupWindow: '1 minute',
    },
  ];
}
