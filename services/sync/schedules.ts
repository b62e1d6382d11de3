// The Temporal Schedule of each sync config, `sync/<system>/<configId>`, built from the row:
// its interval (every N minutes) or cron + time zone, overlap SKIP, a catch-up window, pause on
// failure, and paused exactly when the row is not enabled. Only services/sync/configs.ts and
// reconcileSyncSchedules change a Schedule, always to match the row they hold, through the same
// create-or-update as the jobs' Schedules (services/schedules/ensure.ts upsertSchedule).
import { ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import { SYNC_SYSTEM_INFO, SYNC_SYSTEMS, syncScheduleId, type SyncSystem } from '../../domain/sync/systems.js';
import { MasEntityId, MasEntityType } from '../../workflows/search-attributes.js';
import { fingerprintOf, upsertSchedule, type EnsureOutcome } from '../schedules/ensure.js';
import { syncSetting, type SyncDeps } from './settings.js';
import type { Db } from '../../infra/prisma.js';

export interface ConfigRow {
  id: string;
  name: string;
  enabled: boolean;
  intervalMinutes: number | null;
  cronExpression: string | null;
  timezone: string;
}

/** What each run receives (the Schedule's action args). */
export interface SyncRunInput {
  system: SyncSystem;
  configId: string;
}

export function configTable(db: Db, system: SyncSystem) {
  return (system === 'mrlearn' ? db.mrLearnSyncConfig : db.mrTestSyncConfig) as unknown as Db['mrLearnSyncConfig'];
}

export const DEFAULT_INTERVAL_MINUTES = 60;

export function scheduleOptions(deps: Pick<SyncDeps, 'config'>, system: SyncSystem, row: ConfigRow, note?: string): ScheduleOptions {
  const info = SYNC_SYSTEM_INFO[system];
  const scheduleId = syncScheduleId(system, row.id);
  const spec = row.cronExpression ? { cronExpressions: [row.cronExpression], timezone: row.timezone } : { intervals: [{ every: `${row.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES} minutes` as const }] };
  const input: SyncRunInput = { system, configId: row.id };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: `${syncSetting(deps, 'catchupWindowMinutes')} minutes` as const, pauseOnFailure: syncSetting(deps, 'pauseOnFailure') };
  const summary = `${info.label} sync · ${row.name}`;
  const fingerprint = fingerprintOf({ spec, workflowType: info.workflowType, input, taskQueue: deps.config.taskQueue, summary, policies });
  return {
    scheduleId,
    spec,
    action: {
      type: 'startWorkflow',
      workflowType: info.workflowType,
      workflowId: scheduleId,
      args: [input],
      taskQueue: deps.config.taskQueue,
      staticSummary: summary,
      typedSearchAttributes: [
        { key: MasEntityType, value: info.entityType },
        { key: MasEntityId, value: row.id },
      ],
      memo: { scheduleFingerprint: fingerprint },
    },
    policies,
    state: { paused: !row.enabled, note: note ?? (row.enabled ? 'Managed by the sync config: change it through /api/admin/sync' : 'Paused: the sync config is disabled') },
  };
}

export type SyncScheduleOutcome = EnsureOutcome;

/** Makes the Schedule exist and match the row (spec, action, policies, paused). Safe to call concurrently. */
export function ensureSyncSchedule(deps: Pick<SyncDeps, 'temporal' | 'config'>, system: SyncSystem, row: ConfigRow, note?: string): Promise<SyncScheduleOutcome> {
  const options = scheduleOptions(deps, system, row, note);
  return upsertSchedule(deps.temporal, options, { paused: !row.enabled, note, defaultNote: options.state!.note! });
}

export async function deleteSyncSchedule(deps: Pick<SyncDeps, 'temporal'>, system: SyncSystem, configId: string): Promise<void> {
  try {
    await deps.temporal.schedule.getHandle(syncScheduleId(system, configId)).delete();
  } catch (err) {
    if (!(err instanceof ScheduleNotFoundError)) throw err;
  }
}

export interface ReconcileResult {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: { scheduleId: string; error: string }[];
}

const SELECT_ROW = { id: true, name: true, enabled: true, intervalMinutes: true, cronExpression: true, timezone: true } as const;

/**
 * Makes every sync config's Schedule exist and match its row, and deletes `sync/<system>/…`
 * Schedules whose config is gone. The worker calls it at startup; two workers calling it at
 * once both succeed (create tolerates "already exists", updates write the same thing, deletes
 * tolerate "not found"). One Schedule that fails is reported and the rest go ahead.
 */
export async function reconcileSyncSchedules(deps: Pick<SyncDeps, 'db' | 'temporal' | 'logger' | 'config'>): Promise<ReconcileResult> {
  const result: ReconcileResult = { created: 0, updated: 0, unchanged: 0, deleted: 0, failed: [] };
  for (const system of SYNC_SYSTEMS) {
    const rows: ConfigRow[] = await configTable(deps.db, system).findMany({ select: SELECT_ROW, orderBy: { id: 'asc' } });
    const ids = new Set(rows.map((r) => r.id));
    for (const row of rows) {
      try {
        result[await ensureSyncSchedule(deps, system, row)]++;
      } catch (err) {
        result.failed.push({ scheduleId: syncScheduleId(system, row.id), error: (err as Error).message });
      }
    }
    const prefix = `sync/${system}/`;
    for await (const s of deps.temporal.schedule.list()) {
      if (!s.scheduleId.startsWith(prefix) || ids.has(s.scheduleId.slice(prefix.length))) continue;
      // Re-read: a config created since the list above keeps its Schedule.
      const id = s.scheduleId.slice(prefix.length);
      if (/^[0-9a-f-]{36}$/i.test(id) && (await configTable(deps.db, system).findUnique({ where: { id }, select: { id: true } }))) continue;
      try {
        await deleteSyncSchedule(deps, system, id);
        result.deleted++;
      } catch (err) {
        result.failed.push({ scheduleId: s.scheduleId, error: (err as Error).message });
      }
    }
  }
  deps.logger.info({ ...result, failed: result.failed.length }, 'sync schedules reconciled');
  return result;
}
