// A job's candidates for the recruiter: filter by stage and state, search by name or email
// (case-insensitive substring) or skill (a case-insensitive exact element of the latest resume
// analysis), in keyset pages ordered by priority (high first), then longest in stage, then id.
import { Prisma } from '../../prisma/generated/client.js';
import type { CandidateStatus } from '../../domain/candidate/status.js';
import type { ServiceDeps } from '../deps.js';
import { jobApplicationsSql, secondsSince } from './board.js';
import { decodeKeyCursor, encodeKeyCursor } from './cursor.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';

export const CANDIDATE_STATES = ['active', 'rejected', 'held', 'attention'] as const;
export type CandidateState = (typeof CANDIDATE_STATES)[number];

export interface CandidateSearch {
  stage?: CandidateStatus | undefined;
  /** Name or email substring, or an exact skill; at most 100 characters. */
  q?: string | undefined;
  state?: CandidateState | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface CandidateListItem {
  id: string;
  name: string | null;
  email: string | null;
  status: CandidateStatus;
  statusChangedAt: Date;
  timeInStageSeconds: number;
  overallScore: number | null;
  priority: number;
  held: boolean;
  heldAt: Date | null;
  rejected: boolean;
  rejectionCode: string | null;
  attentionReason: string | null;
  slaBreached: boolean;
}

interface Row {
  id: string;
  name: string | null;
  email: string | null;
  status: CandidateStatus;
  statusChangedAt: Date;
  priority: number;
  overallScore: number | null;
  heldAt: Date | null;
  rejectedAt: Date | null;
  rejectionCode: string | null;
  attentionReason: string | null;
  slaBreached: boolean;
}

const CURSOR = ['int', 'date', 'uuid'] as const;

const STATE_SQL: Record<CandidateState, Prisma.Sql> = {
  active: Prisma.sql`a."rejectedAt" IS NULL AND a."heldAt" IS NULL`,
  rejected: Prisma.sql`a."rejectedAt" IS NOT NULL`,
  held: Prisma.sql`a."rejectedAt" IS NULL AND a."heldAt" IS NOT NULL`,
  attention: Prisma.sql`a."rejectedAt" IS NULL AND a."attentionReason" IS NOT NULL`,
};

/** `q` as a LIKE pattern that matches it literally. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export async function searchCandidates(
  deps: Pick<ServiceDeps, 'db'>,
  scope: RecruiterScope,
  jobPostId: string,
  search: CandidateSearch,
  now: Date = new Date(),
): Promise<{ items: CandidateListItem[]; nextCursor: string | null }> {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true });
  const conditions: Prisma.Sql[] = [jobApplicationsSql(job.id, scope.platform)];
  if (search.stage) conditions.push(Prisma.sql`a."status" = ${search.stage}::"public"."CandidateStatus"`);
  if (search.state) conditions.push(STATE_SQL[search.state]);
  const q = search.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    // The latest analysis of each of the job's candidates, computed once (a hashed subplan), not per row.
    conditions.push(Prisma.sql`(a."name" ILIKE ${pattern} OR a."email" ILIKE ${pattern} OR a."id" IN (
      SELECT latest."jobApplicationId" FROM (
        SELECT DISTINCT ON (r."jobApplicationId") r."jobApplicationId", r."skills"
          FROM "public"."resume_analyses" r JOIN "public"."job_applications" j ON j."id" = r."jobApplicationId"
         WHERE j."jobPostId" = ${job.id}::uuid
         ORDER BY r."jobApplicationId", r."createdAt" DESC, r."id" DESC) latest
       WHERE EXISTS (SELECT 1 FROM unnest(latest."skills") s WHERE lower(s) = lower(${q}))))`);
  }
  if (search.cursor) {
    const [priority, at, id] = decodeKeyCursor(search.cursor, CURSOR);
    conditions.push(Prisma.sql`(a."priority" < ${priority} OR (a."priority" = ${priority} AND (a."statusChangedAt" > ${at} OR (a."statusChangedAt" = ${at} AND a."id" > ${id}::uuid))))`);
  }
  const rows = await deps.db.$queryRaw<Row[]>`
    SELECT a."id", a."name", a."email", a."status"::text AS "status", a."statusChangedAt", a."priority",
           a."overallScore"::float8 AS "overallScore", a."heldAt", a."rejectedAt", a."rejectionCode", a."attentionReason",
           COALESCE(a."slaBreachedStage" = a."status", false) AS "slaBreached"
      FROM "public"."job_applications" a
     WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY a."priority" DESC, a."statusChangedAt" ASC, a."id" ASC
     LIMIT ${search.limit + 1}`;
  const page = rows.slice(0, search.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      status: r.status,
      statusChangedAt: r.statusChangedAt,
      timeInStageSeconds: secondsSince(r.statusChangedAt, now),
      overallScore: r.overallScore,
      priority: r.priority,
      held: r.heldAt !== null,
      heldAt: r.heldAt,
      rejected: r.rejectedAt !== null,
      rejectionCode: r.rejectionCode,
      attentionReason: r.attentionReason,
      slaBreached: r.slaBreached,
    })),
    nextCursor: rows.length > search.limit && last ? encodeKeyCursor([last.priority, last.statusChangedAt, last.id]) : null,
  };
}
