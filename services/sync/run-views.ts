// The read side of sync runs (mrlearn/mrtest sync_runs): what the admin api lists.
import { DomainError } from '../../domain/errors.js';
import type { SyncSystem } from '../../domain/sync/systems.js';
import type { SyncTrigger } from '../../domain/sync/trigger-attribution.js';
import type { Db } from '../../infra/prisma.js';

export function runTable(db: Db, system: SyncSystem) {
  return (system === 'mrlearn' ? db.mrLearnSyncRun : db.mrTestSyncRun) as unknown as Db['mrLearnSyncRun'];
}

export interface SyncRunRecord {
  id: string;
  syncConfigId: string;
  trigger: SyncTrigger;
  triggeredById: string | null;
  status: string;
  resource: string | null;
  startCursor: string | null;
  endCursor: string | null;
  fetchedCount: number;
  createdCount: number;
  updatedCount: number;
  failedCount: number;
  stats: unknown;
  error: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toRunView(system: SyncSystem, r: SyncRunRecord) {
  const stats = (r.stats ?? {}) as { unchanged?: number; resources?: Record<string, unknown>; errors?: unknown[]; workflowId?: string; mode?: string };
  return {
    id: r.id,
    system,
    syncConfigId: r.syncConfigId,
    trigger: r.trigger,
    triggeredById: r.triggeredById,
    status: r.status,
    mode: stats.mode ?? null,
    workflowId: stats.workflowId ?? null,
    fetched: r.fetchedCount,
    inserted: r.createdCount,
    updated: r.updatedCount,
    unchanged: stats.unchanged ?? 0,
    failed: r.failedCount,
    resources: stats.resources ?? {},
    errors: stats.errors ?? [],
    startCursor: r.startCursor,
    endCursor: r.endCursor,
    error: r.error,
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
    durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listSyncRuns(deps: { db: Db }, system: SyncSystem, filter: { configId?: string }, page: { where: object; orderBy: object[]; take: number }): Promise<SyncRunRecord[]> {
  return (await runTable(deps.db, system).findMany({ where: { ...page.where, ...(filter.configId ? { syncConfigId: filter.configId } : {}) }, orderBy: page.orderBy as never, take: page.take })) as SyncRunRecord[];
}

export async function getSyncRun(deps: { db: Db }, system: SyncSystem, id: string): Promise<SyncRunRecord> {
  const row = (await runTable(deps.db, system).findUnique({ where: { id } })) as SyncRunRecord | null;
  if (!row) throw new DomainError('NOT_FOUND', 'No such sync run');
  return row;
}
