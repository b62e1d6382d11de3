// The KPI rollup (issue 15): recomputes one IST day of performance_metrics from the raw tables.
// Each metric family is one statement: its source query, an upsert that only touches rows whose
// value changed, and a delete of that day's rows the source no longer yields, so a rerun over
// the same day writes exactly the same rows (and, when nothing changed, writes nothing).
import { Prisma } from '../../prisma/generated/client.js';
import { KPI, kpiDay, type KpiDayWindow } from '../../domain/kpi/metrics.js';
import type { Db } from '../../infra/prisma.js';
import { notifySlaBreaches } from '../engagement/queries.js';
import { computeRiskScores } from '../engagement/risk.js';

export interface KpiFamilyResult {
  family: string;
  rows: number;
  inserted: number;
  updated: number;
  deleted: number;
}

export interface KpiRollupResult {
  day: string;
  families: KpiFamilyResult[];
}

interface Family {
  name: string;
  /** Rows (userId, metricKey, value, unit, sampleCount, batchId) for the window. */
  source(w: KpiDayWindow): Prisma.Sql;
  /** Which existing rows this family owns (for the delete of vanished ones). */
  owns: Prisma.Sql;
  /** Snapshot families describe "now", so they are only computed for the current day. */
  snapshot?: boolean;
}

const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const keyIn = (...keys: string[]) => Prisma.sql`pm."metricKey" IN (${Prisma.join(keys)})`;

const FAMILIES: Family[] = [
  {
    name: 'mentor-sessions',
    source: (w) => Prisma.sql`
      SELECT s."mentorId" AS "userId", ${KPI.mentorSessionsCompleted}::text AS "metricKey", count(*)::numeric AS value, 'count'::text AS unit, count(*)::int AS "sampleCount", NULL::uuid AS "batchId"
      FROM "public"."slots" s WHERE s."status" = 'COMPLETED' AND s."endDateTime" >= ${w.start} AND s."endDateTime" < ${w.end}
      GROUP BY s."mentorId"`,
    owns: keyIn(KPI.mentorSessionsCompleted),
  },
  {
    name: 'mentor-earnings',
    source: (w) => Prisma.sql`
      SELECT t."userId", ${KPI.mentorEarningsPaise}::text, sum(t."amountPaise")::numeric, 'paise'::text, count(*)::int, NULL::uuid
      FROM "public"."mentor_transactions" t WHERE t."type" = 'CREDIT' AND t."createdAt" >= ${w.start} AND t."createdAt" < ${w.end}
      GROUP BY t."userId"`,
    owns: keyIn(KPI.mentorEarningsPaise),
  },
  {
    name: 'crm-calls',
    source: (w) => Prisma.sql`
      SELECT c."user_id", k.key, CASE WHEN k.key = ${KPI.crmCallsMade} THEN count(*) ELSE count(*) FILTER (WHERE c."status" = 'completed') END::numeric, 'count'::text, count(*)::int, NULL::uuid
      FROM "mas_crm"."lead_call_logs" c CROSS JOIN (VALUES (${KPI.crmCallsMade}::text), (${KPI.crmCallsConnected}::text)) AS k(key)
      WHERE c."user_id" IS NOT NULL AND c."direction" = 'outbound' AND c."created_at" >= ${w.start} AND c."created_at" < ${w.end}
      GROUP BY c."user_id", k.key`,
    owns: keyIn(KPI.crmCallsMade, KPI.crmCallsConnected),
  },
  {
    name: 'crm-leads',
    source: (w) => Prisma.sql`
      SELECT l."assigned_to", ${KPI.crmLeadsAssigned}::text, count(*)::numeric, 'count'::text, count(*)::int, NULL::uuid
      FROM "mas_crm"."raw_leads" l WHERE l."assigned_to" IS NOT NULL AND l."assigned_at" >= ${w.start} AND l."assigned_at" < ${w.end}
      GROUP BY l."assigned_to"
      UNION ALL
      SELECT l."assigned_to", ${KPI.crmLeadsConverted}::text, count(*)::numeric, 'count'::text, count(*)::int, NULL::uuid
      FROM "mas_crm"."raw_leads" l WHERE l."assigned_to" IS NOT NULL AND l."status" = 'converted' AND l."converted_at" >= ${w.start} AND l."converted_at" < ${w.end}
      GROUP BY l."assigned_to"`,
    owns: keyIn(KPI.crmLeadsAssigned, KPI.crmLeadsConverted),
  },
  {
    name: 'hire-pipeline',
    snapshot: true,
    source: () => Prisma.sql`
      SELECT j."belongsTo", ${KPI.hirePipelinePrefix} || st.stage || '@' || j."id"::text, count(*)::numeric, 'count'::text, count(*)::int, NULL::uuid
      FROM "public"."job_applications" a JOIN "public"."job_posts" j ON j."id" = a."jobPostId"
      JOIN "public"."users" u ON u."id" = j."belongsTo"
      CROSS JOIN LATERAL (SELECT CASE WHEN a."rejectedAt" IS NOT NULL THEN 'rejected' ELSE a."status"::text END AS stage) st
      GROUP BY j."belongsTo", j."id", st.stage`,
    owns: Prisma.sql`pm."metricKey" LIKE ${likePrefix(KPI.hirePipelinePrefix)}`,
  },
  {
    name: 'lms-attendance',
    source: (w) => Prisma.sql`
      SELECT a."userId", ${KPI.lmsAttendancePrefix} || a."batchId"::text,
        round(100.0 * count(*) FILTER (WHERE a."status" IN ('PRESENT', 'LATE')) / count(*), 2), 'percent'::text, count(*)::int, a."batchId"
      FROM "public"."attendance" a WHERE a."batchId" IS NOT NULL AND a."sessionDate" = ${w.day}::date
      GROUP BY a."userId", a."batchId"`,
    owns: Prisma.sql`pm."metricKey" LIKE ${likePrefix(KPI.lmsAttendancePrefix)}`,
  },
];

