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
  return fingerprintOf({ scheduleId, spec, workflowType, workflowId, args, taskQueue, summary, catchupWindow });
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

/** The fingerprint a Schedule's action memo carries: a short hash of what defines it. */
export const fingerprintOf = (definition: unknown) => createHash('sha256').update(JSON.stringify(definition)).digest('hex').slice(0, 16);

/**
 * The one create-or-update of every Schedule the code owns (these jobs, and each sync config's):
 * create, or on "already exists" compare the fingerprint in the action's memo and update spec,
 * action and policies when it differs. `state` given: the pause is the caller's too (a sync
 * config's `enabled`), and an explicit note is written with it; absent: the pause and its note
 * are the operators' and are never touched. Safe to call concurrently: two callers both end with
 * the same Schedule.
 */
export async function upsertSchedule(temporal: Client, options: ScheduleOptions, state?: { paused: boolean; note?: string | undefined; defaultNote: string }): Promise<EnsureOutcome> {
  try {
    await temporal.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
  }
  const handle = temporal.schedule.getHandle(options.scheduleId);
  const described = await handle.describe();
  const current = described.action.type === 'startWorkflow' ? described.action.memo?.scheduleFingerprint : undefined;
  const sameDefinition = current === options.action.memo?.scheduleFingerprint;
  const samePause = !state || described.state.paused === state.paused;
  if (sameDefinition && samePause && state?.note === undefined) return 'unchanged';
  await handle.update((prev) => ({
    ...prev,
    spec: options.spec,
    action: options.action,
    policies: { ...prev.policies, ...options.policies },
    ...(state ? { state: { ...prev.state, paused: state.paused, note: state.note ?? (samePause ? prev.state.note : state.defaultNote) } } : {}),
  }));
  return 'updated';
}

/** Creates the job's Schedule, or updates it when its definition changed. Safe to call concurrently. */
export function ensureSchedule(temporal: Client, def: ScheduleDefinition): Promise<EnsureOutcome> {
  return upsertSchedule(temporal, optionsOf(def));
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
