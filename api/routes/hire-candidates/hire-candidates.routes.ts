import { createRoute, z } from '@hono/zod-openapi';
import { ADVANCE_TARGETS, REJECTION_CODES } from '../../../domain/candidate/pipeline.js';
import { candidateLifecycle } from '../../../domain/candidate/status.js';
import { RECRUITER_ROLES } from '../../../services/hire/job-access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const TAGS = ['Mr-Hire candidates'];
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const note = z.string().trim().min(1).max(2000);

export const CandidateState = z
  .object({
    jobApplicationId: z.uuid(),
    status: z.enum(candidateLifecycle.states),
    held: z.boolean(),
    rejected: z.boolean(),
    attention: z.string().nullable().openapi({ description: 'Why the pipeline waits for a recruiter (no_text_layer, llm_invalid_output, quiz_expired, voice_unreachable, …), or null' }),
    stageSince: z.iso.datetime(),
  })
  .openapi('CandidatePipelineState');

const problems = {
  ...authProblems,
  400: problemResponse('Invalid request; `errors` lists the fields'),
  404: problemResponse('No such candidate, or not one of your jobs on this platform'),
  409: problemResponse('Not allowed in the candidate’s state (nothing changed)'),
};

const move = <B extends z.ZodTypeAny>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path: `/api/hire/applications/{id}/${path}`,
    tags: TAGS,
    summary,
    ...bearer(RECRUITER_ROLES),
    request: { params: IdParam, body: jsonBody(body) },
    responses: { 200: jsonResponse('The candidate’s pipeline state after the move', CandidateState), ...problems },
  });

export const AdvanceBody = z.object({ to: z.enum(ADVANCE_TARGETS as [string, ...string[]]).openapi({ description: 'A later stage; scoring and the verdict follow by themselves' }), note: note.optional() }).strict().openapi('CandidateAdvance');
export const RejectBody = z.object({ code: z.enum(REJECTION_CODES), note: note.optional() }).strict().openapi('CandidateReject');
export const HoldBody = z.object({ note: note.optional() }).strict().openapi('CandidateHold');
export const OverrideBody = z.object({ verdict: z.enum(['shortlisted', 'talent_pool']), reason: note }).strict().openapi('CandidateOverride');

export const advanceRoute = move('advance', 'Skip the candidate ahead to a later stage', AdvanceBody);
export const rejectRoute = move('reject', 'Reject the candidate: the pipeline ends and nothing more is sent', RejectBody);
export const holdRoute = move('hold', 'Put the candidate on hold: the pipeline waits until release', HoldBody);
export const releaseRoute = createRoute({
  method: 'post',
  path: '/api/hire/applications/{id}/release',
  tags: TAGS,
  summary: 'Release a held candidate: the pipeline carries on',
  ...bearer(RECRUITER_ROLES),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The candidate’s pipeline state after the move', CandidateState), ...problems },
});
export const overrideRoute = move('override', 'Replace the AI verdict (shortlisted / talent_pool), saying why', OverrideBody);

const JobIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The job post' }) });
export const BulkRejectBody = z
  .object({ jobApplicationIds: z.array(z.uuid()).min(1).max(500), code: z.enum(REJECTION_CODES), note: note.optional() })
  .strict()
  .openapi('CandidateBulkReject');
export const BulkRejectProgressView = z
  .object({
    operationId: z.uuid(),
    total: z.number().int(),
    processed: z.number().int(),
    rejected: z.number().int(),
    notFound: z.number().int(),
    refused: z.number().int(),
    done: z.boolean(),
    problems: z.array(z.object({ jobApplicationId: z.uuid(), outcome: z.enum(['rejected', 'not_found', 'refused']), detail: z.string() })),
  })
  .openapi('CandidateBulkRejectProgress');

export const bulkRejectRoute = createRoute({
  method: 'post',
  path: '/api/hire/jobs/{id}/bulk-reject',
  tags: TAGS,
  summary: 'Reject up to 500 of the job’s candidates with one reason, as a workflow; poll its progress',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobIdParam, body: jsonBody(BulkRejectBody) },
  responses: {
    202: jsonResponse('Started', z.object({ operationId: z.uuid(), total: z.number().int() }).openapi('CandidateBulkRejectStarted')),
    ...authProblems,
    400: problemResponse('Invalid request; `errors` lists the fields'),
    404: problemResponse('No such job, or not one of yours on this platform'),
  },
});

export const bulkRejectProgressRoute = createRoute({
  method: 'get',
  path: '/api/hire/bulk-rejections/{operationId}',
  tags: TAGS,
  summary: 'Progress of a bulk rejection',
  ...bearer(RECRUITER_ROLES),
  request: { params: z.object({ operationId: z.uuid().openapi({ param: { name: 'operationId', in: 'path' } }) }) },
  responses: { 200: jsonResponse('Progress so far', BulkRejectProgressView), ...authProblems, 404: problemResponse('No such bulk rejection of yours') },
});

export const CampaignBody = z
  .object({
    jobApplicationIds: z.array(z.uuid()).min(1).max(200),
    name: z.string().trim().min(1).max(200).optional(),
    concurrency: z.number().int().min(1).max(10).optional().openapi({ description: 'Calls at once (default 3)' }),
    aiCallPromptId: z.uuid().optional(),
  })
  .strict()
  .openapi('AiCallCampaignInput');
export const CampaignView = z
  .object({
    batchId: z.uuid(),
    jobPostId: z.uuid().nullable(),
    name: z.string().nullable(),
    status: z.enum(['queued', 'in_progress', 'completed', 'failed', 'cancelled']),
    totalCalls: z.number().int(),
    completedCalls: z.number().int(),
    failedCalls: z.number().int(),
    createdAt: z.iso.datetime(),
    calls: z.array(
      z.object({
        id: z.uuid(),
        jobApplicationId: z.uuid().nullable(),
        status: z.string(),
        durationSeconds: z.number().int().nullable(),
        summary: z.string().nullable(),
        outcome: z.string().nullable(),
        errorMessage: z.string().nullable(),
      }),
    ),
  })
  .openapi('AiCallCampaign');

export const createCampaignRoute = createRoute({
  method: 'post',
  path: '/api/hire/jobs/{id}/ai-call-campaigns',
  tags: TAGS,
  summary: 'Call a list of the job’s candidates with the AI voice agent, a few at a time, as a workflow on its own task queue',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobIdParam, body: jsonBody(CampaignBody) },
  responses: {
    202: jsonResponse('Started', z.object({ batchId: z.uuid(), totalCalls: z.number().int(), concurrency: z.number().int(), skipped: z.array(z.uuid()) }).openapi('AiCallCampaignStarted')),
    ...authProblems,
    400: problemResponse('Invalid request; `errors` lists the fields'),
    404: problemResponse('No such job, or not one of yours on this platform'),
    422: problemResponse('None of the candidates can be called'),
  },
});
export const getCampaignRoute = createRoute({
  method: 'get',
  path: '/api/hire/ai-call-campaigns/{batchId}',
  tags: TAGS,
  summary: 'A calling campaign and its calls',
  ...bearer(RECRUITER_ROLES),
  request: { params: z.object({ batchId: z.uuid().openapi({ param: { name: 'batchId', in: 'path' } }) }) },
  responses: { 200: jsonResponse('The campaign', CampaignView), ...authProblems, 404: problemResponse('No such campaign of your jobs') },
});
