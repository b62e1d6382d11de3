import { createRoute, z } from '@hono/zod-openapi';
import { candidateLifecycle } from '../../../domain/candidate/status.js';
import { RECRUITER_ROLES } from '../../../services/hire/job-access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';

const TAGS = ['Mr-Hire workflow rules'];
const EVENTS = ['APPLICATION_RECEIVED', 'STATUS_CHANGED', 'SCREENING_COMPLETED', 'QUIZ_COMPLETED', 'VOICE_INTERVIEW_COMPLETED'] as const;
const JobParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' }, description: 'The job post' }) });
const RuleParam = z.object({ ruleId: z.uuid().openapi({ param: { name: 'ruleId', in: 'path' } }) });

const Conditions = z
  .object({ toStatus: z.enum(candidateLifecycle.states).optional(), minScore: z.number().min(0).max(100).optional(), maxScore: z.number().min(0).max(100).optional() })
  .strict()
  .openapi('WorkflowRuleConditions');
const NotifyAction = z
  .object({ type: z.literal('notify'), userId: z.uuid().optional().openapi({ description: 'Default: the job’s owner' }), title: z.string().trim().min(1).max(200).optional(), message: z.string().trim().min(1).max(2000).optional() })
  .strict()
  .openapi('WorkflowRuleNotifyAction');

export const RuleBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    event: z.enum(EVENTS),
    conditions: Conditions.nullable().optional(),
    actions: z.array(NotifyAction).max(10).nullable().optional(),
    workflowId: z.uuid().nullable().optional().openapi({ description: 'A CRM workflow to enroll the candidate in (as a lead on the job’s platform)' }),
    isActive: z.boolean().optional(),
    priority: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
  .openapi('WorkflowRuleInput');
export const RulePatch = RuleBody.partial().strict().openapi('WorkflowRulePatch');

export const RuleView = z
  .object({
    id: z.uuid(),
    jobPostId: z.uuid(),
    name: z.string(),
    event: z.enum(EVENTS),
    conditions: Conditions.nullable(),
    actions: z.array(NotifyAction).nullable(),
    workflowId: z.uuid().nullable(),
    isActive: z.boolean(),
    priority: z.number().int(),
    triggerCount: z.number().int(),
    lastTriggeredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('WorkflowRule');

const problems = { ...authProblems, 400: problemResponse('Invalid request; `errors` lists the fields'), 404: problemResponse('No such job or rule, or not one of yours on this platform') };

export const listRulesRoute = createRoute({ method: 'get', path: '/api/hire/jobs/{id}/rules', tags: TAGS, summary: 'The job’s workflow rules', ...bearer(RECRUITER_ROLES), request: { params: JobParam }, responses: { 200: jsonResponse('Rules, in the order they run', z.object({ items: z.array(RuleView) })), ...problems } });
export const createRuleRoute = createRoute({
  method: 'post',
  path: '/api/hire/jobs/{id}/rules',
  tags: TAGS,
  summary: 'Add a rule: when a candidate reaches a stage, notify someone and/or enroll them in a CRM workflow',
  ...bearer(RECRUITER_ROLES),
  request: { params: JobParam, body: jsonBody(RuleBody) },
  responses: { 201: jsonResponse('The rule', RuleView), ...problems, 409: problemResponse('The job has 50 rules already') },
});
export const updateRuleRoute = createRoute({ method: 'patch', path: '/api/hire/rules/{ruleId}', tags: TAGS, summary: 'Change a rule', ...bearer(RECRUITER_ROLES), request: { params: RuleParam, body: jsonBody(RulePatch) }, responses: { 200: jsonResponse('The rule', RuleView), ...problems } });
export const deleteRuleRoute = createRoute({ method: 'delete', path: '/api/hire/rules/{ruleId}', tags: TAGS, summary: 'Delete a rule', ...bearer(RECRUITER_ROLES), request: { params: RuleParam }, responses: { 204: { description: 'Deleted' }, ...problems } });
