// A program batch's lead pool (mas_crm.batch_lead_assignments), kept by admins: which salespeople
// take the batch's leads, with a weight and a daily cap. Distributing hands the batch's
// unassigned open leads to the pool by weighted round robin (domain/crm/batch-pool.ts), each
// with its history and activity rows, in one transaction under a per-batch lock, so two runs
// never hand the same lead twice and caps hold.
import { weightedPicks, type BatchPoolMember } from '../../domain/crm/batch-pool.js';
import { istDayOf, kpiDay } from '../../domain/kpi/metrics.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { findAssignee, writeAssignment } from './assignment.js';
import { CAPTURE_TX_OPTIONS, retryOnConflict } from './lead-capture.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** Leads per distribution call. */
export const BATCH_DISTRIBUTE_MAX = 200;

export const poolSelect = { id: true, batchId: true, userId: true, weight: true, dailyCap: true, isActive: true, lastAssignedAt: true, createdAt: true, updatedAt: true } as const satisfies Prisma.BatchLeadAssignmentSelect;
type PoolRow = Prisma.BatchLeadAssignmentGetPayload<{ select: typeof poolSelect }>;
export const toPoolView = (r: PoolRow) => ({ ...r, lastAssignedAt: r.lastAssignedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

async function assertBatch(deps: Deps, batchId: string) {
  if (!(await deps.db.batch.count({ where: { id: batchId } }))) throw new DomainError('NOT_FOUND', 'No such batch');
}

export async function listPool(deps: Deps, batchId: string) {
  await assertBatch(deps, batchId);
  const rows = await deps.db.batchLeadAssignment.findMany({ where: { batchId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: poolSelect });
  return rows.map(toPoolView);
}

/** Adds a salesperson to the pool or changes their weight, cap or active flag. */
export async function putPoolMember(deps: Deps, batchId: string, userId: string, body: { weight?: number | undefined; dailyCap?: number | null | undefined; isActive?: boolean | undefined }) {
  await assertBatch(deps, batchId);
  const user = await findAssignee(deps, userId);
  if (!user || user.role !== 'SALES' || !user.isActive) throw new DomainError('UNPROCESSABLE', 'Only an active SALES user joins a lead pool', [{ path: 'param.userId', message: 'Not an active SALES user' }]);
  const data = { ...(body.weight !== undefined ? { weight: body.weight } : {}), ...(body.dailyCap !== undefined ? { dailyCap: body.dailyCap } : {}), ...(body.isActive !== undefined ? { isActive: body.isActive } : {}) };
  const row = await retryOnConflict(() =>
    deps.db.batchLeadAssignment.upsert({ where: { batchId_userId: { batchId, userId } }, create: { batchId, userId, ...data }, update: data, select: poolSelect }),
  );
  return toPoolView(row);
}

export async function removePoolMember(deps: Deps, batchId: string, userId: string) {
  const gone = await deps.db.batchLeadAssignment.deleteMany({ where: { batchId, userId } });
  if (!gone.count) throw new DomainError('NOT_FOUND', 'That user is not in the batch’s pool');
}

export interface DistributeResult {
  assigned: { leadId: string; userId: string }[];
  /** Unassigned open leads of the batch still waiting (over the limit, or every member capped). */
  remaining: number;
}

const OPEN = ['converted', 'lost', 'invalid'];

/** Hands up to `limit` of the batch's unassigned open leads (oldest first) to its active pool. */
export async function distributeBatchLeads(deps: Deps, auth: AuthContext, batchId: string, input: { limit?: number | undefined; reason?: string | undefined }): Promise<DistributeResult> {
  await assertBatch(deps, batchId);
  const limit = Math.min(input.limit ?? BATCH_DISTRIBUTE_MAX, BATCH_DISTRIBUTE_MAX);
  return retryOnConflict(() =>
    deps.db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`crm:batch-pool:${batchId}`}, 0))`;
      const now = new Date();
      const dayStart = kpiDay(istDayOf(now)).start;
      const pool = await tx.$queryRaw<{ userId: string; weight: number; dailyCap: number | null; lastAssignedAt: Date | null; today: number }[]>`
        SELECT p."user_id" AS "userId", p."weight", p."daily_cap" AS "dailyCap", p."last_assigned_at" AS "lastAssignedAt",
               (SELECT count(*)::int FROM "mas_crm"."lead_assignment_history" h WHERE h."to_user_id" = p."user_id" AND h."created_at" >= ${dayStart}) AS "today"
        FROM "mas_crm"."batch_lead_assignments" p JOIN "public"."users" u ON u."id" = p."user_id"
        WHERE p."batch_id" = ${batchId}::uuid AND p."is_active" AND u."isActive" AND u."role"::text = 'SALES'`;
      if (!pool.length) throw new DomainError('UNPROCESSABLE', 'The batch’s lead pool has no active salesperson');
      const members: BatchPoolMember[] = pool.map((p) => ({ userId: p.userId, weight: p.weight, lastAssignedAt: p.lastAssignedAt, remainingToday: p.dailyCap === null ? null : Math.max(0, p.dailyCap - p.today) }));
      const leads = await tx.$queryRaw<{ id: string; platform: string }[]>`
        SELECT "id", "platform" FROM "mas_crm"."raw_leads"
        WHERE "batch_id" = ${batchId}::uuid AND "assigned_to" IS NULL AND "status"::text NOT IN (${OPEN[0]}, ${OPEN[1]}, ${OPEN[2]})
        ORDER BY "created_at", "id" LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
      const picks = weightedPicks(members, leads.length);
      const assigned: DistributeResult['assigned'] = [];
      for (const [i, userId] of picks.entries()) {
        const lead = leads[i]!;
        await writeAssignment(tx, { lead: { id: lead.id, platform: lead.platform, assignedTo: null }, to: userId, by: auth.userId, method: 'bulk', reason: input.reason ?? `Batch lead pool`, at: now });
        assigned.push({ leadId: lead.id, userId });
      }
      for (const userId of new Set(picks)) await tx.batchLeadAssignment.update({ where: { batchId_userId: { batchId, userId } }, data: { lastAssignedAt: now } });
      const [left] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM "mas_crm"."raw_leads" WHERE "batch_id" = ${batchId}::uuid AND "assigned_to" IS NULL AND "status"::text NOT IN (${OPEN[0]}, ${OPEN[1]}, ${OPEN[2]})`;
      return { assigned, remaining: left?.n ?? 0 };
    }, CAPTURE_TX_OPTIONS),
  );
}
