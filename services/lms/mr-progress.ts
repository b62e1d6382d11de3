// A batch's Mr Learn progress and Mr Test results: one row per batch member (an application
// BATCH_ALLOCATED or ENROLLED, see batch-membership.ts) per active map of the batch, whether or
// not the member has been synced yet (then the progress / result fields are null).
//
// Matching a member to the synced learner (mrlearn.learners) or student (mrtest.students):
//   1. a synced row whose stored userId is the member's id (the sync sets it from the email);
//   2. else a synced row with no stored userId whose (lower-cased) email is the member's
//      lower-cased email. A row whose userId names someone else never matches by email.
// Removed rows are ignored. When several configs hold a match, a userId match wins, then one
// with a report / submission for the mapped course / exam, then the most recent activity.
// The course or exam is the synced row with the map's external id under the learner's (or
// student's) own sync config. Mr Test shows the latest attempt (and how many there were).
//
// Each page is one SQL statement (members × maps, LEFT JOIN LATERAL the match), keyset-paged on
// (lower(email), userId, mapId): no N+1 however many members or maps.
import { DomainError } from '../../domain/errors.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { MEMBER_STATUSES } from './batch-membership.js';
import { assertReadsBatch } from './mr-maps.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Db = Deps['db'];

export interface ProgressFilters {
  /** Only this member (staff) — the student views set it to the caller. */
  userId?: string | undefined;
  /** Only this mapped external course / exam id. */
  externalId?: string | undefined;
}

export interface PageArgs {
  cursor?: string | undefined;
  limit: number;
}

interface Key {
  emailKey: string;
  userId: string;
  mapId: string;
}

const matchedBy = (byUser: boolean | null): 'userId' | 'email' | null => (byUser === null ? null : byUser ? 'userId' : 'email');

