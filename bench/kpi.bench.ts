// The KPI rollup and the dashboards, each next to a baseline measured in the same run:
//   1. the sales dashboard over 30 days read from the rollups, against the same figures
//      aggregated from the raw tables (lead_call_logs, raw_leads) on every request;
//   2. rolling up one day of raw rows, against the bare aggregate query over those rows
//      (the upsert's overhead), and a rerun with nothing changed.
// Every run checks itself: the dashboard's figures equal the raw aggregate's.
import { randomUUID } from 'node:crypto';
import { Prisma } from '../prisma/generated/client.js';
import { kpiDay, kpiDaysBetween } from '../domain/kpi/metrics.js';
import { salesDashboard } from '../services/kpi/dashboards.js';
import { rollupKpiDay } from '../services/kpi/rollup.js';
import { startBenchEnvironment } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';

const SALES = Number(process.env.BENCH_SALES ?? 50);
const CALLS_PER_DAY = Number(process.env.BENCH_CALLS_PER_DAY ?? 4000);
const DAYS = 30;
const N = Number(process.env.BENCH_N ?? 40);
const env = await startBenchEnvironment({ taskQueue: `bench-kpi-${randomUUID()}` });
const { db } = env.deps;
const days = kpiDaysBetween('2026-10-01', '2026-10-30');
const range = { from: days[0]!, to: days[DAYS - 1]! };

async function seed() {
  const ids = Array.from({ length: SALES }, () => randomUUID());
  await db.user.createMany({ data: ids.map((id, i) => ({ id, email: `sales-${i}-${id.slice(0, 6)}@bench.local`, name: `Sales ${i}`, role: 'SALES' as const })) });
  const start = kpiDay(range.from).start;
  // Leads: 20 per salesperson per day, a tenth converted; calls spread over the month.
  await db.$executeRaw`
    INSERT INTO "mas_crm"."raw_leads" ("id", "name", "session_year", "source_type", "platform", "phone", "status", "assigned_to", "assigned_at", "converted_at", "updated_at")
    SELECT gen_random_uuid(), 'Lead ' || g, '2026', 'manual', 'bench', '+91' || (7000000000 + g)::text,
      (CASE WHEN g % 10 = 0 THEN 'converted' ELSE 'contacted' END)::"mas_crm"."RawLeadStatus",
      (${ids}::uuid[])[1 + g % ${SALES}], ${start}::timestamptz + (g % ${DAYS}) * interval '1 day' + interval '3 hours',
      CASE WHEN g % 10 = 0 THEN ${start}::timestamptz + (g % ${DAYS}) * interval '1 day' + interval '9 hours' END, now()
    FROM generate_series(1, ${SALES * 20 * DAYS}) g`;
  await db.$executeRaw`
    INSERT INTO "mas_crm"."lead_call_logs" ("id", "raw_lead_id", "user_id", "source", "status", "created_at", "updated_at")
    SELECT gen_random_uuid(), l.id, l.assigned_to, 'tel_link', (CASE WHEN g % 3 = 0 THEN 'no_answer' ELSE 'completed' END)::"mas_crm"."LeadCallStatus",
      ${start}::timestamptz + (g % ${DAYS}) * interval '1 day' + (g % 600) * interval '1 minute', now()
    FROM generate_series(1, ${CALLS_PER_DAY * DAYS}) g
    JOIN (SELECT id, assigned_to, row_number() OVER (ORDER BY id) - 1 AS rn FROM "mas_crm"."raw_leads" WHERE platform = 'bench') l ON l.rn = g % ${SALES * 20 * DAYS}`;
  await db.$executeRaw`ANALYZE "mas_crm"."raw_leads"`;
  await db.$executeRaw`ANALYZE "mas_crm"."lead_call_logs"`;
}

