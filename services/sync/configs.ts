// Sync configs (mrlearn/mrtest sync_configs) and their Schedules, changed only here and always
// together: each change locks the config row (SELECT … FOR UPDATE), writes it, makes the
// Schedule match it, and commits only when Temporal accepted the change. Two admins changing one
// config serialise on the row lock, so the Schedule ends as the last committed row says; a
// Schedule change that fails rolls the row back (503). reconcileSyncSchedules repairs anything
// left between (a commit that failed after Temporal said yes).
import { ScheduleNotFoundError, ScheduleOverlapPolicy } from '@temporalio/client';
import { DomainError } from '../../domain/errors.js';
import { cronProblem, orderedResources, parseWatermarks, resourcesProblem, SYNC_SYSTEM_INFO, syncScheduleId, type SyncSystem } from '../../domain/sync/systems.js';
import { type BackfillRequest, type ManualRunRequest } from '../../domain/sync/trigger-attribution.js';
import { credentialsTable } from './credentials.js';
import { configTable, deleteSyncSchedule, ensureSyncSchedule, type ConfigRow } from './schedules.js';
import type { SyncDeps } from './settings.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export const MAX_BACKFILL_DAYS = 31;

export interface SyncConfigRecord extends ConfigRow {
  authCredentialsId: string;
  resources: string[];
  lastCursor: string | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  nextRunAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toConfigView(system: SyncSystem, r: SyncConfigRecord) {
  return {
    id: r.id,
    system,
    name: r.name,
    authCredentialsId: r.authCredentialsId,
    resources: orderedResources(system, r.resources),
    enabled: r.enabled,
    intervalMinutes: r.cronExpression ? null : r.intervalMinutes,
    cronExpression: r.cronExpression,
    timezone: r.timezone,
    watermarks: parseWatermarks(r.lastCursor),
    lastRunAt: iso(r.lastRunAt),
    lastSuccessAt: iso(r.lastSuccessAt),
    lockedUntil: iso(r.lockedUntil),
    scheduleId: syncScheduleId(system, r.id),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export interface ScheduleView {
  paused: boolean;
  note: string | null;
  nextActionTimes: string[];
  recentActions: { scheduledAt: string; takenAt: string; workflowId: string }[];
  runningWorkflowIds: string[];
}

export interface SyncConfigInput {
  name: string;
  authCredentialsId: string;
  resources?: string[];
  intervalMinutes?: number | null;
  cronExpression?: string | null;
  timezone?: string;
  enabled?: boolean;
}

function timezoneProblem(tz: string): string | null {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return null;
  } catch {
    return 'is not an IANA time zone';
  }
}

/** The timing columns from the input over the current row: a cron wins over the interval. */
function timing(input: Partial<SyncConfigInput>, current?: SyncConfigRecord) {
  const cron = input.cronExpression !== undefined ? input.cronExpression : (current?.cronExpression ?? null);
  const interval = input.intervalMinutes !== undefined ? input.intervalMinutes : (current?.intervalMinutes ?? null);
  // Setting an interval clears a cron the caller did not restate.
  const cronExpression = input.intervalMinutes != null && input.cronExpression === undefined ? null : cron;
  const timezone = input.timezone ?? current?.timezone ?? 'Asia/Kolkata';
  const problems: { path: string; message: string }[] = [];
  if (cronExpression) {
    const p = cronProblem(cronExpression);
    if (p) problems.push({ path: 'body.cronExpression', message: p });
  } else if (!interval) problems.push({ path: 'body.intervalMinutes', message: 'give intervalMinutes or cronExpression' });
  const tzp = timezoneProblem(timezone);
  if (tzp) problems.push({ path: 'body.timezone', message: tzp });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
  return { cronExpression, intervalMinutes: cronExpression ? null : interval, timezone };
}

function checkResources(system: SyncSystem, resources: string[] | undefined) {
  if (!resources) return;
  const p = resourcesProblem(system, resources);
  if (p) throw new DomainError('VALIDATION_FAILED', p, [{ path: 'body.resources', message: p }]);
}

async function checkCredentialsExist(deps: Pick<SyncDeps, 'db'>, system: SyncSystem, id: string) {
  const found = await credentialsTable(deps.db, system).findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new DomainError('UNPROCESSABLE', `No ${SYNC_SYSTEM_INFO[system].label} credentials ${id}`, [{ path: 'body.authCredentialsId', message: 'no such credentials' }]);
}

const nameTaken = (name: string | undefined) => new DomainError('CONFLICT', `A sync config named "${name}" already exists`, [{ path: 'body.name', message: 'taken' }]);

function temporalRefused(err: unknown): never {
  if (err instanceof DomainError) throw err;
  const message = (err as Error).message ?? String(err);
  if (/invalid|cron|spec/i.test(message)) throw new DomainError('UNPROCESSABLE', `Temporal refused the Schedule: ${message}`);
  throw new DomainError('DEPENDENCY_UNAVAILABLE', `The Schedule could not be changed, so the config was not either: ${message}`);
}

export async function createSyncConfig(deps: SyncDeps, system: SyncSystem, input: SyncConfigInput): Promise<SyncConfigRecord> {
  checkResources(system, input.resources);
  const t = timing(input);
  await checkCredentialsExist(deps, system, input.authCredentialsId);
  const table = configTable(deps.db, system);
  let row: SyncConfigRecord;
  try {
    row = await table.create({ data: { name: input.name, authCredentialsId: input.authCredentialsId, resources: orderedResources(system, input.resources ?? []), enabled: input.enabled ?? true, ...t } });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(input.name);
    throw err;
  }
  try {
    await ensureSyncSchedule(deps, system, row);
  } catch (err) {
    // No Schedule, no config: take the row back so they never disagree.
    await table.delete({ where: { id: row.id } }).catch(() => {});
    await deleteSyncSchedule(deps, system, row.id).catch(() => {});
    temporalRefused(err);
  }
  deps.logger.info({ system, configId: row.id, scheduleId: syncScheduleId(system, row.id) }, 'sync config created');
  return row;
}

/** Locks the row, applies `change`, makes the Schedule match, commits. */
async function changeConfig(deps: SyncDeps, system: SyncSystem, id: string, change: (current: SyncConfigRecord) => Promise<{ data: Record<string, unknown>; note?: string }>): Promise<SyncConfigRecord> {
  try {
    return await deps.db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${system}"."sync_configs" WHERE "id" = $1::uuid FOR UPDATE`, id);
        if (locked.length === 0) throw new DomainError('NOT_FOUND', 'No such sync config');
        const t = configTable(tx as never, system);
        const current = (await t.findUniqueOrThrow({ where: { id } })) as SyncConfigRecord;
        const { data, note } = await change(current);
        const row = (await t.update({ where: { id }, data })) as SyncConfigRecord;
        try {
          await ensureSyncSchedule(deps, system, row, note);
        } catch (err) {
          temporalRefused(err);
        }
        return row;
      },
      { timeout: 20_000, maxWait: 10_000 },
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(undefined);
    throw err;
  }
}

export type SyncConfigPatch = Partial<SyncConfigInput>;

export async function updateSyncConfig(deps: SyncDeps, system: SyncSystem, id: string, patch: SyncConfigPatch): Promise<SyncConfigRecord> {
  checkResources(system, patch.resources);
  if (patch.authCredentialsId) await checkCredentialsExist(deps, system, patch.authCredentialsId);
  try {
    return await changeConfig(deps, system, id, async (current) => {
      const t = timing(patch, current);
      const data: Record<string, unknown> = { ...t };
      if (patch.name !== undefined) data.name = patch.name;
      if (patch.authCredentialsId !== undefined) data.authCredentialsId = patch.authCredentialsId;
      if (patch.resources !== undefined) data.resources = orderedResources(system, patch.resources);
      if (patch.enabled !== undefined) data.enabled = patch.enabled;
      return { data };
    });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'CONFLICT' && patch.name) throw nameTaken(patch.name);
    throw err;
  }
}

