// Risk scores, computed by the KPI rollup for every ENROLLED (student, batch): the signals from
// attendance (the batch's meetings), quiz results, hand-in lateness and the last activity, scored
// by domain/engagement/risk.ts with the configured weights. A row is inserted only when the score
// or level differs from the pair's newest one, so the 15-minute reruns write nothing when nothing
// changed, and the newest row stays the current score. Staff and the batch's community managers
// read a batch's at-risk students.
import { RISK_LEVELS, RISK_MODEL_VERSION, scoreRisk, type RiskLevel } from '../../domain/engagement/risk.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { readConfig } from '../system-config/read-config.js';
import { assertBatchVisible } from './access.js';

interface SignalRow {
  userId: string;
  batchId: string;
  marked: number;
  attended: number;
  attempted: number;
  passed: number;
  dueHandIns: number;
  lateHandIns: number;
  lastActiveAt: Date | null;
  enrolledAt: Date;
  /** The pair's newest score and level, if any. */
  latestScore: number | null;
  latestLevel: RiskLevel | null;
}

/** Rows per INSERT of the changed scores. */
const WRITE_CHUNK = 1000;

export async function computeRiskScores(db: Db, now: Date): Promise<{ students: number; written: number }> {
  const weights = await readConfig(db, 'engagement.riskWeights');
  const rows = await db.$queryRaw<SignalRow[]>`
    WITH m AS (SELECT DISTINCT ON (a."userId", a."batchId") a."userId", a."batchId", COALESCE(a."enrolledAt", a."createdAt") AS "enrolledAt"
                 FROM "public"."applications" a WHERE a."status" = 'ENROLLED' AND a."batchId" IS NOT NULL
                ORDER BY a."userId", a."batchId", a."createdAt" DESC)
    SELECT m."userId"::text AS "userId", m."batchId"::text AS "batchId", m."enrolledAt", l."score" AS "latestScore", l."riskLevel"::text AS "latestLevel",
      (SELECT count(*)::int FROM "public"."attendance" t WHERE t."userId" = m."userId" AND t."batchId" = m."batchId") AS "marked",
      (SELECT count(*)::int FROM "public"."attendance" t WHERE t."userId" = m."userId" AND t."batchId" = m."batchId" AND t."status" IN ('PRESENT', 'LATE')) AS "attended",
      (SELECT count(DISTINCT q."quizId")::int FROM "public"."quiz_submissions" q WHERE q."userId" = m."userId" AND q."submittedAt" IS NOT NULL) AS "attempted",
      (SELECT count(DISTINCT q."quizId")::int FROM "public"."quiz_submissions" q WHERE q."userId" = m."userId" AND q."passed") AS "passed",
      (SELECT count(*)::int FROM "public"."assignment_submissions" s JOIN "public"."assignments" x ON x."id" = s."assignmentId" WHERE s."userId" = m."userId" AND x."dueAt" IS NOT NULL) AS "dueHandIns",
      (SELECT count(*)::int FROM "public"."assignment_submissions" s JOIN "public"."assignments" x ON x."id" = s."assignmentId" WHERE s."userId" = m."userId" AND x."dueAt" IS NOT NULL AND s."submittedAt" > x."dueAt") AS "lateHandIns",
      GREATEST(
        (SELECT max(t."sessionDate")::timestamp FROM "public"."attendance" t WHERE t."userId" = m."userId" AND t."status" IN ('PRESENT', 'LATE')),
        (SELECT max(q."submittedAt") FROM "public"."quiz_submissions" q WHERE q."userId" = m."userId"),
        (SELECT max(s."submittedAt") FROM "public"."assignment_submissions" s WHERE s."userId" = m."userId"),
        (SELECT max(x."occurredAt") FROM "public"."xp_events" x WHERE x."userId" = m."userId")) AS "lastActiveAt"
    FROM m
    LEFT JOIN LATERAL (
      SELECT r."score", r."riskLevel" FROM "public"."student_risk_scores" r
       WHERE r."userId" = m."userId" AND r."batchId" = m."batchId"
       ORDER BY r."computedAt" DESC, r."id" DESC LIMIT 1) l ON TRUE`;
  // One read above, then the changed pairs in a few multi-row inserts (not a query per student).
  const changed: Prisma.StudentRiskScoreCreateManyInput[] = [];
  for (const r of rows) {
    const since = r.lastActiveAt ?? r.enrolledAt;
    const signals = {
      attendancePct: r.marked ? Math.round((r.attended / r.marked) * 10_000) / 100 : null,
      quizPassPct: r.attempted ? Math.round((r.passed / r.attempted) * 10_000) / 100 : null,
      latePct: r.dueHandIns ? Math.round((r.lateHandIns / r.dueHandIns) * 10_000) / 100 : null,
      daysInactive: Math.max(0, Math.floor((now.getTime() - since.getTime()) / 86_400_000)),
    };
    const { score, level, factors } = scoreRisk(signals, weights);
    if (r.latestScore === score && r.latestLevel === level) continue;
    changed.push({ userId: r.userId, batchId: r.batchId, score, riskLevel: level, factors: { signals, factors, weights } as unknown as Prisma.InputJsonObject, modelVersion: RISK_MODEL_VERSION, computedAt: now });
  }
  for (let at = 0; at < changed.length; at += WRITE_CHUNK) await db.studentRiskScore.createMany({ data: changed.slice(at, at + WRITE_CHUNK) });
  const written = changed.length;
  return { students: rows.length, written };
}

/** The batch's students whose current score is at least `minLevel`, highest first, with each score's breakdown. */
export async function atRiskStudents({ db }: Pick<ServiceDeps, 'db'>, actor: AuthContext, batchId: string, q: { minLevel: RiskLevel; limit: number }) {
  await assertBatchVisible(db, actor, batchId, { members: false });
  const levels = RISK_LEVELS.slice(RISK_LEVELS.indexOf(q.minLevel));
  const rows = await db.$queryRaw<{ id: string; userId: string; name: string; score: number; riskLevel: RiskLevel; factors: unknown; computedAt: Date }[]>`
    SELECT * FROM (
      SELECT DISTINCT ON (r."userId") r."id"::text AS "id", r."userId"::text AS "userId", u."name", r."score", r."riskLevel"::text AS "riskLevel", r."factors", r."computedAt"
        FROM "public"."student_risk_scores" r JOIN "public"."users" u ON u."id" = r."userId"
       WHERE r."batchId" = ${batchId}::uuid
       ORDER BY r."userId", r."computedAt" DESC, r."id" DESC) cur
    WHERE cur."riskLevel" = ANY(${levels}::text[])
    ORDER BY cur."score" DESC, cur."userId" LIMIT ${q.limit}`;
  return { batchId, minLevel: q.minLevel, items: rows.map((r) => ({ ...r, factors: r.factors as Record<string, unknown>, computedAt: r.computedAt.toISOString() })) };
}
