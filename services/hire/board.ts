// The recruiter's board for one job: per CandidateStatus stage, how many candidates wait there,
// for how long (oldest and median time in stage, from statusChangedAt), how many breached that
// stage's SLA, are held, or need attention; rejected candidates are counted apart, never in
// their stage. One grouped query over the job's applications (index jobPostId, status, ...).
import { Prisma } from '../../prisma/generated/client.js';
import { candidateLifecycle, type CandidateStatus } from '../../domain/candidate/status.js';
import type { ServiceDeps } from '../deps.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';

export interface BoardStage {
  stage: CandidateStatus;
  count: number;
  /** statusChangedAt of the candidate longest in the stage; null when the stage is empty. */
  oldestSince: Date | null;
  oldestSeconds: number | null;
  medianSeconds: number | null;
  slaBreached: number;
  held: number;
  attention: number;
}

export interface Board {
  job: { id: string; title: string; status: string };
  asOf: Date;
  stages: BoardStage[];
  /** Candidates still in the pipeline (not rejected). */
  active: number;
  rejected: { total: number; byStage: Partial<Record<CandidateStatus, number>> };
  total: number;
}

interface GroupRow {
  stage: CandidateStatus;
  rejected: boolean;
  count: number;
  oldest: Date | null;
  /** Median statusChangedAt as epoch seconds (stored UTC): median time in stage is now minus it. */
  median_epoch: number | null;
  sla_breached: number;
  held: number;
  attention: number;
}

/** Applications of a job on the scope's platform, as a SQL condition on alias `a`. */
export function jobApplicationsSql(jobPostId: string, platform: string): Prisma.Sql {
  return Prisma.sql`a."jobPostId" = ${jobPostId}::uuid AND a."platform" = ${platform}`;
}

export async function jobBoard(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, jobPostId: string, now: Date = new Date()): Promise<Board> {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { id: true, title: true, status: true });
  const rows = await deps.db.$queryRaw<GroupRow[]>`
    SELECT a."status"::text AS "stage",
           (a."rejectedAt" IS NOT NULL) AS "rejected",
           count(*)::int AS "count",
           min(a."statusChangedAt") AS "oldest",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a."statusChangedAt"))::float8 AS "median_epoch",
           (count(*) FILTER (WHERE a."slaBreachedStage" = a."status"))::int AS "sla_breached",
           (count(*) FILTER (WHERE a."heldAt" IS NOT NULL))::int AS "held",
           (count(*) FILTER (WHERE a."attentionReason" IS NOT NULL))::int AS "attention"
      FROM "public"."job_applications" a
     WHERE ${jobApplicationsSql(job.id, scope.platform)}
     GROUP BY a."status", (a."rejectedAt" IS NOT NULL)`;

  const live = new Map<string, GroupRow>();
  const rejected: Board['rejected'] = { total: 0, byStage: {} };
  for (const r of rows) {
    if (r.rejected) {
      rejected.total += r.count;
      rejected.byStage[r.stage] = r.count;
    } else live.set(r.stage, r);
  }
  const stages = candidateLifecycle.states.map((stage): BoardStage => {
    const r = live.get(stage);
    if (!r) return { stage, count: 0, oldestSince: null, oldestSeconds: null, medianSeconds: null, slaBreached: 0, held: 0, attention: 0 };
    return {
      stage,
      count: r.count,
      oldestSince: r.oldest,
      oldestSeconds: r.oldest ? secondsSince(r.oldest, now) : null,
      medianSeconds: r.median_epoch === null ? null : Math.max(0, Math.round(now.getTime() / 1000 - r.median_epoch)),
      slaBreached: r.sla_breached,
      held: r.held,
      attention: r.attention,
    };
  });
  const active = stages.reduce((n, s) => n + s.count, 0);
  return { job, asOf: now, stages, active, rejected, total: active + rejected.total };
}

export function secondsSince(at: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - at.getTime()) / 1000));
}
