// An admin's rerun of the KPI rollup over past days (after a fix to raw data, or a gap when the
// worker was down). One workflow per range, `kpi/backfill/<from>..<to>`; asking again while it
// runs joins it.
import { WorkflowIdConflictPolicy, type Client } from '@temporalio/client';
import { kpiDaysBetween } from '../../domain/kpi/metrics.js';
import { MasEntityType } from '../../workflows/search-attributes.js';

export async function startKpiBackfill(deps: { temporal: Client; config: { taskQueue: string } }, input: { from: string; to: string }) {
  const days = kpiDaysBetween(input.from, input.to, 92);
  const workflowId = `kpi/backfill/${input.from}..${input.to}`;
  await deps.temporal.workflow.start('kpiRollup', {
    taskQueue: deps.config.taskQueue,
    workflowId,
    args: [{ days }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    staticSummary: `KPI backfill ${input.from} to ${input.to}`,
    typedSearchAttributes: [{ key: MasEntityType, value: 'kpi_rollup' }],
  });
  return { workflowId, days: days.length };
}
