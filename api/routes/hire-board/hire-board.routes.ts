import { createRoute, z } from '@hono/zod-openapi';
import { CandidateStatus, CostProvider, CostStage, TalentPoolMatchStatus } from '../../../prisma/generated/enums.js';
import { CANDIDATE_STATES } from '../../../services/hire/candidate-search.js';
import { CandidateFile } from '../../../services/hire/candidate-view.js';
import { RECRUITER_ROLES } from '../../../services/hire/job-access.js';
import { bearer } from '../../middleware/auth.js';
import { jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['Mr-Hire'];
const JobId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The job post' }) });
const ApplicationId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The job application (candidate)' }) });

const scopeProblems = {
  400: problemResponse('Invalid id or query'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not a recruiter (ADMIN or SUPERADMIN)'),
} as const;
const jobNotFound = problemResponse('No such job, or not one of yours on this platform (x-platform)');
const applicationNotFound = problemResponse('No such candidate, or not on one of your jobs on this platform (x-platform)');

// ---- board --------------------------------------------------------------------------------

export const BoardStageView = z.object({
  stage: z.enum(CandidateStatus),
  count: z.number().int().openapi({ description: 'Candidates in the stage, rejected ones excluded' }),
  oldestSince: z.string().nullable().openapi({ description: 'statusChangedAt of the candidate longest in the stage' }),
  oldestSeconds: z.number().int().nullable(),
  medianSeconds: z.number().int().nullable().openapi({ description: 'Median time in stage' }),
  slaBreached: z.number().int().openapi({ description: 'Candidates past this stage’s SLA (slaBreachedStage = stage)' }),
  held: z.number().int(),
  attention: z.number().int().openapi({ description: 'Candidates the pipeline stopped for (attentionReason set)' }),
});

export const BoardView = z
  .object({
    job: z.object({ id: z.uuid(), title: z.string(), status: z.string() }),
    asOf: z.string(),
    stages: z.array(BoardStageView).openapi({ description: 'Every CandidateStatus, in pipeline order' }),
    active: z.number().int(),
    rejected: z.object({ total: z.number().int(), byStage: z.record(z.string(), z.number().int()).openapi({ description: 'Rejected candidates by the stage they were rejected at' }) }),
    total: z.number().int(),
  })
  .openapi('HireBoard');

export const boardRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}/board',
  tags: TAGS,
  summary: 'The job’s board: per stage, how many candidates, how long they have waited, SLA breaches, holds and attention',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId },
  responses: { 200: jsonResponse('The board', BoardView), ...scopeProblems, 404: jobNotFound },
});

// ---- candidate list ------------------------------------------------------------------------

export const CandidateListQuery = PageQuery.extend({
  stage: z.enum(CandidateStatus).optional(),
  state: z.enum(CANDIDATE_STATES).optional().openapi({
    description: 'active: neither rejected nor held; rejected; held (not rejected); attention (not rejected, waiting for a recruiter). Omitted: every candidate.',
  }),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Name or email (case-insensitive substring), or a skill of the latest resume analysis (case-insensitive exact)' }),
});

export const CandidateListItemView = z
  .object({
    id: z.uuid(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    status: z.enum(CandidateStatus),
    statusChangedAt: z.string(),
    timeInStageSeconds: z.number().int(),
    overallScore: z.number().nullable(),
    priority: z.number().int(),
    held: z.boolean(),
    heldAt: z.string().nullable(),
    rejected: z.boolean(),
    rejectionCode: z.string().nullable(),
    attentionReason: z.string().nullable(),
    slaBreached: z.boolean().openapi({ description: 'The SLA of the stage the candidate is in was breached' }),
  })
  .openapi('HireCandidateListItem');

export const listCandidatesRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}/candidates',
  tags: TAGS,
  summary: 'Search a job’s candidates: by stage, state, name, email or skill; highest priority first, then longest in stage (cursor pages)',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId, query: CandidateListQuery },
  responses: { 200: jsonResponse('A page of candidates', pageSchema(CandidateListItemView).openapi('HireCandidatePage')), ...scopeProblems, 404: jobNotFound },
});

// ---- candidate file ------------------------------------------------------------------------

export const CandidateFileQuery = z.object({
  include: z.enum(['text']).optional().openapi({ description: '`text` adds the resume’s full extracted text' }),
});

