// Dashboards (issue 15): every figure here is read from the KPI rollups (performance_metrics),
// never from the raw tables, so a dashboard costs one indexed read however big the raw data is.
// Ranges are IST days, both ends included; figures are at most one rollup interval old.
import { type Prisma } from '../../prisma/generated/client.js';
import { isStaff } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { attendanceKey, KPI, kpiDay, kpiDaysBetween } from '../../domain/kpi/metrics.js';
import type { Db } from '../../infra/prisma.js';
import type { AuthContext } from '../deps.js';
import { jobForRecruiter, type RecruiterScope } from '../hire/job-access.js';

export interface DayRange {
  from: string;
  to: string;
}

function windowOf(r: DayRange) {
  const days = kpiDaysBetween(r.from, r.to);
  return { days, start: kpiDay(r.from).start, end: kpiDay(r.to).end };
}

const num = (d: Prisma.Decimal | null | undefined) => (d ? Number(d) : 0);

/** A mentor's sessions and earnings per day. An expert sees their own; staff name the mentor. */
export async function mentorDashboard(deps: { db: Db }, actor: AuthContext, input: DayRange & { mentorId?: string | undefined }) {
  const mentorId = input.mentorId ?? actor.userId;
  if (mentorId !== actor.userId && !isStaff(actor.role)) throw new DomainError('NOT_FOUND', `No dashboard for mentor ${mentorId}`);
  const w = windowOf(input);
  const rows = await deps.db.performanceMetric.findMany({
    where: { userId: mentorId, metricKey: { in: [KPI.mentorSessionsCompleted, KPI.mentorEarningsPaise] }, periodStart: { gte: w.start, lt: w.end } },
    select: { metricKey: true, periodStart: true, value: true, computedAt: true },
  });
  const byDay = new Map(w.days.map((day) => [kpiDay(day).start.getTime(), { day, sessionsCompleted: 0, earningsPaise: 0 }]));
  let computedAt: Date | null = null;
  for (const r of rows) {
    const d = byDay.get(r.periodStart.getTime());
    if (!d) continue;
    if (r.metricKey === KPI.mentorSessionsCompleted) d.sessionsCompleted = num(r.value);
    else d.earningsPaise = num(r.value);
    if (!computedAt || r.computedAt > computedAt) computedAt = r.computedAt;
  }
  const days = [...byDay.values()];
  return {
    mentorId,
    from: input.from,
    to: input.to,
    totals: { sessionsCompleted: days.reduce((n, d) => n + d.sessionsCompleted, 0), earningsPaise: days.reduce((n, d) => n + d.earningsPaise, 0) },
    days,
    computedAt: computedAt?.toISOString() ?? null,
  };
}

const SALES_KEYS = [KPI.crmCallsMade, KPI.crmCallsConnected, KPI.crmLeadsAssigned, KPI.crmLeadsConverted];

