// Bulk operations over CRM enrollments, a batch at a time. A batch is the next keyset page of
// targets (by id, so targets that change state mid-operation are neither skipped nor seen
// twice), acted on with bounded concurrency (pause/resume/cancel are the enrollment's own
// validated Updates, enroll starts enrollments); running totals are written as absolute
// values, so a retried batch never double-counts.
import type { Client } from '@temporalio/client';
import type { Logger } from '../../infra/logger.js';
import type { Db } from '../../infra/prisma.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { BulkAction, BulkCounts, BulkFilter, CrmBulkInput } from '../../workflows/crm-bulk/crm-bulk.contract.js';
import { leadVisibilitySql } from '../crm/lead-visibility-sql.js';
import { enrollmentMoveSources, type EnrollmentMove } from '../../domain/workflow-enrollment/status.js';
import { sendEnrollmentMove } from './enrollment-moves.js';
import { mapLimit, publishedVersion, startEnrollment } from './enrollment.starter.js';

export interface BulkBatchDeps {
  db: Db;
  temporal: Client;
  logger: Logger;
  taskQueue: string;
  /** Updates (or starts) in flight per batch: each waits for a workflow task on a worker. */
  concurrency: number;
}

/** The states each move applies to, from the domain lifecycle; others are not targets. */
const DEFAULT_STATUSES: Record<EnrollmentMove, string[]> = {
  pause: enrollmentMoveSources('pause'),
  resume: enrollmentMoveSources('resume'),
  cancel: enrollmentMoveSources('cancel'),
};
const MAX_FAILURES_KEPT = 500;

type Outcome = { id: string; result: 'ok' | 'skipped' | 'failed'; error?: string };

function enrollmentWhere(action: EnrollmentMove, f: BulkFilter, actorRole: string, actorId: string | null): Prisma.Sql {
  const statuses = f.status?.length ? f.status.filter((s) => DEFAULT_STATUSES[action].includes(s)) : DEFAULT_STATUSES[action];
  const parts: Prisma.Sql[] = [Prisma.sql`e."status"::text = ANY(${statuses}::text[])`, leadVisibilitySql(actorRole, actorId)];
  if (f.workflowId) parts.push(Prisma.sql`e."workflow_id" = ${f.workflowId}::uuid`);
  if (f.version !== undefined) parts.push(Prisma.sql`e."definition_version" = ${f.version}`);
  if (f.leadIds?.length) parts.push(Prisma.sql`e."subject_id" = ANY(${f.leadIds}::uuid[])`);
  if (f.assignedTo) parts.push(Prisma.sql`l."assigned_to" = ${f.assignedTo}::uuid`);
  return Prisma.join(parts, ' AND ');
}

function leadWhere(platform: string, f: BulkFilter, actorRole: string, actorId: string | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`l."platform" = ${platform}`, leadVisibilitySql(actorRole, actorId)];
  if (f.leadIds?.length) parts.push(Prisma.sql`l."id" = ANY(${f.leadIds}::uuid[])`);
  if (f.assignedTo) parts.push(Prisma.sql`l."assigned_to" = ${f.assignedTo}::uuid`);
  if (f.leadStatus) parts.push(Prisma.sql`l."status"::text = ${f.leadStatus}`);
  if (f.sourceType) parts.push(Prisma.sql`l."source_type"::text = ${f.sourceType}`);
  return Prisma.join(parts, ' AND ');
}

async function platformOf(db: Db, crmWorkflowId: string | undefined): Promise<string> {
  if (!crmWorkflowId) throw new Error('enroll needs filter.workflowId');
  const wf = await db.crmWorkflow.findUniqueOrThrow({ where: { id: crmWorkflowId }, select: { platform: true } });
  return wf.platform;
}