export const candidateFileRoute = createRoute({
  method: 'get',
  path: '/api/hire/applications/{id}',
  tags: TAGS,
  summary: 'A candidate’s whole file: application, resume analysis, quiz attempts (without the answer key), voice interviews, screening, talent pool and the decision trail',
  ...bearer(RECRUITER_ROLES),
  request: { params: ApplicationId, query: CandidateFileQuery },
  responses: { 200: jsonResponse('The candidate’s file', CandidateFile), ...scopeProblems, 404: applicationNotFound },
});

// ---- audit export --------------------------------------------------------------------------

export const auditExportRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}/audit.csv',
  tags: TAGS,
  summary: 'Export the job’s audit trail as CSV: one row per AI verdict or recruiter action, candidates without decisions once',
  description:
    'Columns: candidate_id, name, email, stage, kind, actor_type, actor_user_id, model, prompt_version, input_hash, score, reasons (compact JSON), note, at. ' +
    'RFC 4180 (CRLF, quoted cells); a cell starting with = + - @ tab or CR is prefixed with \' so spreadsheets do not run it. Streamed.',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId },
  responses: {
    200: {
      description: 'The CSV (text/csv; charset=utf-8, as an attachment)',
      content: { 'text/csv': { schema: z.string().openapi({ example: 'candidate_id,name,email,stage,kind,…\r\n' }) } },
    },
    ...scopeProblems,
    404: jobNotFound,
  },
});

// ---- costs ---------------------------------------------------------------------------------

const totals = {
  calls: z.number().int(),
  tokensIn: z.number().int(),
  tokensOut: z.number().int(),
  costPaise: z.number().int().openapi({ description: 'INR paise' }),
  costMicroUsd: z.number().int(),
};
export const CostReportView = z
  .object({
    scope: z.object({ jobPostId: z.uuid(), jobApplicationId: z.uuid().nullable() }),
    total: z.object(totals),
    byStage: z.array(z.object({ stage: z.enum(CostStage), ...totals })),
    byProvider: z.array(z.object({ provider: z.enum(CostProvider), ...totals })),
  })
  .openapi('HireCostReport');

export const jobCostsRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}/costs',
  tags: TAGS,
  summary: 'What the AI pipeline cost for the job: calls, tokens and cost, overall, by stage and by provider',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId },
  responses: { 200: jsonResponse('The job’s costs', CostReportView), ...scopeProblems, 404: jobNotFound },
});

export const applicationCostsRoute = createRoute({
  method: 'get',
  path: '/api/hire/applications/{id}/costs',
  tags: TAGS,
  summary: 'What the AI pipeline cost for one candidate, overall, by stage and by provider',
  ...bearer(RECRUITER_ROLES),
  request: { params: ApplicationId },
  responses: { 200: jsonResponse('The candidate’s costs', CostReportView), ...scopeProblems, 404: applicationNotFound },
});

// ---- talent-pool matches -------------------------------------------------------------------

export const MatchQuery = PageQuery.extend({ status: z.enum(TalentPoolMatchStatus).optional() });

export const TalentPoolMatchView = z
  .object({
    id: z.uuid(),
    status: z.enum(TalentPoolMatchStatus),
    matchScore: z.number(),
    matchedSkills: z.array(z.string()),
    reasoning: z.string().nullable(),
    contactedAt: z.string().nullable(),
    createdAt: z.string(),
    candidate: z.object({
      talentPoolEntryId: z.uuid(),
      jobApplicationId: z.uuid(),
      name: z.string().nullable(),
      email: z.string().nullable(),
      skills: z.array(z.string()),
      experienceYears: z.number().nullable(),
      currentRole: z.string().nullable(),
      location: z.string().nullable(),
      summary: z.string().nullable(),
      score: z.number().nullable(),
    }),
  })
  .openapi('HireTalentPoolMatch');

export const talentPoolMatchesRoute = createRoute({
  method: 'get',
  path: '/api/hire/jobs/{id}/talent-pool-matches',
  tags: TAGS,
  summary: 'Talent-pool candidates matched to the job, best match first (cursor pages)',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobId, query: MatchQuery },
  responses: { 200: jsonResponse('A page of matches', pageSchema(TalentPoolMatchView).openapi('HireTalentPoolMatchPage')), ...scopeProblems, 404: jobNotFound },
});