/** Calls and conversion per salesperson over a range. A salesperson sees their own row; staff see everyone's. */
export async function salesDashboard(deps: { db: Db }, actor: AuthContext, input: DayRange) {
  const w = windowOf(input);
  const own = !isStaff(actor.role);
  const sums = await deps.db.performanceMetric.groupBy({
    by: ['userId', 'metricKey'],
    where: { metricKey: { in: SALES_KEYS }, periodStart: { gte: w.start, lt: w.end }, ...(own ? { userId: actor.userId } : {}) },
    _sum: { value: true },
  });
  const people = new Map<string, { userId: string; callsMade: number; callsConnected: number; leadsAssigned: number; leadsConverted: number }>();
  for (const s of sums) {
    const p = people.get(s.userId) ?? { userId: s.userId, callsMade: 0, callsConnected: 0, leadsAssigned: 0, leadsConverted: 0 };
    const v = num(s._sum.value);
    if (s.metricKey === KPI.crmCallsMade) p.callsMade = v;
    else if (s.metricKey === KPI.crmCallsConnected) p.callsConnected = v;
    else if (s.metricKey === KPI.crmLeadsAssigned) p.leadsAssigned = v;
    else p.leadsConverted = v;
    people.set(s.userId, p);
  }
  if (own && !people.has(actor.userId)) people.set(actor.userId, { userId: actor.userId, callsMade: 0, callsConnected: 0, leadsAssigned: 0, leadsConverted: 0 });
  const users = await deps.db.user.findMany({ where: { id: { in: [...people.keys()] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const items = [...people.values()]
    .map((p) => ({
      ...p,
      name: names.get(p.userId) ?? null,
      connectRatePct: p.callsMade ? Math.round((1000 * p.callsConnected) / p.callsMade) / 10 : null,
      conversionPct: p.leadsAssigned ? Math.round((1000 * p.leadsConverted) / p.leadsAssigned) / 10 : null,
    }))
    .sort((a, b) => b.leadsConverted - a.leadsConverted || b.callsMade - a.callsMade || a.userId.localeCompare(b.userId));
  return { from: input.from, to: input.to, items };
}

/** A job's candidates per stage, as of the last rollup. The recruiter scope of the job routes applies. */
export async function jobPipelineDashboard(deps: { db: Db }, scope: RecruiterScope, jobPostId: string) {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true, title: true, belongsTo: true });
  const suffix = `@${job.id}`;
  // The newest day the rollup wrote for this job; every stage row of that day.
  const latest = await deps.db.performanceMetric.findFirst({
    where: { metricKey: { startsWith: KPI.hirePipelinePrefix, endsWith: suffix } },
    orderBy: { periodStart: 'desc' },
    select: { periodStart: true },
  });
  const rows = latest
    ? await deps.db.performanceMetric.findMany({ where: { metricKey: { startsWith: KPI.hirePipelinePrefix, endsWith: suffix }, periodStart: latest.periodStart }, select: { metricKey: true, value: true, computedAt: true } })
    : [];
  const stages: Record<string, number> = {};
  let computedAt: Date | null = null;
  for (const r of rows) {
    stages[r.metricKey.slice(KPI.hirePipelinePrefix.length, -suffix.length)] = num(r.value);
    if (!computedAt || r.computedAt > computedAt) computedAt = r.computedAt;
  }
  return { jobPostId: job.id, title: job.title, stages, total: Object.values(stages).reduce((a, b) => a + b, 0), computedAt: computedAt?.toISOString() ?? null };
}

/** A batch's attendance per day and per student over a range (staff). */
export async function batchAttendanceDashboard(deps: { db: Db }, batchId: string, input: DayRange) {
  const batch = await deps.db.batch.findUnique({ where: { id: batchId }, select: { id: true, code: true, name: true } });
  if (!batch) throw new DomainError('NOT_FOUND', `Batch ${batchId} does not exist`);
  const w = windowOf(input);
  const rows = await deps.db.performanceMetric.findMany({
    where: { batchId, metricKey: attendanceKey(batchId), periodStart: { gte: w.start, lt: w.end } },
    select: { userId: true, periodStart: true, value: true, sampleCount: true },
  });
  // Attended sessions are value% of sampleCount; sums of them give exact batch-wide percentages.
  const attended = (r: { value: Prisma.Decimal; sampleCount: number }) => (num(r.value) * r.sampleCount) / 100;
  const byDay = new Map(w.days.map((day) => [kpiDay(day).start.getTime(), { day, marked: 0, attended: 0 }]));
  const byStudent = new Map<string, { userId: string; marked: number; attended: number }>();
  for (const r of rows) {
    const d = byDay.get(r.periodStart.getTime());
    if (d) {
      d.marked += r.sampleCount;
      d.attended += attended(r);
    }
    const s = byStudent.get(r.userId) ?? { userId: r.userId, marked: 0, attended: 0 };
    s.marked += r.sampleCount;
    s.attended += attended(r);
    byStudent.set(r.userId, s);
  }
  const pct = (x: { marked: number; attended: number }) => (x.marked ? Math.round((1000 * x.attended) / x.marked) / 10 : null);
  const users = await deps.db.user.findMany({ where: { id: { in: [...byStudent.keys()] } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const total = [...byStudent.values()].reduce((t, s) => ({ marked: t.marked + s.marked, attended: t.attended + s.attended }), { marked: 0, attended: 0 });
  return {
    batch,
    from: input.from,
    to: input.to,
    attendancePct: pct(total),
    days: [...byDay.values()].map((d) => ({ day: d.day, marked: d.marked, attended: Math.round(d.attended), attendancePct: pct(d) })),
    students: [...byStudent.values()]
      .map((s) => ({ userId: s.userId, name: names.get(s.userId) ?? null, marked: s.marked, attended: Math.round(s.attended), attendancePct: pct(s) }))
      .sort((a, b) => (a.attendancePct ?? 101) - (b.attendancePct ?? 101) || a.userId.localeCompare(b.userId)),
  };
}
