// Request and response schemas of the recruiter job routes (and the public job pages).
import { z } from '@hono/zod-openapi';
import { EMPLOYMENT_TYPES, MAX_EXPERIENCE_YEARS, MAX_SALARY_RUPEES, MAX_SKILLS, WORK_MODES } from '../../../domain/hire/job-post.js';
import { boundedJson, type JsonBounds } from '../../../domain/json-bounds.js';
import { PASS_THRESHOLD, StageSlaHours, VOICE_MAX_ATTEMPTS, VoiceInterviewQuestions } from '../../../domain/hire/screening-config.js';
import { JobPlatformPostingStatus, JobPostStatus } from '../../../prisma/generated/enums.js';

export const ROLES_BOUNDS: JsonBounds = { maxDepth: 4, maxBytes: 32 * 1024 };

export const Skills = z.array(z.string().trim().min(1).max(100)).max(MAX_SKILLS).openapi({ description: `Up to ${MAX_SKILLS} skills` });
const Rupees = z.number().int().min(0).max(MAX_SALARY_RUPEES).openapi({ description: 'Annual CTC in whole rupees' });
export const Years = z.number().int().min(0).max(MAX_EXPERIENCE_YEARS);

export const JobRole = z
  .object({
    title: z.string().trim().min(1).max(200),
    skills: Skills.optional(),
    responsibilities: z.array(z.string().trim().min(1).max(1000)).max(30).optional(),
    description: z.string().trim().max(5000).optional(),
  })
  .strict();

/** The roles a post hires for: a title each, or a role object; bounded in depth and size. */
export const JobRoles = boundedJson(ROLES_BOUNDS, z.array(z.union([z.string().trim().min(1).max(200), JobRole])).min(1).max(20)).openapi({
  description: 'Roles the post hires for: titles, or { title, skills, responsibilities, description }',
});

const jobFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20_000).nullable().optional(),
  company: z.string().trim().max(200).nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullable().optional(),
  workMode: z.enum(WORK_MODES).nullable().optional(),
  roles: JobRoles,
  skills: Skills.optional(),
  experienceMinYears: Years.nullable().optional(),
  experienceMaxYears: Years.nullable().optional(),
  salaryMin: Rupees.nullable().optional(),
  salaryMax: Rupees.nullable().optional(),
  salaryCurrency: z.string().regex(/^[A-Z]{3}$/).optional().openapi({ description: 'ISO 4217 (default INR)' }),
  openings: z.number().int().min(1).max(10_000).optional(),
  applicationDeadline: z.iso.datetime({ offset: true }).nullable().optional().openapi({ description: 'Must lie in the future' }),
};

export const CreateJobBody = z.object(jobFields).strict().openapi('CreateJobPostRequest');