/** Pauses the Schedule with the note and disables the config. Pausing a paused config just changes the note. */
export function pauseSyncConfig(deps: SyncDeps, system: SyncSystem, id: string, note: string): Promise<SyncConfigRecord> {
  return changeConfig(deps, system, id, async () => ({ data: { enabled: false }, note: `Paused: ${note}` }));
}

export function unpauseSyncConfig(deps: SyncDeps, system: SyncSystem, id: string, note: string): Promise<SyncConfigRecord> {
  return changeConfig(deps, system, id, async () => ({ data: { enabled: true }, note: `Unpaused: ${note}` }));
}

async function describeSchedule(deps: SyncDeps, system: SyncSystem, id: string) {
  try {
    return await deps.temporal.schedule.getHandle(syncScheduleId(system, id)).describe();
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) throw new DomainError('DEPENDENCY_UNAVAILABLE', 'The config has no Schedule yet (the worker recreates it at startup)');
    throw err;
  }
}

/**
 * Runs the Schedule's action now (it shows in the Schedule's recent actions). 409 when the config
 * is paused or a run is in progress. `full` first forgets the watermarks, so the run reads every
 * row again (unchanged rows count as unchanged) instead of only those changed since the last run.
 */
export async function triggerSyncConfig(deps: SyncDeps, system: SyncSystem, id: string, opts: { full?: boolean; byId?: string | null } = {}, now = new Date()): Promise<{ config: SyncConfigRecord; full: boolean }> {
  const config = await changeConfigForRun(deps, system, id, async (current, tx) => {
    // The run reads who asked from the row (domain/sync/trigger-attribution.ts): written first, so a
    // refused trigger rolls it back with the transaction.
    const manualRunRequest: ManualRunRequest = { byId: opts.byId ?? null, at: now.toISOString() };
    await configTable(tx as never, system).update({ where: { id }, data: { manualRunRequest, ...(opts.full ? { lastCursor: null } : {}) } });
    await deps.temporal.schedule.getHandle(syncScheduleId(system, id)).trigger(ScheduleOverlapPolicy.SKIP);
    return current;
  });
  deps.logger.info({ system, configId: id, full: opts.full ?? false }, 'sync triggered');
  return { config, full: opts.full ?? false };
}

