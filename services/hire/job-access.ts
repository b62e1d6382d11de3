// Who may see and act on a Mr-Hire job and its candidates. Recruiter routes allow ADMIN and
// SUPERADMIN: a SUPERADMIN reaches every job on the request's platform, an ADMIN only the jobs
// they own (job_posts.belongsTo). Everything is scoped by platform (job_posts.postedOn, the
// x-platform header). A job or candidate outside the scope is answered 404, never 403, so ids
// do not leak.
import type { Prisma } from '../../prisma/generated/client.js';
import type { Role } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { AuthContext } from '../deps.js';

/** Roles that may call recruiter routes (each route still scopes by ownership and platform). */
export const RECRUITER_ROLES: readonly Role[] = ['ADMIN', 'SUPERADMIN'];

export interface RecruiterScope {
  actor: AuthContext;
  /** The request's platform (x-platform, else the default). */
  platform: string;
}

/** The job posts a recruiter may see. */
export function jobScopeWhere(scope: RecruiterScope): Prisma.JobPostWhereInput {
  return scope.actor.role === 'SUPERADMIN' ? { postedOn: scope.platform } : { postedOn: scope.platform, belongsTo: scope.actor.userId };
}

export function canSeeJob(scope: RecruiterScope, job: { postedOn: string | null; belongsTo: string | null }): boolean {
  if (job.postedOn !== scope.platform) return false;
  return scope.actor.role === 'SUPERADMIN' || job.belongsTo === scope.actor.userId;
}

/** The job, or 404 when it does not exist or lies outside the recruiter's scope. */
export async function jobForRecruiter<S extends Prisma.JobPostSelect>(db: Db, scope: RecruiterScope, jobPostId: string, select: S): Promise<Prisma.JobPostGetPayload<{ select: S }>> {
  const job = await db.jobPost.findFirst({ where: { id: jobPostId, ...jobScopeWhere(scope) }, select });
  if (!job) throw new DomainError('NOT_FOUND', `Job post ${jobPostId} does not exist`);
  return job as Prisma.JobPostGetPayload<{ select: S }>;
}

export interface ScopedApplication {
  id: string;
  jobPostId: string;
  status: string;
  platform: string | null;
  job: { id: string; title: string; belongsTo: string | null; postedOn: string | null };
}

/**
 * A job application the recruiter may act on: its job (a soft ref, so it may dangle) must be in
 * scope and the application must belong to the same platform. 404 otherwise.
 */
export async function applicationForRecruiter(db: Db, scope: RecruiterScope, jobApplicationId: string): Promise<ScopedApplication> {
  const app = await db.jobApplication.findUnique({ where: { id: jobApplicationId }, select: { id: true, jobPostId: true, status: true, platform: true } });
  const notFound = new DomainError('NOT_FOUND', `Job application ${jobApplicationId} does not exist`);
  if (!app || app.platform !== scope.platform) throw notFound;
  const job = await db.jobPost.findUnique({ where: { id: app.jobPostId }, select: { id: true, title: true, belongsTo: true, postedOn: true } });
  if (!job || !canSeeJob(scope, job)) throw notFound;
  return { ...app, job };
}
