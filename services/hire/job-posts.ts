// Mr-Hire job posts for recruiters: create (owned by the actor, on the request's platform), list,
// read, edit, delete a draft, and the lifecycle draft → active ⇄ paused → closed. Every read and
// write goes through the recruiter scope (job-access.ts): a job outside it is a 404.
// Transitions are conditional updates on the status that was read, so of two concurrent
// transitions only one wins; the other gets 409 and nothing changes.
import { bandErrors, JOB_ACTIONS, type JobAction } from '../../domain/hire/job-post.js';
import { jobPostLifecycle, type JobPostStatus } from '../../domain/job-post/status.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { JobPost, Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { jobForRecruiter, jobScopeWhere, type RecruiterScope } from './job-access.js';
import { toJobView, toPublicJob, type JobView, type PublicJobView } from './job-view.js';
import { lookupBenchmark } from './salary-benchmarks.js';
import { screeningDefaultsFor } from './ai-screening-configs.js';
import { startTalentPoolMatching } from './talent-matching.js';

export interface JobInput {
  title: string;
  description?: string | null | undefined;
  company?: string | null | undefined;
  location?: string | null | undefined;
  employmentType?: string | null | undefined;
  workMode?: string | null | undefined;
  roles: Prisma.InputJsonValue;
  skills?: string[] | undefined;
  experienceMinYears?: number | null | undefined;
  experienceMaxYears?: number | null | undefined;
  salaryMin?: number | null | undefined;
  salaryMax?: number | null | undefined;
  salaryCurrency?: string | undefined;
  openings?: number | undefined;
  applicationDeadline?: string | null | undefined;
}
export type JobChanges = Partial<JobInput>;

export interface PageWindow {
  where: Prisma.JobPostWhereInput;
  orderBy: Prisma.JobPostOrderByWithRelationInput[];
  take: number;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));

function checkBands(job: { salaryMin?: number | null | undefined; salaryMax?: number | null | undefined; experienceMinYears?: number | null | undefined; experienceMaxYears?: number | null | undefined; applicationDeadline?: Date | null | undefined }, now: Date) {
  const errors = bandErrors(job, now);
  if (errors.length) throw new DomainError('VALIDATION_FAILED', 'The job post is invalid', errors);
}

function writable(input: JobChanges): Prisma.JobPostUncheckedUpdateInput {
  const { applicationDeadline, roles, ...rest } = input;
  const data: Prisma.JobPostUncheckedUpdateInput = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) (data as Record<string, unknown>)[k] = v;
  if (roles !== undefined) data.roles = roles;
  if (applicationDeadline !== undefined) data.applicationDeadline = toDate(applicationDeadline);
  return data;
}

/** A new draft owned by the actor on the request's platform, with a screening config from the actor's default. */
export async function createJob(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, input: JobInput): Promise<JobView> {
  const now = new Date();
  checkBands({ ...input, applicationDeadline: toDate(input.applicationDeadline) ?? null }, now);
  const job = await deps.db.$transaction(async (tx) => {
    const created = await tx.jobPost.create({
      data: { ...(writable(input) as Prisma.JobPostUncheckedCreateInput), title: input.title, roles: input.roles, status: jobPostLifecycle.initial, belongsTo: scope.actor.userId, postedOn: scope.platform },
    });
    await tx.jobScreeningConfig.create({ data: { jobPostId: created.id, ...(await screeningDefaultsFor(tx, scope.actor.userId)) } });
    return created;
  });
  return toJobView(job);
}

export interface JobFilters {
  status?: JobPostStatus | undefined;
  q?: string | undefined;
}

export async function listJobs(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, f: JobFilters, page: PageWindow): Promise<JobPost[]> {
  return deps.db.jobPost.findMany({
    where: { AND: [page.where, jobScopeWhere(scope), f.status ? { status: f.status } : {}, f.q ? { title: { contains: f.q, mode: 'insensitive' } } : {}] },
    orderBy: page.orderBy,
    take: page.take,
  });
}

/** The job with the salary benchmark for its title, location and minimum experience (or null). */
export async function getJob(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, id: string): Promise<JobView> {
  const job = await jobForRecruiter(deps.db, scope, id, ALL);
  const benchmark = await lookupBenchmark(deps.db, { role: job.title, location: job.location, experienceYears: job.experienceMinYears });
  return toJobView(job, benchmark);
}

const ALL = {
  id: true, belongsTo: true, title: true, description: true, company: true, location: true, employmentType: true, workMode: true, roles: true, skills: true,
  experienceMinYears: true, experienceMaxYears: true, salaryMin: true, salaryMax: true, salaryCurrency: true, openings: true, status: true, postedOn: true,
  applicationDeadline: true, publishedAt: true, closedAt: true, createdAt: true, updatedAt: true,
} as const satisfies Prisma.JobPostSelect;