/** The baseline: the dashboard's figures straight from the raw tables. */
async function rawSales() {
  const w = { start: kpiDay(range.from).start, end: kpiDay(range.to).end };
  return db.$queryRaw<{ userId: string; callsMade: bigint; callsConnected: bigint; leadsAssigned: bigint; leadsConverted: bigint }[]>(Prisma.sql`
    WITH c AS (SELECT user_id, count(*) AS made, count(*) FILTER (WHERE status = 'completed') AS connected FROM "mas_crm"."lead_call_logs"
               WHERE user_id IS NOT NULL AND direction = 'outbound' AND created_at >= ${w.start} AND created_at < ${w.end} GROUP BY user_id),
         l AS (SELECT assigned_to, count(*) FILTER (WHERE assigned_at >= ${w.start} AND assigned_at < ${w.end}) AS assigned,
                      count(*) FILTER (WHERE status = 'converted' AND converted_at >= ${w.start} AND converted_at < ${w.end}) AS converted
               FROM "mas_crm"."raw_leads" WHERE assigned_to IS NOT NULL GROUP BY assigned_to)
    SELECT COALESCE(c.user_id, l.assigned_to) AS "userId", COALESCE(c.made, 0) AS "callsMade", COALESCE(c.connected, 0) AS "callsConnected",
           COALESCE(l.assigned, 0) AS "leadsAssigned", COALESCE(l.converted, 0) AS "leadsConverted"
    FROM c FULL JOIN l ON l.assigned_to = c.user_id`);
}

async function time(fn: () => Promise<unknown>, n: number) {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return summarize(out);
}

try {
  await seed();
  const staff = { userId: randomUUID(), role: 'ADMIN' as const };
  // 2. Rolling up: the first pass over each day, then a rerun with nothing changed.
  const firstDays: number[] = [];
  for (const day of days) {
    const t0 = performance.now();
    await rollupKpiDay({ db }, { day, isCurrentDay: false, now: new Date() });
    firstDays.push(performance.now() - t0);
  }
  const rerun = await time(() => rollupKpiDay({ db }, { day: days[10]!, isCurrentDay: false, now: new Date() }), N);
  const oneDayAggregate = await time(async () => {
    const w = kpiDay(days[10]!);
    await db.$queryRaw`SELECT user_id, count(*), count(*) FILTER (WHERE status = 'completed') FROM "mas_crm"."lead_call_logs" WHERE direction = 'outbound' AND created_at >= ${w.start} AND created_at < ${w.end} GROUP BY user_id`;
    await db.$queryRaw`SELECT assigned_to, count(*) FROM "mas_crm"."raw_leads" WHERE assigned_at >= ${w.start} AND assigned_at < ${w.end} GROUP BY assigned_to`;
    await db.$queryRaw`SELECT assigned_to, count(*) FROM "mas_crm"."raw_leads" WHERE status = 'converted' AND converted_at >= ${w.start} AND converted_at < ${w.end} GROUP BY assigned_to`;
  }, N);

  // 1. The dashboard from the rollups vs the raw aggregate, interleaved.
  for (let i = 0; i < 5; i++) await Promise.all([salesDashboard({ db }, staff, range), rawSales()]);
  const fromRollups: number[] = [];
  const fromRaw: number[] = [];
  for (let i = 0; i < N; i++) {
    let t0 = performance.now();
    await salesDashboard({ db }, staff, range);
    fromRollups.push(performance.now() - t0);
    t0 = performance.now();
    await rawSales();
    fromRaw.push(performance.now() - t0);
  }
  // Check: the same figures both ways.
  const dash = await salesDashboard({ db }, staff, range);
  const raw = new Map((await rawSales()).map((r) => [r.userId, r]));
  const mismatches = dash.items.filter((i) => {
    const r = raw.get(i.userId);
    return !r || Number(r.callsMade) !== i.callsMade || Number(r.callsConnected) !== i.callsConnected || Number(r.leadsAssigned) !== i.leadsAssigned || Number(r.leadsConverted) !== i.leadsConverted;
  });
  if (mismatches.length || dash.items.length !== SALES) {
    console.error('dashboard figures differ from the raw aggregate', mismatches.slice(0, 3));
    process.exitCode = 1;
  }
  const r = summarize(fromRollups);
  const b = summarize(fromRaw);
  const first = summarize(firstDays);
  console.log(`${SALES} salespeople, ${CALLS_PER_DAY * DAYS} call logs and ${SALES * 20 * DAYS} leads over ${DAYS} days`);
  console.log(table([
    ['sales dashboard, 30 days, from the rollups', r],
    ['baseline: the same figures from the raw tables', b],
    ['rollup of one day, first pass', first],
    ['rollup of one day, rerun (nothing changed)', rerun],
    ['baseline: the bare aggregates of one day', oneDayAggregate],
  ]));
  console.log(`dashboard from rollups: ${(b.p50 / r.p50).toFixed(1)}× faster than from the raw tables (p50)`);
  console.log(`rollup of a day: first pass ${(first.p50 / oneDayAggregate.p50).toFixed(2)}×, rerun ${(rerun.p50 / oneDayAggregate.p50).toFixed(2)}× the bare aggregates (p50)`);
} finally {
  await env.close();
}