function encodeKey(k: Key): string {
  return Buffer.from(JSON.stringify([k.emailKey, k.userId, k.mapId])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeKey(cursor: string): Key {
  try {
    const [emailKey, userId, mapId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof emailKey !== 'string' || typeof userId !== 'string' || typeof mapId !== 'string' || !UUID.test(userId) || !UUID.test(mapId)) throw new Error('bad cursor');
    return { emailKey, userId, mapId };
  } catch {
    throw new DomainError('VALIDATION_FAILED', 'The cursor is not valid', [{ path: 'query.cursor', message: 'Invalid cursor' }]);
  }
}

function toPage<R extends Key, V>(rows: R[], limit: number, view: (r: R) => V): { items: V[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(view), nextCursor: rows.length > limit && last ? encodeKey(last) : null };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The members CTE and the keyset condition both views share. */
function membersSql(batchId: string, f: ProgressFilters) {
  return Prisma.sql`
    SELECT DISTINCT u."id" AS "userId", u."name", u."email", lower(u."email") AS "emailKey"
    FROM "public"."applications" a
    JOIN "public"."users" u ON u."id" = a."userId"
    WHERE a."batchId" = ${batchId}::uuid AND a."status"::text = ANY(${MEMBER_STATUSES}::text[])
    ${f.userId ? Prisma.sql`AND u."id" = ${f.userId}::uuid` : Prisma.empty}`;
}

/** The batch's active maps to Mr Learn courses or Mr Test exams (one, with the externalId filter): id, externalId, mapName. */
const MAP_TABLES = {
  learn: { table: Prisma.raw('"public"."batch_mr_learn_courses"'), external: Prisma.raw('"mrLearnCourseId"'), name: Prisma.raw('"mrLearnCourseName"') },
  test: { table: Prisma.raw('"public"."batch_mr_test_exams"'), external: Prisma.raw('"mrTestExamId"'), name: Prisma.raw('"mrTestExamName"') },
};
function mapsSql(kind: keyof typeof MAP_TABLES, batchId: string, f: ProgressFilters) {
  const t = MAP_TABLES[kind];
  return Prisma.sql`
      SELECT "id", ${t.external} AS "externalId", ${t.name} AS "mapName"
      FROM ${t.table}
      WHERE "batchId" = ${batchId}::uuid AND "isActive"
      ${f.externalId ? Prisma.sql`AND ${t.external} = ${f.externalId}` : Prisma.empty}`;
}

function afterSql(cursor: string | undefined) {
  if (!cursor) return Prisma.empty;
  const k = decodeKey(cursor);
  return Prisma.sql`WHERE (m."emailKey", m."userId", mp."id") > (${k.emailKey}, ${k.userId}::uuid, ${k.mapId}::uuid)`;
}

interface LearnRow extends Key {
  name: string;
  email: string;
  externalId: string;
  mapName: string | null;
  learnerId: string | null;
  learnerExternalId: string | null;
  byUser: boolean | null;
  courseTitle: string | null;
  progressPercent: number | null;
  completedLessons: number | null;
  totalLessons: number | null;
  timeSpentMinutes: number | null;
  score: number | null;
  status: string | null;
  lastActivityAt: Date | null;
  completedAt: Date | null;
  lastSyncedAt: Date | null;
}

async function learnPage(db: Db, batchId: string, f: ProgressFilters, page: PageArgs) {
  const rows = await db.$queryRaw<LearnRow[]>`
    WITH m AS (${membersSql(batchId, f)}),
    mp AS (${mapsSql('learn', batchId, f)})
    SELECT m."userId", m."name", m."email", m."emailKey", mp."id" AS "mapId", mp."externalId", mp."mapName",
           x."learnerId", x."learnerExternalId", x."byUser", x."courseTitle",
           x."progressPercent"::float8 AS "progressPercent", x."completedLessons", x."totalLessons", x."timeSpentMinutes",
           x."score"::float8 AS "score", x."status", x."lastActivityAt", x."completedAt", x."lastSyncedAt"
    FROM m CROSS JOIN mp
    LEFT JOIN LATERAL (
      SELECT l."id" AS "learnerId", l."externalId" AS "learnerExternalId", (l."userId" IS NOT NULL) AS "byUser", c."title" AS "courseTitle",
             r."progressPercent", r."completedLessons", r."totalLessons", r."timeSpentMinutes", r."score", r."externalStatus" AS "status",
             r."lastActivityAt", r."completedAt", r."lastSyncedAt"
      FROM "mrlearn"."learners" l
      LEFT JOIN "mrlearn"."courses" c ON c."syncConfigId" = l."syncConfigId" AND c."externalId" = mp."externalId" AND c."removedAt" IS NULL
      LEFT JOIN "mrlearn"."learner_reports" r ON r."learnerId" = l."id" AND r."courseId" = c."id"
      WHERE l."removedAt" IS NULL AND (l."userId" = m."userId" OR (l."userId" IS NULL AND l."email" = m."emailKey"))
      ORDER BY (l."userId" IS NOT NULL) DESC, (r."id" IS NOT NULL) DESC, r."lastActivityAt" DESC NULLS LAST, l."id"
      LIMIT 1
    ) x ON TRUE
    ${afterSql(page.cursor)}
    ORDER BY m."emailKey", m."userId", mp."id"
    LIMIT ${page.limit + 1}`;
  return toPage(rows, page.limit, (r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    mapId: r.mapId,
    mrLearnCourseId: r.externalId,
    courseName: r.courseTitle ?? r.mapName,
    learnerId: r.learnerId,
    learnerExternalId: r.learnerExternalId,
    matchedBy: matchedBy(r.byUser),
    progressPercent: r.progressPercent,
    completedLessons: r.completedLessons,
    totalLessons: r.totalLessons,
    timeSpentMinutes: r.timeSpentMinutes,
    score: r.score,
    status: r.status,
    lastActivityAt: iso(r.lastActivityAt),
    completedAt: iso(r.completedAt),
    lastSyncedAt: iso(r.lastSyncedAt),
  }));
}

interface TestRow extends Key {
  name: string;
  email: string;
  externalId: string;
  mapName: string | null;
  studentId: string | null;
  studentExternalId: string | null;
  byUser: boolean | null;
  examTitle: string | null;
  totalMarks: number | null;
  passingMarks: number | null;
  submissionId: string | null;
  attemptNumber: number | null;
  attempts: number | null;
  status: string | null;
  score: number | null;
  maxScore: number | null;
  percentage: number | null;
  submittedAt: Date | null;
  rank: number | null;
  percentile: number | null;
  reportUrl: string | null;
}

async function testPage(db: Db, batchId: string, f: ProgressFilters, page: PageArgs) {
  const rows = await db.$queryRaw<TestRow[]>`
    WITH m AS (${membersSql(batchId, f)}),
    mp AS (${mapsSql('test', batchId, f)})
    SELECT m."userId", m."name", m."email", m."emailKey", mp."id" AS "mapId", mp."externalId", mp."mapName",
           x."studentId", x."studentExternalId", x."byUser", x."examTitle", x."totalMarks"::float8 AS "totalMarks", x."passingMarks"::float8 AS "passingMarks",
           x."submissionId", x."attemptNumber", x."attempts"::int AS "attempts", x."status",
           x."score"::float8 AS "score", x."maxScore"::float8 AS "maxScore", x."percentage"::float8 AS "percentage", x."submittedAt",
           x."rank", x."percentile"::float8 AS "percentile", x."reportUrl"
    FROM m CROSS JOIN mp
    LEFT JOIN LATERAL (
      SELECT s."id" AS "studentId", s."externalId" AS "studentExternalId", (s."userId" IS NOT NULL) AS "byUser",
             e."title" AS "examTitle", e."totalMarks", e."passingMarks",
             sub."id" AS "submissionId", sub."attemptNumber", count(sub."id") OVER (PARTITION BY s."id") AS "attempts",
             sub."externalStatus" AS "status", sub."score", sub."maxScore", sub."percentage", sub."submittedAt",
             rep."rank", rep."percentile", rep."reportUrl"
      FROM "mrtest"."students" s
      LEFT JOIN "mrtest"."online_exams" e ON e."syncConfigId" = s."syncConfigId" AND e."externalId" = mp."externalId" AND e."removedAt" IS NULL
      LEFT JOIN "mrtest"."submissions" sub ON sub."studentId" = s."id" AND sub."onlineExamId" = e."id"
      LEFT JOIN "mrtest"."submission_reports" rep ON rep."submissionId" = sub."id"
      WHERE s."removedAt" IS NULL AND (s."userId" = m."userId" OR (s."userId" IS NULL AND s."email" = m."emailKey"))
      ORDER BY (s."userId" IS NOT NULL) DESC, (sub."id" IS NOT NULL) DESC, sub."submittedAt" DESC NULLS LAST, sub."attemptNumber" DESC NULLS LAST, s."id"
      LIMIT 1
    ) x ON TRUE
    ${afterSql(page.cursor)}
    ORDER BY m."emailKey", m."userId", mp."id"
    LIMIT ${page.limit + 1}`;
  return toPage(rows, page.limit, (r) => ({
    userId: r.userId,
    name: r.name,
    email: r.email,
    mapId: r.mapId,
    mrTestExamId: r.externalId,
    examName: r.examTitle ?? r.mapName,
    studentId: r.studentId,
    studentExternalId: r.studentExternalId,
    matchedBy: matchedBy(r.byUser),
    submissionId: r.submissionId,
    attemptNumber: r.attemptNumber,
    attempts: r.attempts ?? 0,
    status: r.status,
    score: r.score,
    maxScore: r.maxScore ?? r.totalMarks,
    percentage: r.percentage,
    passed: r.score === null || r.passingMarks === null ? null : r.score >= r.passingMarks,
    submittedAt: iso(r.submittedAt),
    rank: r.rank,
    percentile: r.percentile,
    reportUrl: r.reportUrl,
  }));
}

export type LearnProgressPage = Awaited<ReturnType<typeof learnPage>>;
export type TestResultsPage = Awaited<ReturnType<typeof testPage>>;

/** Staff, or the batch's super-mentor / community manager (others: 404). */
export async function batchMrLearnProgress({ db }: Deps, actor: AuthContext, batchId: string, f: ProgressFilters, page: PageArgs): Promise<LearnProgressPage> {
  await assertReadsBatch(db, actor, batchId);
  return learnPage(db, batchId, f, page);
}

export async function batchMrTestResults({ db }: Deps, actor: AuthContext, batchId: string, f: ProgressFilters, page: PageArgs): Promise<TestResultsPage> {
  await assertReadsBatch(db, actor, batchId);
  return testPage(db, batchId, f, page);
}

/** The caller must be a member of the batch now; for anyone else it does not exist (404). */
async function assertMember(db: Db, userId: string, batchId: string): Promise<void> {
  const n = await db.application.count({ where: { userId, batchId, status: { in: MEMBER_STATUSES } } });
  if (!n) throw new DomainError('NOT_FOUND', 'No such batch');
}

/** The caller's own rows of a batch they belong to. */
export async function myMrLearnProgress({ db }: Deps, actor: AuthContext, batchId: string, f: Omit<ProgressFilters, 'userId'>, page: PageArgs): Promise<LearnProgressPage> {
  await assertMember(db, actor.userId, batchId);
  return learnPage(db, batchId, { ...f, userId: actor.userId }, page);
}

export async function myMrTestResults({ db }: Deps, actor: AuthContext, batchId: string, f: Omit<ProgressFilters, 'userId'>, page: PageArgs): Promise<TestResultsPage> {
  await assertMember(db, actor.userId, batchId);
  return testPage(db, batchId, { ...f, userId: actor.userId }, page);
}