export const UpdateJobBody = z
  .object({ ...jobFields, title: jobFields.title.optional(), roles: JobRoles.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateJobPostRequest');

export const SalaryBenchmarkView = z
  .object({
    id: z.uuid(),
    role: z.string(),
    location: z.string(),
    experienceMinYears: z.number().int(),
    experienceMaxYears: z.number().int(),
    currency: z.string(),
    salaryMin: z.number(),
    salaryMedian: z.number(),
    salaryMax: z.number(),
    source: z.string().nullable(),
    sampleSize: z.number().int().nullable(),
    asOf: z.string().openapi({ description: 'YYYY-MM-DD' }),
  })
  .openapi('SalaryBenchmark');

const publicShape = {
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  company: z.string().nullable(),
  location: z.string().nullable(),
  employmentType: z.string().nullable(),
  workMode: z.string().nullable(),
  roles: z.unknown().openapi({ description: 'As written by the recruiter' }),
  skills: z.array(z.string()),
  experienceMinYears: z.number().int().nullable(),
  experienceMaxYears: z.number().int().nullable(),
  salaryMin: z.number().nullable(),
  salaryMax: z.number().nullable(),
  salaryCurrency: z.string(),
  openings: z.number().int(),
  applicationDeadline: z.string().nullable(),
  publishedAt: z.string().nullable(),
};

export const PublicJob = z.object(publicShape).openapi('PublicJobPost');

export const JobPostView = z
  .object({
    ...publicShape,
    status: z.enum(JobPostStatus),
    belongsTo: z.uuid().nullable(),
    postedOn: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    benchmark: SalaryBenchmarkView.nullable().optional().openapi({ description: 'On a single read: the salary benchmark for the title, location and minimum experience, or null' }),
  })
  .openapi('JobPost');

/** Criterion weights, e.g. { skills: 0.5, experience: 0.3, education: 0.2 }. */
export const CriteriaWeights = z
  .record(z.string().trim().min(1).max(50), z.number().min(0).max(1))
  .refine((r) => Object.keys(r).length <= 20, { message: 'At most 20 criteria' })
  .openapi({ description: 'Criterion weights 0–1, up to 20 criteria' });

export const PutScreeningConfigBody = z
  .object({
    outreachEnabled: z.boolean(),
    quizEnabled: z.boolean(),
    quizTemplateId: z.uuid().nullable().optional().openapi({ description: 'An active quiz template you may use; required when quizEnabled' }),
    voiceInterviewEnabled: z.boolean(),
    voiceInterviewQuestions: VoiceInterviewQuestions.nullable().optional().openapi({ description: 'Required (at least one) when voiceInterviewEnabled' }),
    autoAdvance: z.boolean().optional(),
    passThreshold: z.number().min(PASS_THRESHOLD.min).max(PASS_THRESHOLD.max),
    criteria: CriteriaWeights.nullable().optional(),
    mustHaveSkills: Skills.optional(),
    niceToHaveSkills: Skills.optional(),
    minExperienceYears: Years.nullable().optional(),
    stageSlaHours: StageSlaHours.nullable().optional().openapi({ description: 'Hours (1–720) a candidate may spend in a stage, by CandidateStatus' }),
    quizExpiryHours: z.number().int().min(1).max(720).optional(),
    voiceMaxAttempts: z.number().int().min(VOICE_MAX_ATTEMPTS.min).max(VOICE_MAX_ATTEMPTS.max).optional(),
    voiceRetryMinutes: z.number().int().min(5).max(1440).optional(),
  })
  .strict()
  .openapi('PutScreeningConfigRequest');

export const ScreeningConfigView = z
  .object({
    id: z.uuid(),
    jobPostId: z.uuid(),
    outreachEnabled: z.boolean(),
    quizEnabled: z.boolean(),
    quizTemplateId: z.uuid().nullable(),
    voiceInterviewEnabled: z.boolean(),
    voiceInterviewQuestions: z.array(z.string()),
    autoAdvance: z.boolean(),
    passThreshold: z.number(),
    criteria: z.record(z.string(), z.number()).nullable(),
    mustHaveSkills: z.array(z.string()),
    niceToHaveSkills: z.array(z.string()),
    minExperienceYears: z.number().int().nullable(),
    stageSlaHours: z.record(z.string(), z.number().int()),
    quizExpiryHours: z.number().int(),
    voiceMaxAttempts: z.number().int(),
    voiceRetryMinutes: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('JobScreeningConfig');

export const CreatePostingBody = z
  .object({
    platform: z.string().trim().min(1).max(64).openapi({ description: 'Platform key' }),
    hrPlatformAccountId: z.uuid().optional().openapi({ description: 'One of your accounts on that platform' }),
    externalUrl: z.url().max(2000).optional(),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .openapi('CreateJobPostingRequest');

export const UpdatePostingBody = z
  .object({
    status: z.enum(JobPlatformPostingStatus).optional().openapi({ description: 'pending → posted | failed | removed; posted → expired | removed | failed; failed/expired → pending | removed' }),
    externalPostingId: z.string().trim().min(1).max(200).nullable().optional(),
    externalUrl: z.url().max(2000).nullable().optional(),
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    errorMessage: z.string().trim().max(2000).nullable().optional(),
    applicationsCount: z.number().int().min(0).max(1_000_000).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateJobPostingRequest');

export const PostingView = z
  .object({
    id: z.uuid(),
    jobPostId: z.uuid(),
    platform: z.string(),
    hrPlatformAccountId: z.uuid().nullable(),
    status: z.enum(JobPlatformPostingStatus),
    externalPostingId: z.string().nullable(),
    externalUrl: z.string().nullable(),
    postedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    lastSyncedAt: z.string().nullable(),
    applicationsCount: z.number().int(),
    errorMessage: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('JobPosting');
