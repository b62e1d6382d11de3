// A job's screening setup (job_screening_configs): one active config per job. PUT replaces it in
// one transaction under a lock on the job, so two concurrent PUTs cannot leave two active.
import { DomainError, type FieldError } from '../../domain/errors.js';
import { parseStageSlaHours, type StageSlaHours } from '../../domain/hire/screening-config.js';
import type { Db } from '../../infra/prisma.js';
import { Prisma, type JobScreeningConfig } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { jobForRecruiter, type RecruiterScope } from './job-access.js';
import { usableQuizWhere } from './quiz-templates.js';

export interface ScreeningConfigInput {
  outreachEnabled: boolean;
  quizEnabled: boolean;
  quizTemplateId?: string | null | undefined;
  voiceInterviewEnabled: boolean;
  voiceInterviewQuestions?: string[] | null | undefined;
  autoAdvance?: boolean | undefined;
  passThreshold: number;
  criteria?: Record<string, number> | null | undefined;
  mustHaveSkills?: string[] | undefined;
  niceToHaveSkills?: string[] | undefined;
  minExperienceYears?: number | null | undefined;
  stageSlaHours?: StageSlaHours | null | undefined;
  quizExpiryHours?: number | undefined;
  voiceMaxAttempts?: number | undefined;
  voiceRetryMinutes?: number | undefined;
}

export function toScreeningConfigView(c: JobScreeningConfig) {
  return {
    id: c.id,
    jobPostId: c.jobPostId,
    outreachEnabled: c.outreachEnabled,
    quizEnabled: c.quizEnabled,
    quizTemplateId: c.quizTemplateId,
    voiceInterviewEnabled: c.voiceInterviewEnabled,
    voiceInterviewQuestions: (c.voiceInterviewQuestions as string[] | null) ?? [],
    autoAdvance: c.autoAdvance,
    passThreshold: c.passThreshold.toNumber(),
    criteria: (c.criteria as Record<string, number> | null) ?? null,
    mustHaveSkills: c.mustHaveSkills,
    niceToHaveSkills: c.niceToHaveSkills,
    minExperienceYears: c.minExperienceYears,
    stageSlaHours: parseStageSlaHours(c.stageSlaHours),
    quizExpiryHours: c.quizExpiryHours,
    voiceMaxAttempts: c.voiceMaxAttempts,
    voiceRetryMinutes: c.voiceRetryMinutes,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export type ScreeningConfigView = ReturnType<typeof toScreeningConfigView>;

/** For the pipeline (no recruiter scope): the job's active screening config, parsed, or null. */
export async function activeScreeningConfig(db: Db, jobPostId: string): Promise<ScreeningConfigView | null> {
  const config = await db.jobScreeningConfig.findFirst({ where: { jobPostId, isActive: true }, orderBy: { createdAt: 'desc' } });
  return config ? toScreeningConfigView(config) : null;
}

/** The job's active screening config; 404 when the job is out of scope or has none. */
export async function getScreeningConfig(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, jobPostId: string) {
  await jobForRecruiter(deps.db, scope, jobPostId, { id: true });
  const config = await activeScreeningConfig(deps.db, jobPostId);
  if (!config) throw new DomainError('NOT_FOUND', `Job post ${jobPostId} has no screening config yet`);
  return config;
}

export async function putScreeningConfig(deps: Pick<ServiceDeps, 'db'>, scope: RecruiterScope, jobPostId: string, input: ScreeningConfigInput) {
  const job = await jobForRecruiter(deps.db, scope, jobPostId, { status: true });
  if (job.status === 'closed') throw new DomainError('CONFLICT', 'A closed job post cannot be reconfigured');
  const errors: FieldError[] = [];
  if (input.quizEnabled && !input.quizTemplateId) errors.push({ path: 'json.quizTemplateId', message: 'Required when quizEnabled' });
  if (input.voiceInterviewEnabled && !input.voiceInterviewQuestions?.length) errors.push({ path: 'json.voiceInterviewQuestions', message: 'At least one question when voiceInterviewEnabled' });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', 'The screening config is incomplete', errors);
  if (input.quizTemplateId) {
    const quiz = await deps.db.quizTemplate.findFirst({ where: { AND: [{ id: input.quizTemplateId, isActive: true }, usableQuizWhere(scope.actor)] }, select: { id: true } });
    if (!quiz) throw new DomainError('UNPROCESSABLE', 'The quiz template does not exist or is not active', [{ path: 'json.quizTemplateId', message: 'No active quiz template with this id' }]);
  }
  const { criteria, stageSlaHours, voiceInterviewQuestions, ...rest } = input;
  const data: Prisma.JobScreeningConfigUncheckedCreateInput = {
    ...rest,
    jobPostId,
    quizTemplateId: input.quizTemplateId ?? null,
    criteria: criteria ?? Prisma.DbNull,
    stageSlaHours: stageSlaHours ?? Prisma.DbNull,
    voiceInterviewQuestions: voiceInterviewQuestions ?? Prisma.DbNull,
    isActive: true,
  };
  const created = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "public"."job_posts" WHERE "id" = ${jobPostId}::uuid FOR UPDATE`;
    await tx.jobScreeningConfig.updateMany({ where: { jobPostId, isActive: true }, data: { isActive: false } });
    return tx.jobScreeningConfig.create({ data });
  });
  return toScreeningConfigView(created);
}
