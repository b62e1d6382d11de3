// The /api/cleanup/* use cases (ADMIN): list the tasks with the Schedule's state, preview a task
// (a dry run: its count, nothing changed), and run tasks now. A run is the same `cleanup`
// workflow the Schedule starts, under a fixed id per task set, so two admins pressing "run" at
// once join one run instead of racing; the answer waits for it up to `waitMs`.
import { WorkflowIdConflictPolicy } from '@temporalio/client';
import type { Client } from '@temporalio/client';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import { MasEntityType } from '../../workflows/search-attributes.js';
import { CLEANUP_SCHEDULE_ID } from '../schedules/job-schedules.js';
import { CLEANUP_TASKS, isCleanupTask, listCleanupTasks, runCleanupTask, type CleanupResult, type CleanupSettings } from './tasks.js';

interface Deps {
  db: Db;
  temporal: Client;
  config: { taskQueue: string; cleanupSettings?: Partial<CleanupSettings> };
}

export async function cleanupOverview(deps: Pick<Deps, 'temporal'>) {
  return { tasks: listCleanupTasks(), schedule: await scheduleState(deps.temporal) };
}

async function scheduleState(temporal: Client) {
  try {
    const d = await temporal.schedule.getHandle(CLEANUP_SCHEDULE_ID).describe();
    return {
      scheduleId: CLEANUP_SCHEDULE_ID,
      paused: d.state.paused,
      note: d.state.note ?? null,
      nextRunAt: d.info.nextActionTimes[0]?.toISOString() ?? null,
      recentRuns: d.info.recentActions.slice(-5).map((a) => ({ scheduledAt: a.scheduledAt.toISOString(), takenAt: a.takenAt.toISOString(), workflowId: a.action.workflow.workflowId })),
    };
  } catch (err) {
    if ((err as Error).name === 'ScheduleNotFoundError') return null;
    throw err;
  }
}

export function previewCleanupTask(deps: Pick<Deps, 'db' | 'config'>, task: string, now: Date): Promise<CleanupResult> {
  return runCleanupTask(deps, task, { dryRun: true, now }, deps.config.cleanupSettings ?? {});
}

export interface CleanupRunView {
  workflowId: string;
  status: 'COMPLETED' | 'RUNNING';
  results: CleanupResult[] | null;
}

/** Starts (or joins) the run of `tasks` (all when empty) and waits for it up to waitMs. */
export async function runCleanupNow(deps: Pick<Deps, 'temporal' | 'config'>, tasks: string[], waitMs: number): Promise<CleanupRunView> {
  for (const t of tasks) if (!isCleanupTask(t)) throw new DomainError('NOT_FOUND', `No cleanup task ${t}`);
  const ordered = CLEANUP_TASKS.filter((t) => tasks.length === 0 || tasks.includes(t));
  const workflowId = `cleanup/run/${tasks.length === 0 ? 'all' : ordered.join('+')}`;
  const handle = await deps.temporal.workflow.start('cleanup', {
    taskQueue: deps.config.taskQueue,
    workflowId,
    args: [{ tasks: ordered, settings: deps.config.cleanupSettings ?? {} }],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    staticSummary: `Cleanup now: ${ordered.join(', ')}`,
    typedSearchAttributes: [{ key: MasEntityType, value: 'cleanup' }],
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)));
  try {
    const results = (await Promise.race([handle.result(), timeout])) as CleanupResult[] | null;
    return { workflowId, status: results ? 'COMPLETED' : 'RUNNING', results };
  } finally {
    clearTimeout(timer);
  }
}
