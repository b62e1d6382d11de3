// Temporal Schedules owned by the code: the worker makes each one exist and match its
// definition at startup. create() wins or finds it already there; then a fingerprint of the
// definition, kept in the action's memo, tells whether an update is due. Two workers starting
// together both end with the same Schedule: one creates it, the other sees it exists and
// (same fingerprint) leaves it, or (a new deploy) both write the same update.
import { createHash } from 'node:crypto';
import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions, type ScheduleSpec } from '@temporalio/client';
import type { Duration, SearchAttributePair } from '@temporalio/common';
import type { Logger } from '../../infra/logger.js';

export interface ScheduleDefinition {
  scheduleId: string;
  spec: ScheduleSpec;
  workflowType: string;
  workflowId: string;
  args: unknown[];
  taskQueue: string;
  summary: string;
  searchAttributes: SearchAttributePair[];
  /** Missed runs within this window after an outage still run (default 1 hour). */
  catchupWindow?: Duration;
  note?: string;
}

export type EnsureOutcome = 'created' | 'updated' | 'unchanged';

export function scheduleFingerprint(def: ScheduleDefinition): string {
  const { scheduleId, spec, workflowType, workflowId, args, taskQueue, summary, catchupWindow } = def;
  return createHash('sha256').update(JSON.stringify({ scheduleId, spec, workflowType, workflowId, args, taskQueue, summary, catchupWindow })).digest('hex').slice(0, 16);
}

function optionsOf(def: ScheduleDefinition): ScheduleOptions {
  return {
    scheduleId: def.scheduleId,
    spec: def.spec,
    action: {
      type: 'startWorkflow',
      workflowType: def.workflowType,
      workflowId: def.workflowId,
      args: def.args,
      taskQueue: def.taskQueue,
      staticSummary: def.summary,
      typedSearchAttributes: def.searchAttributes,
      memo: { scheduleFingerprint: scheduleFingerprint(def) },
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: def.catchupWindow ?? '1 hour', pauseOnFailure: false },
    state: { note: def.note ?? 'Managed by the worker: edit the definition in code or config, not here' },
  };
}

/** Creates the Schedule, or updates it when its definition changed. Safe to call concurrently. */
export async function ensureSchedule(temporal: Client, def: ScheduleDefinition): Promise<EnsureOutcome> {
  const options = optionsOf(def);
  try {
    await temporal.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = temporal.schedule.getHandle(def.scheduleId);
  const described = await handle.describe();
  const current = described.action.type === 'startWorkflow' ? described.action.memo?.scheduleFingerprint : undefined;
  if (current === scheduleFingerprint(def)) return 'unchanged';
  // The state (paused or not, and its note) is the operators'; only spec, action and policies are the code's.
  await handle.update((prev) => ({ ...prev, spec: options.spec, action: options.action, policies: { ...prev.policies, ...options.policies } }));
  return 'updated';
}

/** Ensures each Schedule; one that fails is logged and the rest still go ahead. */
export async function ensureSchedules(deps: { temporal: Client; logger: Logger }, defs: ScheduleDefinition[]): Promise<Record<string, EnsureOutcome | 'failed'>> {
  const out: Record<string, EnsureOutcome | 'failed'> = {};
  for (const def of defs) {
    try {
      out[def.scheduleId] = await ensureSchedule(deps.temporal, def);
    } catch (err) {
      deps.logger.error({ err, scheduleId: def.scheduleId }, 'could not ensure the Schedule; it runs as it was (or not at all) until the next worker start');
      out[def.scheduleId] = 'failed';
    }
  }
  deps.logger.info({ schedules: out }, 'schedules ensured');
  return out;
}