/** Edit a job that is not closed; the bands are checked against the stored row merged with the change. */
export async function updateJob(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, id: string, changes: JobChanges): Promise<JobView> {
  const current = await jobForRecruiter(deps.db, scope, id, ALL);
  if (current.status === 'closed') throw new DomainError('CONFLICT', 'A closed job post cannot be edited');
  const pick = <K extends 'salaryMin' | 'salaryMax'>(k: K) => (changes[k] !== undefined ? changes[k] : current[k]?.toNumber() ?? null);
  checkBands(
    {
      salaryMin: pick('salaryMin'),
      salaryMax: pick('salaryMax'),
      experienceMinYears: changes.experienceMinYears !== undefined ? changes.experienceMinYears : current.experienceMinYears,
      experienceMaxYears: changes.experienceMaxYears !== undefined ? changes.experienceMaxYears : current.experienceMaxYears,
      // An unchanged deadline may have passed meanwhile; only a new one must lie ahead.
      applicationDeadline: toDate(changes.applicationDeadline) ?? null,
    },
    new Date(),
  );
  // Conditional on the status read: a job closed meanwhile is not edited.
  const { count } = await deps.db.jobPost.updateMany({ where: { id, status: current.status, ...jobScopeWhere(scope) }, data: writable(changes) as Prisma.JobPostUpdateManyMutationInput });
  if (count === 0) throw new DomainError('CONFLICT', 'The job post changed meanwhile; read it again');
  return toJobView(await deps.db.jobPost.findUniqueOrThrow({ where: { id } }));
}

/** Only a draft may be deleted (a published job keeps its history); 409 otherwise. */
export async function deleteJob(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, id: string): Promise<void> {
  const { count } = await deps.db.jobPost.deleteMany({ where: { id, status: 'draft', ...jobScopeWhere(scope) } });
  if (count > 0) return;
  const job = await jobForRecruiter(deps.db, scope, id, { status: true });
  throw new DomainError('CONFLICT', `Only a draft job post can be deleted; this one is ${job.status}`);
}

/**
 * Move a job along its lifecycle. Illegal moves are 409 ILLEGAL_TRANSITION before anything is
 * written; a move that loses a race with another is 409 CONFLICT.
 */
export async function transitionJob(deps: Pick<ServiceDeps, 'db' | 'logger' | 'temporal' | 'config'>, scope: RecruiterScope, id: string, action: JobAction): Promise<JobView> {
  const job = await jobForRecruiter(deps.db, scope, id, { status: true, publishedAt: true });
  const rule = JOB_ACTIONS[action];
  jobPostLifecycle.assertTransition(job.status, rule.to);
  if (!(rule.from as readonly string[]).includes(job.status)) throw new DomainError('ILLEGAL_TRANSITION', `Cannot ${action} a job post that is ${job.status}`);
  const now = new Date();
  const data: Prisma.JobPostUpdateManyMutationInput = { status: rule.to };
  if (action === 'publish' && !job.publishedAt) data.publishedAt = now;
  if (rule.to === 'closed') data.closedAt = now;
  const { count } = await deps.db.jobPost.updateMany({ where: { id, status: job.status, ...jobScopeWhere(scope) }, data });
  if (count === 0) throw new DomainError('CONFLICT', 'The job post changed meanwhile; read it again');
  const after = await deps.db.jobPost.findUniqueOrThrow({ where: { id } });
  if (rule.to === 'active') await jobBecameActive(deps, after, { firstTime: action === 'publish' });
  return toJobView(after);
}

/** draft → active: the job goes live on its platform's public job pages. */
export function publishJob(deps: Pick<ServiceDeps, 'db' | 'logger' | 'temporal' | 'config'>, scope: RecruiterScope, id: string): Promise<JobView> {
  return transitionJob(deps, scope, id, 'publish');
}

/**
 * The one place a job becoming active (published, or resumed from paused) is handled, after the
 * status change is committed. Talent-pool matching hooks in here.
 */
export async function jobBecameActive(deps: Pick<ServiceDeps, 'logger' | 'temporal' | 'config'>, job: JobPost, how: { firstTime: boolean }): Promise<void> {
  deps.logger.info({ jobPostId: job.id, platform: job.postedOn, firstTime: how.firstTime }, 'job post became active');
  try {
    // The platform's talent pool is matched against the job (one run per activation).
    await startTalentPoolMatching({ temporal: deps.temporal, taskQueue: deps.config.taskQueue }, { id: job.id, title: job.title, publishedAt: new Date() });
  } catch (err) {
    // The job is live either way; matching is a suggestion list, so a Temporal outage only loses it for this activation.
    deps.logger.error({ jobPostId: job.id, err: (err as Error).message }, 'talent-pool matching did not start');
  }
}

/** Public job pages: active jobs on the platform whose deadline has not passed. */
function publicWhere(platform: string, now: Date): Prisma.JobPostWhereInput {
  return { postedOn: platform, status: 'active', OR: [{ applicationDeadline: null }, { applicationDeadline: { gt: now } }] };
}

export async function listPublicJobs(deps: Pick<ServiceDeps, 'db'>, platform: string, f: { q?: string | undefined }, page: PageWindow): Promise<(PublicJobView & { createdAt: Date })[]> {
  const rows = await deps.db.jobPost.findMany({
    where: { AND: [page.where, publicWhere(platform, new Date()), f.q ? { title: { contains: f.q, mode: 'insensitive' } } : {}] },
    orderBy: page.orderBy,
    take: page.take,
  });
  return rows.map((r) => ({ ...toPublicJob(r), createdAt: r.createdAt }));
}

export async function getPublicJob(deps: Pick<ServiceDeps, 'db'>, platform: string, id: string): Promise<PublicJobView> {
  const job = await deps.db.jobPost.findFirst({ where: { id, ...publicWhere(platform, new Date()) } });
  if (!job) throw new DomainError('NOT_FOUND', `Job ${id} does not exist`);
  return toPublicJob(job);
}

export type { Tx };
