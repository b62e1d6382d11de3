// The run engine both systems share. A run is a sync_runs row; its progress lives in the row,
// so whoever holds the run (a retried activity, a new worker after a crash, a continued-as-new
// workflow) resumes from what is committed and nothing is counted twice:
// - stats.resources[r] = { since, cursor, done, pages, fetched, inserted, updated, unchanged, failed, watermark }
// - a page is fetched from the committed cursor, outside any transaction; then one transaction
//   locks the run row, checks the cursor is still the one the page was fetched from (another
//   attempt may have committed it meanwhile: then this page is dropped), upserts the page,
//   advances the cursor and the counts, and renews the config's lease.
// The config's lease (sync_configs.lockedUntil) keeps a second run off the config while one is
// live; a run whose lease ran out is marked FAILED by the next one to start.
import { DomainError } from '../../domain/errors.js';
import { attributeRun } from '../../domain/sync/trigger-attribution.js';
import { orderedResources, parseWatermarks, SYNC_SYSTEM_INFO, type SyncSystem, type SyncWatermarks } from '../../domain/sync/systems.js';
import { LmsApiError } from '../../providers/lib/lms-api-client.js';
import { openSyncApi, recordSyncAuthError } from './credentials.js';
import { MRLEARN_RESOURCES } from './mrlearn-resources.js';
import { MRTEST_RESOURCES } from './mrtest-resources.js';
import type { FailedRow, SyncResource } from './resources.js';
import { configTable } from './schedules.js';
import { syncSetting, type SyncDeps } from './settings.js';

const RESOURCES: Record<SyncSystem, SyncResource[]> = { mrlearn: MRLEARN_RESOURCES, mrtest: MRTEST_RESOURCES };

export function resourceOf(system: SyncSystem, name: string): SyncResource {
  const r = RESOURCES[system].find((x) => x.name === name);
  if (!r) throw new DomainError('UNPROCESSABLE', `${SYNC_SYSTEM_INFO[system].label} has no resource ${name}`);
  return r;
}

export interface ResourceProgress {
  since: string | null;
  cursor: string | null;
  done: boolean;
  pages: number;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  watermark: string | null;
}

export interface RunStats {
  mode: 'full' | 'incremental';
  workflowId: string;
  resources: Record<string, ResourceProgress>;
  unchanged: number;
  errors: (FailedRow & { resource: string })[];
}

const MAX_ERRORS_KEPT = 50;
const schemaOf = (system: SyncSystem) => `"${system}"`;

export interface StartRunInput {
  system: SyncSystem;
  configId: string;
  /** Chosen by the workflow (deterministically), so a retried start finds the row it made. */
  runId: string;
  workflowId: string;
  /** The workflow's start time and its Schedule action's scheduled time (ISO): who started the run is read from them (domain/sync/trigger-attribution.ts). */
  startedAt?: string;
  scheduledAt?: string;
  now?: Date;
}

export interface StartRunResult {
  runId: string;
  /** Another live run holds the config: this one did nothing (its row says CANCELLED and why). */
  skipped: boolean;
  resources: string[];
  mode: 'full' | 'incremental';
  activitiesPerRun: number;
  heartbeatTimeoutSeconds: number;
}