async function page(db: Db, input: CrmBulkInput, afterId: string | null, limit: number): Promise<string[]> {
  const after = afterId ? Prisma.sql`AND x."id" > ${afterId}::uuid` : Prisma.empty;
  const { action, filter: f, actorRole, actorId } = input;
  const rows =
    action === 'enroll'
      ? await db.$queryRaw<{ id: string }[]>`SELECT x."id" FROM "mas_crm"."raw_leads" x JOIN "mas_crm"."raw_leads" l ON l."id" = x."id"
          WHERE ${leadWhere(await platformOf(db, f.workflowId), f, actorRole, actorId)} ${after} ORDER BY x."id" LIMIT ${limit}`
      : await db.$queryRaw<{ id: string }[]>`SELECT x."id" FROM "mas_crm"."workflow_enrollments" x
          JOIN "mas_crm"."workflow_enrollments" e ON e."id" = x."id" LEFT JOIN "mas_crm"."raw_leads" l ON l."id" = e."subject_id"
          WHERE ${enrollmentWhere(action, f, actorRole, actorId)} ${after} ORDER BY x."id" LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

async function applyToEnrollment(deps: BulkBatchDeps, action: EnrollmentMove, enrollmentId: string, input: CrmBulkInput): Promise<Outcome> {
  const row = await deps.db.workflowEnrollment.findUnique({ where: { id: enrollmentId }, select: { temporalWorkflowId: true } });
  if (!row?.temporalWorkflowId) return { id: enrollmentId, result: 'skipped', error: 'no workflow' };
  try {
    const reason = action === 'pause' ? (input.reason ?? 'bulk pause') : input.reason;
    const outcome = await sendEnrollmentMove(deps.temporal, row.temporalWorkflowId, action, { reason, actorId: input.actorId });
    // The enrollment's validator refused (the lifecycle has no such move from its live state,
    // which the row can trail), or it is gone: a skip, not a failure.
    return outcome.moved ? { id: enrollmentId, result: 'ok' } : { id: enrollmentId, result: 'skipped', error: outcome.detail };
  } catch (err) {
    return { id: enrollmentId, result: 'failed', error: err instanceof Error ? err.message : String(err) };
  }
}

/** How many targets the operation has (written to the row for progress). */
export async function beginBulk(deps: Pick<BulkBatchDeps, 'db'>, p: { operationId: string; action: BulkAction; filter: BulkFilter; actorId: string | null; actorRole: string }): Promise<number> {
  const { db } = deps;
  const rows =
    p.action === 'enroll'
      ? await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "mas_crm"."raw_leads" l WHERE ${leadWhere(await platformOf(db, p.filter.workflowId), p.filter, p.actorRole, p.actorId)}`
      : await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "mas_crm"."workflow_enrollments" e
          LEFT JOIN "mas_crm"."raw_leads" l ON l."id" = e."subject_id" WHERE ${enrollmentWhere(p.action, p.filter, p.actorRole, p.actorId)}`;
  const total = Number(rows[0]?.n ?? 0);
  await db.crmBulkOperation.update({ where: { id: p.operationId }, data: { total } });
  return total;
}

/** One batch; `progress(done)` is called every 50 targets, enroll included: a batch of 200
 * starts under load can outlast the heartbeat timeout, and a timed-out attempt's retry would
 * find its own enrollments and count them as skipped. */
export async function runBulkBatch(
  deps: BulkBatchDeps,
  p: CrmBulkInput & { afterId: string | null; limit: number; before: BulkCounts },
  progress: (done: number) => void,
): Promise<{ counts: BulkCounts; nextCursor: string | null }> {
  const { db } = deps;
  const ids = await page(db, p, p.afterId, p.limit);
  let done = 0;
  const tick = () => {
    if (++done % 50 === 0) progress(done);
  };
  let outcomes: Outcome[];
  if (p.action === 'enroll') {
    const v = await publishedVersion(db, p.filter.workflowId!, p.filter.version);
    if (!v) throw new Error('The workflow has no published version');
    outcomes = await mapLimit(ids, deps.concurrency, async (leadId) => {
      try {
        const r = await startEnrollment({ db, temporal: deps.temporal, config: { taskQueue: deps.taskQueue } }, v, leadId, p.actorId);
        tick();
        return { id: leadId, result: r.started ? 'ok' : 'skipped', ...(r.started ? {} : { error: 'already enrolled' }) } as Outcome;
      } catch (err) {
        return { id: leadId, result: 'failed', error: err instanceof Error ? err.message : String(err) };
      }
    });
  } else {
    const action = p.action;
    outcomes = await mapLimit(ids, deps.concurrency, async (id) => {
      const o = await applyToEnrollment(deps, action, id, p);
      tick();
      return o;
    });
  }
  const counts: BulkCounts = {
    processed: p.before.processed + outcomes.length,
    succeeded: p.before.succeeded + outcomes.filter((o) => o.result === 'ok').length,
    skipped: p.before.skipped + outcomes.filter((o) => o.result === 'skipped').length,
    failed: p.before.failed + outcomes.filter((o) => o.result === 'failed').length,
  };
  const failures = outcomes.filter((o) => o.result === 'failed').map((o) => ({ id: o.id, error: o.error }));
  await db.$transaction(async (tx) => {
    const op = await tx.crmBulkOperation.findUniqueOrThrow({ where: { id: p.operationId }, select: { failures: true } });
    const kept = [...(op.failures as unknown[]), ...failures].slice(0, MAX_FAILURES_KEPT);
    await tx.crmBulkOperation.update({ where: { id: p.operationId }, data: { ...counts, failures: kept as Prisma.InputJsonValue } });
  });
  if (failures.length) deps.logger.warn({ operationId: p.operationId, failed: failures.length }, 'crm bulk: failures in batch');
  return { counts, nextCursor: ids.length === p.limit ? ids[ids.length - 1]! : null };
}

export async function finishBulk(deps: Pick<BulkBatchDeps, 'db'>, p: { operationId: string; counts: BulkCounts }): Promise<void> {
  await deps.db.crmBulkOperation.update({ where: { id: p.operationId }, data: { ...p.counts, status: 'COMPLETED', completedAt: new Date() } });
}
