// A candidate applies to a job (seed Journey 4, public): the resume is checked, stored in the
// resumes bucket, a job_applications row is created in resume_received, and the candidate's
// pipeline run starts. Invariants: one application per job and email (a unique index, so
// parallel duplicates yield exactly one), and no row without a stored resume and a started run.
// Each step that fails undoes the ones before it, so the candidate can simply retry. No
// transaction is held across the S3 put or the Temporal start.
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import { sha256 } from '../../infra/auth/opaque-tokens.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import type { ServiceDeps } from '../deps.js';
import { startCandidatePipeline } from './candidate-pipeline.starter.js';
import { checkResumeFile, DEFAULT_RESUME_MAX_BYTES, RESUME_TYPES, resumeFileName, type ResumeKind, type ResumeUpload } from './resume-files.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export type ApplyDeps = Pick<ServiceDeps, 'db' | 'temporal' | 'resumes' | 'logger' | 'config'>;

/** APPLY_RATE_LIMIT_* defaults: per client IP and per email, in a one-hour window. */
export const DEFAULT_APPLY_RATE_LIMIT = { perIp: 30, perEmail: 10, windowSeconds: 3600 };
export const APPLICATION_SOURCE = 'career_page';

export interface ApplyInput {
  jobPostId: string;
  /** The request's platform (x-platform): the job must be posted on it. */
  platform: string;
  /** The caller's address, for the per-IP rate limit. */
  ip: string;
  name: string;
  /** Already trimmed and lower-cased. */
  email: string;
  /** E.164, already normalised. */
  phone?: string | undefined;
  whatsappConsent: boolean;
  coverNote?: string | undefined;
  resume: ResumeUpload;
}

export interface AppliedApplication {
  id: string;
  status: 'resume_received';
  jobPostId: string;
}

/** Where a resume is stored: one folder per job, a fresh name per upload (never the candidate's). */
export const resumeObjectKey = (jobPostId: string, kind: ResumeKind) => `resumes/${jobPostId}/${randomUUID()}.${kind}`;

async function openJob(deps: ApplyDeps, jobPostId: string, platform: string) {
  const job = await deps.db.jobPost.findUnique({ where: { id: jobPostId }, select: { id: true, title: true, status: true, postedOn: true, applicationDeadline: true } });
  // A draft was never published: to an applicant it does not exist, like another platform's job.
  if (!job || job.postedOn !== platform || job.status === 'draft') throw new DomainError('NOT_FOUND', `Job ${jobPostId} does not exist`);
  if (job.status !== 'active') throw new DomainError('CONFLICT', `This job is ${job.status} and does not take applications`);
  if (job.applicationDeadline && job.applicationDeadline.getTime() <= Date.now()) throw new DomainError('CONFLICT', 'The application deadline for this job has passed');
  return job;
}

async function enforceApplyRate(deps: ApplyDeps, ip: string, email: string) {
  const limits = deps.config.applyRateLimit ?? DEFAULT_APPLY_RATE_LIMIT;
  const [byIp, byEmail] = await Promise.all([
    consumeRateLimit(deps.db, `apply:ip:${ip}`, limits.perIp, limits.windowSeconds),
    consumeRateLimit(deps.db, `apply:email:${sha256(email)}`, limits.perEmail, limits.windowSeconds),
  ]);
  const blocked = [byIp, byEmail].filter((d) => !d.allowed);
  if (blocked.length) {
    const retry = Math.max(...blocked.map((d) => d.retryAfterSeconds));
    throw new DomainError('RATE_LIMITED', 'Too many applications; try again later', undefined, { 'Retry-After': String(retry) });
  }
}

const duplicate = () => new DomainError('CONFLICT', 'You have already applied to this job with this email');

/** Best effort: a leftover object or row is logged, never allowed to mask the original failure. */
async function undo(deps: ApplyDeps, what: string, step: () => Promise<unknown>) {
  try {
    await step();
  } catch (err) {
    deps.logger.error({ err, what }, 'apply: could not undo a partial application');
  }
}

export async function applyToJob(deps: ApplyDeps, input: ApplyInput): Promise<AppliedApplication> {
  const kind = checkResumeFile(input.resume, deps.config.resumeMaxBytes ?? DEFAULT_RESUME_MAX_BYTES);
  const job = await openJob(deps, input.jobPostId, input.platform);
  const existing = await deps.db.jobApplication.findUnique({ where: { jobPostId_email: { jobPostId: job.id, email: input.email } }, select: { id: true } });
  if (existing) throw duplicate();
  await enforceApplyRate(deps, input.ip, input.email);

  const key = resumeObjectKey(job.id, kind);
  try {
    await deps.resumes.putObject(key, input.resume.bytes, { contentType: RESUME_TYPES[kind] });
  } catch (err) {
    deps.logger.error({ err, jobPostId: job.id }, 'apply: the resume could not be stored');
    throw new DomainError('DEPENDENCY_UNAVAILABLE', 'The resume could not be stored right now; please try again', undefined, { 'Retry-After': '5' });
  }

  let row: { id: string };
  try {
    row = await deps.db.jobApplication.create({
      data: {
        jobPostId: job.id,
        name: input.name,
        email: input.email,
        phone: input.phone ?? null,
        whatsappConsent: input.whatsappConsent,
        // The cover note is the candidate's note to the recruiter; job_applications has no other place for it.
        notes: input.coverNote ?? null,
        resumeS3Bucket: deps.resumes.bucket,
        resumeS3Key: key,
        resumeFileName: resumeFileName(input.resume.fileName, kind),
        source: APPLICATION_SOURCE,
        status: 'resume_received',
        platform: job.postedOn,
      },
      select: { id: true },
    });
  } catch (err) {
    await undo(deps, `resume object ${key}`, () => deps.resumes.delete(key));
    if (isUniqueViolation(err)) throw duplicate();
    throw err;
  }

  try {
    await startCandidatePipeline({ temporal: deps.temporal, taskQueue: deps.config.taskQueue }, { jobApplicationId: row.id, jobPostId: job.id, jobTitle: job.title });
  } catch (err) {
    deps.logger.error({ err, jobApplicationId: row.id }, 'apply: the candidate pipeline could not start; the application is withdrawn');
    await undo(deps, `job application ${row.id}`, () => deps.db.jobApplication.deleteMany({ where: { id: row.id } }));
    await undo(deps, `resume object ${key}`, () => deps.resumes.delete(key));
    throw new DomainError('DEPENDENCY_UNAVAILABLE', 'The application could not be processed right now; please try again', undefined, { 'Retry-After': '5' });
  }
  return { id: row.id, status: 'resume_received', jobPostId: job.id };
}