export async function startSyncRun(deps: Pick<SyncDeps, 'db' | 'logger' | 'config'>, input: StartRunInput): Promise<StartRunResult> {
  const { system, configId, runId } = input;
  const now = input.now ?? new Date();
  const activitiesPerRun = syncSetting(deps, 'activitiesPerRun');
  const heartbeatTimeoutSeconds = syncSetting(deps, 'heartbeatTimeoutSeconds');
  const s = schemaOf(system);
  return deps.db.$transaction(async (tx) => {
    const configs = await tx.$queryRawUnsafe<{ resources: string[]; lastCursor: string | null; lockedUntil: Date | null; manualRunRequest: unknown; backfillRequest: unknown }[]>(
      `SELECT "resources", "lastCursor", "lockedUntil", "manualRunRequest", "backfillRequest" FROM ${s}."sync_configs" WHERE "id" = $1::uuid FOR UPDATE`,
      configId,
    );
    const config = configs[0];
    if (!config) throw new DomainError('NOT_FOUND', `The sync config ${configId} no longer exists`);
    const by = attributeRun({ startedAt: input.startedAt ? new Date(input.startedAt) : now, scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : undefined }, config);
    const triggerType = `${s}."${system === 'mrlearn' ? 'MrLearnSyncTrigger' : 'MrTestSyncTrigger'}"`;
    const resources = orderedResources(system, config.resources);
    const existing = await tx.$queryRawUnsafe<{ status: string; stats: RunStats | null }[]>(`SELECT "status"::text AS "status", "stats" FROM ${s}."sync_runs" WHERE "id" = $1::uuid`, runId);
    if (existing[0]) return { runId, skipped: existing[0].status === 'CANCELLED', resources, mode: existing[0].stats?.mode ?? 'full', activitiesPerRun, heartbeatTimeoutSeconds };

    const live = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT "id"::text AS "id" FROM ${s}."sync_runs" WHERE "syncConfigId" = $1::uuid AND "status" = 'RUNNING'`, configId);
    const leaseLive = config.lockedUntil !== null && config.lockedUntil.getTime() > now.getTime();
    if (live.length > 0 && leaseLive) {
      await tx.$executeRawUnsafe(
        `INSERT INTO ${s}."sync_runs" ("id", "syncConfigId", "status", "stats", "error", "startedAt", "finishedAt", "trigger", "triggeredById", "updatedAt") VALUES ($1::uuid, $2::uuid, 'CANCELLED', $3::jsonb, $4, $5, $5, $6::${triggerType}, $7::uuid, now())`,
        runId,
        configId,
        JSON.stringify({ mode: 'full', workflowId: input.workflowId, resources: {}, unchanged: 0, errors: [] }),
        `skipped: run ${live[0]!.id} holds the config until ${config.lockedUntil!.toISOString()}`,
        now,
        by.trigger,
        by.triggeredById,
      );
      deps.logger.warn({ system, configId, runId, holder: live[0]!.id }, 'sync run skipped: another run holds the config');
      return { runId, skipped: true, resources, mode: 'full', activitiesPerRun, heartbeatTimeoutSeconds };
    }
    if (live.length > 0) {
      await tx.$executeRawUnsafe(`UPDATE ${s}."sync_runs" SET "status" = 'FAILED', "error" = 'abandoned: its lease on the config ran out', "finishedAt" = $2, "updatedAt" = now() WHERE "syncConfigId" = $1::uuid AND "status" = 'RUNNING'`, configId, now);
    }
    const watermarks = parseWatermarks(config.lastCursor);
    const mode = config.lastCursor ? 'incremental' : 'full';
    const stats: RunStats = {
      mode,
      workflowId: input.workflowId,
      resources: Object.fromEntries(resources.map((r) => [r, { since: watermarks[r] ?? null, cursor: null, done: false, pages: 0, fetched: 0, inserted: 0, updated: 0, unchanged: 0, failed: 0, watermark: watermarks[r] ?? null }])),
      unchanged: 0,
      errors: [],
    };
    await tx.$executeRawUnsafe(
      `INSERT INTO ${s}."sync_runs" ("id", "syncConfigId", "status", "startCursor", "stats", "startedAt", "trigger", "triggeredById", "updatedAt") VALUES ($1::uuid, $2::uuid, 'RUNNING', $3, $4::jsonb, $5, $6::${triggerType}, $7::uuid, now())`,
      runId,
      configId,
      config.lastCursor,
      JSON.stringify(stats),
      now,
      by.trigger,
      by.triggeredById,
    );
    await tx.$executeRawUnsafe(
      `UPDATE ${s}."sync_configs" SET "lockedUntil" = $2, "lastRunAt" = $3, "manualRunRequest" = CASE WHEN $4::boolean THEN NULL ELSE "manualRunRequest" END, "updatedAt" = now() WHERE "id" = $1::uuid`,
      configId,
      new Date(now.getTime() + syncSetting(deps, 'leaseMinutes') * 60_000),
      now,
      by.claimsManual,
    );
    deps.logger.info({ system, configId, runId, mode, resources, trigger: by.trigger }, 'sync run started');
    return { runId, skipped: false, resources, mode, activitiesPerRun, heartbeatTimeoutSeconds };
  });
}

export interface PagesInput {
  system: SyncSystem;
  runId: string;
  resource: string;
  /** Pages to commit before returning (default SYNC_PAGES_PER_ACTIVITY). */
  maxPages?: number;
}

export interface PagesResult {
  done: boolean;
  /** The run is no longer RUNNING (finished or abandoned elsewhere): stop. */
  stopped: boolean;
  pagesCommitted: number;
  progress: ResourceProgress | null;
}

interface RunRow {
  syncConfigId: string;
  status: string;
  stats: RunStats;
}

async function readRun(deps: Pick<SyncDeps, 'db'>, system: SyncSystem, runId: string): Promise<RunRow> {
  const rows = await deps.db.$queryRawUnsafe<RunRow[]>(`SELECT "syncConfigId"::text AS "syncConfigId", "status"::text AS "status", "stats" FROM ${schemaOf(system)}."sync_runs" WHERE "id" = $1::uuid`, runId);
  if (!rows[0]) throw new DomainError('NOT_FOUND', `No sync run ${runId}`);
  return rows[0];
}

const maxIso = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * Pages through one resource from the run's committed cursor, committing each page, until the
 * resource is done or maxPages pages are committed. `heartbeat` is called after each page with
 * the cursor reached (the activity's heartbeat; the cursor in the row is what a retry resumes from).
 */
export async function syncRunPages(deps: SyncDeps, input: PagesInput, heartbeat: (details: { resource: string; cursor: string | null; pages: number }) => void = () => {}): Promise<PagesResult> {
  const { system, runId } = input;
  const s = schemaOf(system);
  const resource = resourceOf(system, input.resource);
  const maxPages = input.maxPages ?? syncSetting(deps, 'pagesPerActivity');
  const pageSize = syncSetting(deps, 'pageSize');
  const leaseMs = syncSetting(deps, 'leaseMinutes') * 60_000;
  let run = await readRun(deps, system, runId);
  if (run.status !== 'RUNNING') return { done: true, stopped: true, pagesCommitted: 0, progress: run.stats.resources[input.resource] ?? null };
  const credentials = await configTable(deps.db, system).findUnique({ where: { id: run.syncConfigId }, select: { authCredentialsId: true } });
  if (!credentials) throw new DomainError('NOT_FOUND', `The sync config ${run.syncConfigId} no longer exists`);
  const api = await openSyncApi(deps, system, credentials.authCredentialsId);
  let committed = 0;
  for (;;) {
    const progress = run.stats.resources[input.resource];
    if (!progress) throw new DomainError('UNPROCESSABLE', `Run ${runId} does not sync ${input.resource}`);
    if (progress.done) return { done: true, stopped: false, pagesCommitted: committed, progress };
    if (committed >= maxPages) return { done: false, stopped: false, pagesCommitted: committed, progress };

    let page;
    try {
      page = await api.page(resource.path, { cursor: progress.cursor, limit: pageSize, updatedSince: progress.since });
    } catch (err) {
      if (err instanceof LmsApiError && !err.retryable && err.status === 401) await recordSyncAuthError(deps, system, credentials.authCredentialsId, err.message);
      throw err;
    }
    const valid = new Map<string, { id: string; updated_at: string } & Record<string, unknown>>();
    const failed: FailedRow[] = [];
    for (const raw of page.data) {
      const parsed = resource.parse(raw);
      if (parsed.ok) valid.set(parsed.row.id, parsed.row);
      else failed.push(parsed.failed);
    }
    const fromCursor = progress.cursor;
    const outcome = await deps.db.$transaction(
      async (tx) => {
        const locked = await tx.$queryRawUnsafe<RunRow[]>(`SELECT "syncConfigId"::text AS "syncConfigId", "status"::text AS "status", "stats" FROM ${s}."sync_runs" WHERE "id" = $1::uuid FOR UPDATE`, runId);
        const current = locked[0]!;
        const p = current.stats.resources[input.resource]!;
        // Another attempt committed this page (or the run ended) after we read the cursor: drop ours.
        if (current.status !== 'RUNNING' || p.done || p.cursor !== fromCursor) return { applied: false as const, run: current };
        const written = await resource.write(tx, current.syncConfigId, [...valid.values()]);
        const allFailed = [...failed, ...written.failed];
        let watermark = p.watermark;
        for (const r of valid.values()) watermark = maxIso(watermark, r.updated_at);
        const next: ResourceProgress = {
          ...p,
          cursor: page.nextCursor,
          done: page.nextCursor === null,
          pages: p.pages + 1,
          fetched: p.fetched + page.data.length,
          inserted: p.inserted + written.inserted,
          updated: p.updated + written.updated,
          unchanged: p.unchanged + written.unchanged,
          failed: p.failed + allFailed.length,
          watermark,
        };
        const stats: RunStats = {
          ...current.stats,
          resources: { ...current.stats.resources, [input.resource]: next },
          unchanged: current.stats.unchanged + written.unchanged,
          errors: [...current.stats.errors, ...allFailed.map((f) => ({ ...f, resource: input.resource }))].slice(0, MAX_ERRORS_KEPT),
        };
        await tx.$executeRawUnsafe(
          `UPDATE ${s}."sync_runs" SET "stats" = $2::jsonb, "resource" = $3, "fetchedCount" = "fetchedCount" + $4, "createdCount" = "createdCount" + $5, "updatedCount" = "updatedCount" + $6, "failedCount" = "failedCount" + $7, "updatedAt" = now() WHERE "id" = $1::uuid`,
          runId,
          JSON.stringify(stats),
          input.resource,
          page.data.length,
          written.inserted,
          written.updated,
          allFailed.length,
        );
        await tx.$executeRawUnsafe(`UPDATE ${s}."sync_configs" SET "lockedUntil" = now() + ($2::int * interval '1 millisecond') WHERE "id" = $1::uuid`, current.syncConfigId, leaseMs);
        return { applied: true as const, run: { ...current, stats } };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    run = outcome.run;
    if (run.status !== 'RUNNING') return { done: true, stopped: true, pagesCommitted: committed, progress: run.stats.resources[input.resource] ?? null };
    if (outcome.applied) {
      committed++;
      const p = run.stats.resources[input.resource]!;
      heartbeat({ resource: input.resource, cursor: p.cursor, pages: p.pages });
    }
  }
}

export interface FinishRunInput {
  system: SyncSystem;
  runId: string;
  /** Set when the run failed: the status becomes FAILED with this message. */
  error?: string;
  now?: Date;
}

export interface FinishRunResult {
  runId: string;
  status: string;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
}

/**
 * Closes the run: SUCCEEDED (PARTIAL when some rows failed) advances the config's watermarks to
 * what the run saw; FAILED leaves them, and with pause-on-failure disables the config (its
 * Schedule pauses itself when the workflow fails). Idempotent: a finished run is returned as is.
 */
export async function finishSyncRun(deps: Pick<SyncDeps, 'db' | 'logger' | 'config'>, input: FinishRunInput): Promise<FinishRunResult> {
  const { system, runId } = input;
  const s = schemaOf(system);
  const now = input.now ?? new Date();
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRawUnsafe<(RunRow & { fetchedCount: number; createdCount: number; updatedCount: number; failedCount: number; startedAt: Date | null })[]>(
      `SELECT "syncConfigId"::text AS "syncConfigId", "status"::text AS "status", "stats", "fetchedCount", "createdCount", "updatedCount", "failedCount", "startedAt" FROM ${s}."sync_runs" WHERE "id" = $1::uuid FOR UPDATE`,
      runId,
    );
    const run = rows[0];
    if (!run) throw new DomainError('NOT_FOUND', `No sync run ${runId}`);
    const result = (status: string): FinishRunResult => ({ runId, status, fetched: run.fetchedCount, inserted: run.createdCount, updated: run.updatedCount, unchanged: run.stats.unchanged ?? 0, failed: run.failedCount });
    if (run.status !== 'RUNNING') return result(run.status);
    await tx.$queryRawUnsafe(`SELECT 1 FROM ${s}."sync_configs" WHERE "id" = $1::uuid FOR UPDATE`, run.syncConfigId);
    if (input.error) {
      await tx.$executeRawUnsafe(`UPDATE ${s}."sync_runs" SET "status" = 'FAILED', "error" = $2, "finishedAt" = $3, "updatedAt" = now() WHERE "id" = $1::uuid`, runId, input.error.slice(0, 2000), now);
      const pause = syncSetting(deps, 'pauseOnFailure');
      await tx.$executeRawUnsafe(`UPDATE ${s}."sync_configs" SET "lockedUntil" = NULL, "enabled" = CASE WHEN $2::boolean THEN false ELSE "enabled" END, "updatedAt" = now() WHERE "id" = $1::uuid`, run.syncConfigId, pause);
      deps.logger.warn({ system, runId, error: input.error }, 'sync run failed');
      return result('FAILED');
    }
    const status = run.failedCount > 0 ? 'PARTIAL' : 'SUCCEEDED';
    const configs = await tx.$queryRawUnsafe<{ lastCursor: string | null }[]>(`SELECT "lastCursor" FROM ${s}."sync_configs" WHERE "id" = $1::uuid`, run.syncConfigId);
    const watermarks: SyncWatermarks = { ...parseWatermarks(configs[0]?.lastCursor ?? null) };
    for (const [r, p] of Object.entries(run.stats.resources)) if (p.watermark) watermarks[r] = p.watermark;
    const endCursor = JSON.stringify(watermarks);
    await tx.$executeRawUnsafe(`UPDATE ${s}."sync_runs" SET "status" = $2::${s}."${system === 'mrlearn' ? 'MrLearnSyncRunStatus' : 'MrTestSyncRunStatus'}", "endCursor" = $3, "finishedAt" = $4, "updatedAt" = now() WHERE "id" = $1::uuid`, runId, status, endCursor, now);
    await tx.$executeRawUnsafe(`UPDATE ${s}."sync_configs" SET "lastCursor" = $2, "lastSuccessAt" = $3, "lockedUntil" = NULL, "updatedAt" = now() WHERE "id" = $1::uuid`, run.syncConfigId, endCursor, now);
    deps.logger.info({ system, runId, status, fetched: run.fetchedCount, inserted: run.createdCount, updated: run.updatedCount, failed: run.failedCount, ms: run.startedAt ? now.getTime() - run.startedAt.getTime() : null }, 'sync run finished');
    return result(status);
  });
}