/** Runs every action the Schedule would have taken in [from, to], one after another (BUFFER_ALL). */
export async function backfillSyncConfig(deps: SyncDeps, system: SyncSystem, id: string, window: { from: Date; to: Date; byId?: string | null }, now = new Date()): Promise<SyncConfigRecord> {
  const problems: { path: string; message: string }[] = [];
  if (window.from >= window.to) problems.push({ path: 'body.from', message: 'from must be before to' });
  if (window.to.getTime() > now.getTime() + 60_000) problems.push({ path: 'body.to', message: 'to must not be in the future' });
  if (window.to.getTime() - window.from.getTime() > MAX_BACKFILL_DAYS * 86_400_000) problems.push({ path: 'body.to', message: `a backfill covers at most ${MAX_BACKFILL_DAYS} days` });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
  return changeConfigForRun(deps, system, id, async (current, tx) => {
    const backfillRequest: BackfillRequest = { byId: window.byId ?? null, at: now.toISOString(), from: window.from.toISOString(), to: window.to.toISOString() };
    await configTable(tx as never, system).update({ where: { id }, data: { backfillRequest } });
    await deps.temporal.schedule.getHandle(syncScheduleId(system, id)).backfill({ start: window.from, end: window.to, overlap: ScheduleOverlapPolicy.BUFFER_ALL });
    return current;
  }, { allowRunning: true });
}

/** Under the row lock: the config must be enabled (and idle unless allowRunning), then `act`. */
async function changeConfigForRun(deps: SyncDeps, system: SyncSystem, id: string, act: (current: SyncConfigRecord, tx: unknown) => Promise<SyncConfigRecord>, opts: { allowRunning?: boolean } = {}): Promise<SyncConfigRecord> {
  return deps.db.$transaction(
    async (tx) => {
      const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id" FROM "${system}"."sync_configs" WHERE "id" = $1::uuid FOR UPDATE`, id);
      if (locked.length === 0) throw new DomainError('NOT_FOUND', 'No such sync config');
      const current = (await configTable(tx as never, system).findUniqueOrThrow({ where: { id } })) as SyncConfigRecord;
      if (!current.enabled) throw new DomainError('CONFLICT', 'The sync config is paused: unpause it first');
      if (!opts.allowRunning) {
        const described = await describeSchedule(deps, system, id);
        if (described.info.runningActions.length > 0) throw new DomainError('CONFLICT', `A run is in progress (${described.info.runningActions[0]!.workflow.workflowId})`);
      }
      try {
        return await act(current, tx);
      } catch (err) {
        temporalRefused(err);
      }
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}

export async function getSyncConfig(deps: SyncDeps, system: SyncSystem, id: string): Promise<{ config: SyncConfigRecord; schedule: ScheduleView | null }> {
  const config = (await configTable(deps.db, system).findUnique({ where: { id } })) as SyncConfigRecord | null;
  if (!config) throw new DomainError('NOT_FOUND', 'No such sync config');
  let schedule: ScheduleView | null = null;
  try {
    const d = await deps.temporal.schedule.getHandle(syncScheduleId(system, id)).describe();
    schedule = {
      paused: d.state.paused,
      note: d.state.note ?? null,
      nextActionTimes: d.info.nextActionTimes.slice(0, 5).map((t) => t.toISOString()),
      recentActions: d.info.recentActions.map((a) => ({ scheduledAt: a.scheduledAt.toISOString(), takenAt: a.takenAt.toISOString(), workflowId: a.action.workflow.workflowId })),
      runningWorkflowIds: d.info.runningActions.map((a) => a.workflow.workflowId),
    };
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
  return { config, schedule };
}

export async function listSyncConfigs(deps: Pick<SyncDeps, 'db'>, system: SyncSystem, page: { where: object; orderBy: object[]; take: number }): Promise<SyncConfigRecord[]> {
  return (await configTable(deps.db, system).findMany({ where: page.where, orderBy: page.orderBy as never, take: page.take })) as SyncConfigRecord[];
}
