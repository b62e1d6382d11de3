import { createRoute, z } from '@hono/zod-openapi';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';
import { BulkOperationView } from '../crm-workflows/crm-workflows.routes.js';

const TAGS = ['CRM workflows'];
const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
const STATUSES = ['ACTIVE', 'WAITING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;

export const LiveState = z
  .object({
    status: z.enum(STATUSES),
    currentNodeId: z.string(),
    currentNodeType: z.string(),
    waitingUntil: z.iso.datetime().nullable(),
    remainingDelayMs: z.number().nullable().openapi({ description: 'Delay left: counts down while WAITING, frozen while PAUSED' }),
    paused: z.object({ at: z.iso.datetime(), by: z.uuid().nullable(), reason: z.string() }).nullable(),
    steps: z.number().int(),
    run: z.number().int().openapi({ description: '1 + the times the enrollment continued-as-new' }),
  })
  .openapi('CrmEnrollmentLiveState');

export const EnrollmentView = z
  .object({
    id: z.uuid(),
    workflowId: z.uuid(),
    workflowName: z.string(),
    definitionVersion: z.number().int(),
    leadId: z.uuid(),
    status: z.enum(STATUSES),
    currentNodeId: z.string().nullable(),
    waitingUntil: z.iso.datetime().nullable(),
    pausedAt: z.iso.datetime().nullable(),
    pausedBy: z.uuid().nullable(),
    pauseReason: z.string().nullable(),
    resumeRemainingDelayMs: z.number().nullable(),
    lastError: z.string().nullable(),
    temporalWorkflowId: z.string().nullable(),
    enrolledBy: z.uuid().nullable(),
    completedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    live: LiveState.nullable().optional().openapi({ description: 'From the running workflow (a query); null once it has closed' }),
  })
  .openapi('CrmEnrollment');

const problems = { ...authProblems, 400: problemResponse('Invalid request; `errors` lists the fields') };
const nf = { 404: problemResponse('No such enrollment, or not one you may see') };

export const ListEnrollmentsQuery = PageQuery.extend({
  workflowId: z.uuid().optional(),
  version: z.coerce.number().int().min(1).optional(),
  status: z.enum(STATUSES).optional(),
  leadId: z.uuid().optional(),
});
export const listEnrollmentsRoute = createRoute({
  method: 'get',
  path: '/api/crm/enrollments',
  tags: TAGS,
  summary: 'List enrollments of leads you may see, newest first',
  ...bearer(CRM_ROLES),
  request: { query: ListEnrollmentsQuery },
  responses: { 200: jsonResponse('A page of enrollments', pageSchema(EnrollmentView).openapi('CrmEnrollmentPage')), ...problems },
});

export const getEnrollmentRoute = createRoute({
  method: 'get',
  path: '/api/crm/enrollments/{id}',
  tags: TAGS,
  summary: 'One enrollment: the stored row plus the live state (current node, remaining delay)',
  ...bearer(CRM_ROLES),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The enrollment', EnrollmentView), ...problems, ...nf },
});

export const NodeRunView = z
  .object({
    id: z.uuid(),
    nodeId: z.string(),
    nodeType: z.string(),
    status: z.enum(['PENDING', 'RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED', 'SKIPPED', 'CANCELLED']),
    attempt: z.number().int().openapi({ description: 'Visit number of the node in this enrollment' }),
    result: z.unknown().nullable(),
    error: z.string().nullable(),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
  })
  .openapi('CrmNodeRun');

export const listNodeRunsRoute = createRoute({
  method: 'get',
  path: '/api/crm/enrollments/{id}/node-runs',
  tags: TAGS,
  summary: 'Every node the enrollment ran, in order: start, end, result, error',
  ...bearer(CRM_ROLES),
  request: { params: IdParam },
  responses: { 200: jsonResponse('Node runs', z.object({ items: z.array(NodeRunView) }).openapi('CrmNodeRunList')), ...problems, ...nf },
});

const transition = <B extends z.ZodTypeAny>(path: string, summary: string, body: B) =>
  createRoute({
    method: 'post',
    path,
    tags: TAGS,
    summary,
    description: 'A Workflow Update on crm-enrollment/<id>; its validator refuses an illegal transition with 409 before anything changes.',
    ...bearer(CRM_ROLES),
    request: { params: IdParam, body: jsonBody(body) },
    responses: { 200: jsonResponse('The live state after the change', LiveState), ...problems, ...nf, 409: problemResponse('Not allowed from the enrollment’s state') },
  });

export const PauseBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict().openapi('CrmPauseRequest');
export const ResumeBody = z.object({}).strict().openapi('CrmResumeRequest');
export const CancelBody = z.object({ reason: z.string().trim().min(1).max(500).optional() }).strict().openapi('CrmCancelRequest');
export const pauseRoute = transition('/api/crm/enrollments/{id}/pause', 'Pause: no action runs while paused; a pending delay keeps its remaining time', PauseBody);
export const resumeRoute = transition('/api/crm/enrollments/{id}/resume', 'Resume a paused enrollment (a pending delay continues with only its remaining time)', ResumeBody);
export const cancelRoute = transition('/api/crm/enrollments/{id}/cancel', 'Cancel: the enrollment ends and runs nothing more', CancelBody);

export const BulkBody = z
  .object({
    action: z.enum(['pause', 'resume', 'cancel']),
    filter: z
      .object({
        workflowId: z.uuid().optional(),
        version: z.number().int().min(1).optional(),
        status: z.array(z.enum(STATUSES)).min(1).optional(),
        leadIds: z.array(z.uuid()).min(1).max(10_000).optional(),
        assignedTo: z.uuid().optional(),
      })
      .strict(),
    reason: z.string().trim().min(1).max(500),
  })
  .strict()
  .openapi('CrmBulkRequest');

export const bulkRoute = createRoute({
  method: 'post',
  path: '/api/crm/enrollments/bulk',
  tags: TAGS,
  summary: 'Pause, resume or cancel every enrollment matching a filter, as a bulk-operation workflow',
  description: 'Runs as crm-bulk/<operationId>, in batches; enrollments already in the asked-for state count as skipped. Progress: GET /api/crm/bulk-operations/{id}.',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(BulkBody) },
  responses: { 202: jsonResponse('The operation, started', BulkOperationView), ...problems },
});

export const getBulkOperationRoute = createRoute({
  method: 'get',
  path: '/api/crm/bulk-operations/{id}',
  tags: TAGS,
  summary: 'Progress and failures of a bulk operation',
  ...bearer(CRM_ROLES),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The operation', BulkOperationView), ...problems, 404: problemResponse('No such operation, or not yours') },
});