export const KPI_FAMILIES = FAMILIES.map((f) => f.name);

async function rollupFamily(db: Db, f: Family, w: KpiDayWindow, now: Date): Promise<KpiFamilyResult> {
  const [r] = await db.$queryRaw<{ rows: bigint; inserted: bigint; updated: bigint; deleted: bigint }[]>`
    WITH src ("userId", "metricKey", value, unit, "sampleCount", "batchId") AS (${f.source(w)}),
    up AS (
      INSERT INTO "public"."performance_metrics" AS pm ("userId", "metricKey", "period", "periodStart", "periodEnd", "value", "unit", "sampleCount", "batchId", "computedAt", "updatedAt")
      SELECT src."userId", src."metricKey", 'DAILY'::"public"."PerformanceMetricPeriod", ${w.start}, ${w.end}, src.value, src.unit, src."sampleCount", src."batchId", ${now}, ${now} FROM src
      ON CONFLICT ("userId", "metricKey", "periodStart", "periodEnd") DO UPDATE
        SET "value" = EXCLUDED."value", "unit" = EXCLUDED."unit", "sampleCount" = EXCLUDED."sampleCount", "batchId" = EXCLUDED."batchId", "computedAt" = EXCLUDED."computedAt", "updatedAt" = EXCLUDED."updatedAt"
        WHERE (pm."value", pm."unit", pm."sampleCount", pm."batchId") IS DISTINCT FROM (EXCLUDED."value", EXCLUDED."unit", EXCLUDED."sampleCount", EXCLUDED."batchId")
      RETURNING (xmax = 0) AS inserted
    ),
    del AS (
      DELETE FROM "public"."performance_metrics" pm
      WHERE ${f.owns} AND pm."periodStart" = ${w.start} AND pm."periodEnd" = ${w.end}
        AND NOT EXISTS (SELECT 1 FROM src WHERE src."userId" = pm."userId" AND src."metricKey" = pm."metricKey")
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM src) AS rows, (SELECT count(*) FILTER (WHERE inserted) FROM up) AS inserted,
      (SELECT count(*) FILTER (WHERE NOT inserted) FROM up) AS updated, (SELECT count(*) FROM del) AS deleted`;
  return { family: f.name, rows: Number(r!.rows), inserted: Number(r!.inserted), updated: Number(r!.updated), deleted: Number(r!.deleted) };
}

/**
 * Rolls up one IST day. Snapshot families (the hire pipeline) are computed only when `day` is
 * the current day (`isCurrentDay`), as they describe the present, not the day's history.
 */
export async function rollupKpiDay(deps: { db: Db }, input: { day: string; isCurrentDay: boolean; now: Date }): Promise<KpiRollupResult> {
  const w = kpiDay(input.day);
  const families: KpiFamilyResult[] = [];
  for (const f of FAMILIES) {
    if (f.snapshot && !input.isCurrentDay) continue;
    families.push(await rollupFamily(deps.db, f, w, input.now));
  }
  // The 15-minute run also notifies student queries past their SLA (each once; see services/engagement/queries.ts).
  if (input.isCurrentDay) await notifySlaBreaches(deps.db, input.now);
  // …and rescores students' dropout risk (a row only when a score changed; services/engagement/risk.ts).
  if (input.isCurrentDay) await computeRiskScores(deps.db, input.now);
  return { day: input.day, families };
}
