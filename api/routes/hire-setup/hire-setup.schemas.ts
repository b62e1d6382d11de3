// Schemas of the recruiter's setup routes: job templates, salary benchmarks, AI screening
// defaults, quiz templates, AI call prompts and linked HR platform accounts.
import { z } from '@hono/zod-openapi';
import { EMPLOYMENT_TYPES, MAX_SALARY_RUPEES, WORK_MODES } from '../../../domain/hire/job-post.js';
import { QuizQuestions } from '../../../domain/hire/quiz-questions.js';
import { HrPlatformAccountStatus } from '../../../prisma/generated/enums.js';
import { CriteriaWeights, JobRoles, Skills, Years } from '../hire-jobs/hire-jobs.schemas.js';

const Rupees = z.number().int().min(0).max(MAX_SALARY_RUPEES);
const ts = z.string();

const templateFields = {
  name: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(20_000).nullable().optional(),
  roles: JobRoles.nullable().optional(),
  skills: Skills.optional(),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullable().optional(),
  workMode: z.enum(WORK_MODES).nullable().optional(),
  location: z.string().trim().max(200).nullable().optional(),
  experienceMinYears: Years.nullable().optional(),
  experienceMaxYears: Years.nullable().optional(),
  salaryMin: Rupees.nullable().optional(),
  salaryMax: Rupees.nullable().optional(),
  isActive: z.boolean().optional(),
};
export const CreateJobTemplateBody = z
  .object({ ...templateFields, system: z.boolean().optional().openapi({ description: 'SUPERADMIN only: a system template every recruiter sees' }) })
  .strict()
  .openapi('CreateJobTemplateRequest');
export const UpdateJobTemplateBody = z
  .object({ ...templateFields, name: templateFields.name.optional(), title: templateFields.title.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateJobTemplateRequest');
export const JobTemplateView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable(),
    system: z.boolean(),
    name: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    roles: z.unknown(),
    skills: z.array(z.string()),
    employmentType: z.string().nullable(),
    workMode: z.string().nullable(),
    location: z.string().nullable(),
    experienceMinYears: z.number().int().nullable(),
    experienceMaxYears: z.number().int().nullable(),
    salaryMin: z.number().nullable(),
    salaryMax: z.number().nullable(),
    isActive: z.boolean(),
    createdAt: ts,
    updatedAt: ts,
  })
  .openapi('JobTemplate');

const benchmarkFields = {
  role: z.string().trim().min(1).max(200),
  location: z.string().trim().min(1).max(200),
  experienceMinYears: Years,
  experienceMaxYears: Years,
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  salaryMin: Rupees,
  salaryMedian: Rupees,
  salaryMax: Rupees,
  source: z.string().trim().max(500).nullable().optional(),
  sampleSize: z.number().int().min(1).max(10_000_000).nullable().optional(),
  asOf: z.iso.date().openapi({ description: 'YYYY-MM-DD' }),
};
export const CreateBenchmarkBody = z.object(benchmarkFields).strict().openapi('CreateSalaryBenchmarkRequest');
export const UpdateBenchmarkBody = z
  .object(Object.fromEntries(Object.entries(benchmarkFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof benchmarkFields]: z.ZodOptional<(typeof benchmarkFields)[K]> })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateSalaryBenchmarkRequest');
export const BenchmarkLookupQuery = z.object({
  role: z.string().trim().min(1).max(200),
  location: z.string().trim().min(1).max(200).optional().openapi({ description: 'Falls back to the national (India) benchmark' }),
  experienceYears: z.coerce.number().int().min(0).max(60).optional(),
});

const aiScreeningFields = {
  name: z.string().trim().min(1).max(200).optional(),
  isDefault: z.boolean().optional().openapi({ description: 'Makes this your default (any other default of yours is unset)' }),
  passThreshold: z.number().min(0).max(100).optional(),
  criteria: CriteriaWeights.nullable().optional(),
  mustHaveSkills: Skills.optional(),
  niceToHaveSkills: Skills.optional(),
  minExperienceYears: Years.nullable().optional(),
  autoShortlist: z.boolean().optional(),
  autoOutreach: z.boolean().optional(),
  model: z.string().trim().min(1).max(100).nullable().optional(),
  promptInstructions: z.string().trim().max(5000).nullable().optional(),
  isActive: z.boolean().optional(),
};
export const CreateAiScreeningBody = z.object(aiScreeningFields).strict().openapi('CreateAiScreeningConfigRequest');
export const UpdateAiScreeningBody = z
  .object(aiScreeningFields)
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateAiScreeningConfigRequest');
export const AiScreeningView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    name: z.string(),
    isDefault: z.boolean(),
    passThreshold: z.number(),
    criteria: z.record(z.string(), z.number()).nullable(),
    mustHaveSkills: z.array(z.string()),
    niceToHaveSkills: z.array(z.string()),
    minExperienceYears: z.number().int().nullable(),
    autoShortlist: z.boolean(),
    autoOutreach: z.boolean(),
    model: z.string().nullable(),
    promptInstructions: z.string().nullable(),
    isActive: z.boolean(),
    createdAt: ts,
    updatedAt: ts,
  })
  .openapi('AiScreeningConfig');

const quizFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable().optional(),
  roleTitle: z.string().trim().max(200).nullable().optional(),
  skills: Skills.optional(),
  difficulty: z.enum(['easy', 'medium', 'hard']).nullable().optional(),
  questions: QuizQuestions.openapi({ description: '1–50 questions; `correct` holds indices into `options` (exactly one for single_choice)' }),
  timeLimitMinutes: z.number().int().min(1).max(600).nullable().optional(),
  passPercentage: z.number().min(0).max(100).nullable().optional(),
  isActive: z.boolean().optional(),
};
export const CreateQuizTemplateBody = z
  .object({ ...quizFields, system: z.boolean().optional().openapi({ description: 'SUPERADMIN only: a system template every recruiter may use' }) })
  .strict()
  .openapi('CreateQuizTemplateRequest');
export const UpdateQuizTemplateBody = z
  .object({ ...quizFields, name: quizFields.name.optional(), questions: quizFields.questions.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateQuizTemplateRequest');
const QuestionView = z.object({ id: z.string(), question: z.string(), type: z.enum(['single_choice', 'multiple_choice']), options: z.array(z.string()), points: z.number().int() });
export const QuizTemplateView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    roleTitle: z.string().nullable(),
    skills: z.array(z.string()),
    difficulty: z.string().nullable(),
    questions: z.array(QuestionView.extend({ correct: z.array(z.number().int()) })),
    maxPoints: z.number().int(),
    timeLimitMinutes: z.number().int().nullable(),
    passPercentage: z.number().nullable(),
    createdById: z.uuid().nullable(),
    system: z.boolean(),
    isActive: z.boolean(),
    createdAt: ts,
    updatedAt: ts,
  })
  .openapi('QuizTemplate');
export const CandidateQuizView = z
  .object({ id: z.uuid(), name: z.string(), description: z.string().nullable(), timeLimitMinutes: z.number().int().nullable(), questions: z.array(QuestionView), maxPoints: z.number().int() })
  .openapi('CandidateQuizPreview');

const Variable = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'A placeholder name: letters, digits, _');
const promptFields = {
  name: z.string().trim().min(1).max(100),
  purpose: z.string().trim().min(1).max(100).openapi({ description: 'candidate_screening, interview_scheduling, lead_follow_up, …' }),
  systemPrompt: z.string().trim().min(1).max(20_000),
  firstMessage: z.string().trim().max(2000).nullable().optional(),
  variables: z.array(Variable).max(50).optional(),
  language: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).optional(),
};
export const CreateAiCallPromptBody = z.object(promptFields).strict().openapi('CreateAiCallPromptRequest');
export const ReviseAiCallPromptBody = z
  .object({
    purpose: promptFields.purpose.optional(),
    systemPrompt: promptFields.systemPrompt.optional(),
    firstMessage: promptFields.firstMessage,
    variables: promptFields.variables,
    language: promptFields.language,
    isActive: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('ReviseAiCallPromptRequest');
export const AiCallPromptView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    purpose: z.string(),
    systemPrompt: z.string(),
    firstMessage: z.string().nullable(),
    variables: z.array(z.string()),
    language: z.string(),
    version: z.number().int(),
    isActive: z.boolean(),
    createdAt: ts,
    updatedAt: ts,
  })
  .openapi('AiCallPrompt');

const Credentials = z
  .record(z.string().trim().min(1).max(100), z.string().max(4000))
  .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 20, { message: '1–20 entries' })
  .openapi({ description: 'Tokens or API credentials; stored encrypted (AES-256-GCM), never returned' });
export const LinkAccountBody = z
  .object({
    platform: z.string().trim().min(1).max(64).openapi({ description: 'Platform key' }),
    externalAccountId: z.string().trim().min(1).max(200),
    displayName: z.string().trim().max(200).nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    credentials: Credentials.optional(),
    tokenExpiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict()
  .openapi('LinkHrPlatformAccountRequest');
export const UpdateAccountBody = z
  .object({
    displayName: z.string().trim().max(200).nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    credentials: Credentials.nullable().optional().openapi({ description: 'Replaces the stored credentials (null removes them)' }),
    tokenExpiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    status: z.enum(HrPlatformAccountStatus).optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateHrPlatformAccountRequest');
export const AccountView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    platform: z.string(),
    displayName: z.string().nullable(),
    externalAccountId: z.string(),
    email: z.string().nullable(),
    hasCredentials: z.boolean(),
    tokenExpiresAt: z.string().nullable(),
    status: z.enum(HrPlatformAccountStatus),
    lastSyncedAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: ts,
    updatedAt: ts,
  })
  .openapi('HrPlatformAccount');
