// Salesperson targets (mas_crm.salesperson_targets): monthly quotas set by the salesperson's
// sales head or an admin; the salesperson reads their own. Progress is read from the KPI rollup
// (public.performance_metrics, one row per IST day), never recomputed here: calls ←
// crm.calls_made, leads contacted ← crm.calls_connected, conversions ← crm.leads_converted.
// Revenue has no rollup metric yet, so its actual is null.
import { assignmentRefusal, seesAllLeads } from '../../domain/crm/access.js';
import { DomainError } from '../../domain/errors.js';
import { KPI, kpiDay } from '../../domain/kpi/metrics.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { findAssignee } from './assignment.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const targetSelect = {
  id: true, userId: true, periodType: true, periodStart: true, periodEnd: true, targetCalls: true, targetLeadsContacted: true, targetConversions: true, targetRevenue: true, notes: true, createdAt: true, updatedAt: true,
} as const satisfies Prisma.SalespersonTargetSelect;
type TargetRow = Prisma.SalespersonTargetGetPayload<{ select: typeof targetSelect }>;

const day = (d: Date) => d.toISOString().slice(0, 10);
export const toTargetView = (r: TargetRow) => ({
  ...r,
  month: day(r.periodStart).slice(0, 7),
  periodStart: day(r.periodStart),
  periodEnd: day(r.periodEnd),
  targetRevenue: r.targetRevenue?.toFixed(2) ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** "YYYY-MM" → its first and last calendar day (dates, UTC midnight as @db.Date stores them). */
export function monthPeriod(month: string): { start: Date; end: Date } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(Date.UTC(y, m - 1, 1)), end: new Date(Date.UTC(y, m, 0)) };
}

/** Targets the caller may read: admins all; a salesperson their own and their team's. */
function visibleTargetsWhere(auth: AuthContext): Prisma.SalespersonTargetWhereInput {
  if (seesAllLeads(auth.role)) return {};
  return { OR: [{ userId: auth.userId }, { user: { is: { salesHeadId: auth.userId } } }] };
}

/** 403 unless the caller is the salesperson's head or an admin; 422 for a user who is not an active salesperson. */
async function assertMaySet(deps: Deps, auth: AuthContext, userId: string) {
  const refusal = assignmentRefusal(auth, await findAssignee(deps, userId));
  if (refusal) throw new DomainError(refusal.code, refusal.code === 'FORBIDDEN' ? 'Only the salesperson’s sales head or an admin sets their targets' : refusal.detail);
}

export interface TargetInput {
  targetCalls?: number | undefined;
  targetLeadsContacted?: number | undefined;
  targetConversions?: number | undefined;
  targetRevenue?: string | null | undefined;
  notes?: string | null | undefined;
}

const fields = (b: TargetInput) => ({
  ...(b.targetCalls !== undefined ? { targetCalls: b.targetCalls } : {}),
  ...(b.targetLeadsContacted !== undefined ? { targetLeadsContacted: b.targetLeadsContacted } : {}),
  ...(b.targetConversions !== undefined ? { targetConversions: b.targetConversions } : {}),
  ...(b.targetRevenue !== undefined ? { targetRevenue: b.targetRevenue === null ? null : new Prisma.Decimal(b.targetRevenue) } : {}),
  ...(b.notes !== undefined ? { notes: b.notes } : {}),
});

export async function createTarget(deps: Deps, auth: AuthContext, body: TargetInput & { userId: string; month: string }) {
  await assertMaySet(deps, auth, body.userId);
  const { start, end } = monthPeriod(body.month);
  try {
    const row = await deps.db.salespersonTarget.create({ data: { userId: body.userId, periodType: 'monthly', periodStart: start, periodEnd: end, ...fields(body) }, select: targetSelect });
    return toTargetView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `That salesperson already has a target for ${body.month}: change it instead`);
    throw err;
  }
}

export function listTargets(deps: Deps, auth: AuthContext, f: { userId?: string | undefined; month?: string | undefined }, page: { where: Prisma.SalespersonTargetWhereInput; orderBy: Prisma.SalespersonTargetOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.SalespersonTargetWhereInput[] = [page.where, visibleTargetsWhere(auth)];
  if (f.userId) where.push({ userId: f.userId });
  if (f.month) where.push({ periodType: 'monthly', periodStart: monthPeriod(f.month).start });
  return deps.db.salespersonTarget.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: targetSelect });
}

async function visibleTarget(deps: Deps, auth: AuthContext, id: string) {
  const row = await deps.db.salespersonTarget.findFirst({ where: { AND: [{ id }, visibleTargetsWhere(auth)] }, select: targetSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such target');
  return row;
}

export async function updateTarget(deps: Deps, auth: AuthContext, id: string, body: TargetInput) {
  const row = await visibleTarget(deps, auth, id);
  await assertMaySet(deps, auth, row.userId);
  return toTargetView(await deps.db.salespersonTarget.update({ where: { id }, data: fields(body), select: targetSelect }));
}

export async function deleteTarget(deps: Deps, auth: AuthContext, id: string) {
  const row = await visibleTarget(deps, auth, id);
  await assertMaySet(deps, auth, row.userId);
  await deps.db.salespersonTarget.deleteMany({ where: { id } });
}

const METRICS = { calls: KPI.crmCallsMade, leadsContacted: KPI.crmCallsConnected, conversions: KPI.crmLeadsConverted } as const;

const measure = (target: number, actual: number) => ({ target, actual, pct: target > 0 ? Math.round((actual / target) * 1000) / 10 : null });

/** The target with its progress so far, summed over the rollup's IST days of the period. */
export async function targetProgress(deps: Deps, auth: AuthContext, id: string) {
  const row = await visibleTarget(deps, auth, id);
  const from = kpiDay(day(row.periodStart)).start;
  const to = kpiDay(day(row.periodEnd)).end;
  const sums = await deps.db.performanceMetric.groupBy({
    by: ['metricKey'],
    where: { userId: row.userId, metricKey: { in: Object.values(METRICS) }, period: 'DAILY', periodStart: { gte: from }, periodEnd: { lte: to } },
    _sum: { value: true },
    _max: { computedAt: true },
  });
  const actual = (key: string) => Number(sums.find((s) => s.metricKey === key)?._sum.value ?? 0);
  const asOf = sums.reduce<Date | null>((m, s) => (s._max.computedAt && (!m || s._max.computedAt > m) ? s._max.computedAt : m), null);
  return {
    target: toTargetView(row),
    progress: {
      calls: measure(row.targetCalls, actual(METRICS.calls)),
      leadsContacted: measure(row.targetLeadsContacted, actual(METRICS.leadsContacted)),
      conversions: measure(row.targetConversions, actual(METRICS.conversions)),
      revenue: { target: row.targetRevenue?.toFixed(2) ?? null, actual: null },
      asOf: asOf?.toISOString() ?? null,
    },
  };
}
