import { createRoute, z } from '@hono/zod-openapi';
import { DefinitionSchema } from '../../../domain/crm-engine/definition.js';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { RawLeadSourceType, RawLeadStatus } from '../../../prisma/generated/enums.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['CRM workflows'];
export const WorkflowIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

/**
 * A graph: `nodes` (each with an `id` and a dotted `type`: trigger.*, action.*, delay.*,
 * condition.if, goal, end) and `edges` ({from, to}; the two edges out of condition.if carry
 * `branch: "true"|"false"`). Templates may use {{lead.<field>}}. The schema lives in domain/.
 */
const Definition = DefinitionSchema;

export const CrmWorkflowVersionView = z
  .object({ version: z.number().int(), publishedAt: z.iso.datetime(), publishedBy: z.uuid().nullable(), changeNote: z.string().nullable() })
  .openapi('CrmWorkflowVersion');

export const CrmWorkflowView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    status: z.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']),
    triggerType: z.string(),
    allowReenrollment: z.boolean(),
    platform: z.string(),
    version: z.number().int().openapi({ description: 'Latest published version (0 = never published)' }),
    definition: z.unknown().openapi({ description: 'The working copy (draft); published versions are frozen snapshots of it' }),
    publishedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    versions: z.array(CrmWorkflowVersionView).optional(),
  })
  .openapi('CrmWorkflow');

const problems = { ...authProblems, 400: problemResponse('Invalid request; `errors` lists the fields') };
const nf = { 404: problemResponse('No such workflow') };

export const CreateWorkflowBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(1000).optional(),
    definition: Definition,
    allowReenrollment: z.boolean().default(false).openapi({ description: 'Whether a lead whose enrollment ended may be enrolled again' }),
  })
  .strict()
  .openapi('CreateCrmWorkflowRequest');

export const createWorkflowRoute = createRoute({
  method: 'post',
  path: '/api/crm/workflows',
  tags: TAGS,
  summary: 'Create a CRM workflow (DRAFT until published)',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(CreateWorkflowBody) },
  responses: { 201: jsonResponse('The draft workflow', CrmWorkflowView), ...problems },
});

export const ListWorkflowsQuery = PageQuery.extend({ status: z.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']).optional() });
export const listWorkflowsRoute = createRoute({
  method: 'get',
  path: '/api/crm/workflows',
  tags: TAGS,
  summary: 'List CRM workflows of the platform, newest first',
  ...bearer(CRM_ROLES),
  request: { query: ListWorkflowsQuery },
  responses: { 200: jsonResponse('A page of workflows', pageSchema(CrmWorkflowView).openapi('CrmWorkflowPage')), ...problems },
});

export const getWorkflowRoute = createRoute({
  method: 'get',
  path: '/api/crm/workflows/{id}',
  tags: TAGS,
  summary: 'One workflow with its published versions',
  ...bearer(CRM_ROLES),
  request: { params: WorkflowIdParam },
  responses: { 200: jsonResponse('The workflow', CrmWorkflowView), ...problems, ...nf },
});

export const UpdateWorkflowBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    description: z.string().trim().max(1000).nullable().optional(),
    definition: Definition.optional(),
    allowReenrollment: z.boolean().optional(),
  })
  .strict()
  .openapi('UpdateCrmWorkflowRequest');

export const updateWorkflowRoute = createRoute({
  method: 'patch',
  path: '/api/crm/workflows/{id}',
  tags: TAGS,
  summary: 'Edit the working copy; running enrollments keep the version they started on',
  ...bearer(CRM_ROLES),
  request: { params: WorkflowIdParam, body: jsonBody(UpdateWorkflowBody) },
  responses: { 200: jsonResponse('The workflow', CrmWorkflowView), ...problems, ...nf, 409: problemResponse('The workflow is archived') },
});

export const PublishBody = z.object({ changeNote: z.string().trim().max(500).optional() }).strict().openapi('PublishCrmWorkflowRequest');
export const publishWorkflowRoute = createRoute({
  method: 'post',
  path: '/api/crm/workflows/{id}/publish',
  tags: TAGS,
  summary: 'Freeze the working copy as the next numbered version; new enrollments use it',
  description: 'The whole graph is checked first (one trigger, every node reachable, condition branches, no loop without a delay); 422 lists the issues.',
  ...bearer(CRM_ROLES),
  request: { params: WorkflowIdParam, body: jsonBody(PublishBody) },
  responses: {
    201: jsonResponse('The new version', CrmWorkflowVersionView),
    ...problems,
    ...nf,
    409: problemResponse('The workflow is archived'),
    422: problemResponse('The graph is not publishable; `errors` lists the issues'),
  },
});

export const archiveWorkflowRoute = createRoute({
  method: 'post',
  path: '/api/crm/workflows/{id}/archive',
  tags: TAGS,
  summary: 'Archive: no new enrollments; running ones finish on their version',
  ...bearer(CRM_ROLES),
  request: { params: WorkflowIdParam },
  responses: { 200: jsonResponse('The workflow', CrmWorkflowView), ...problems, ...nf },
});

const SampleLead = z
  .object({
    name: z.string().max(200).optional(),
    phone: z.string().max(20).optional(),
    email: z.string().max(200).optional(),
    status: z.enum(RawLeadStatus).optional(),
    sourceType: z.enum(RawLeadSourceType).optional(),
    sourceDetail: z.string().max(200).optional(),
    city: z.string().max(100).optional(),
    state: z.string().max(100).optional(),
    college: z.string().max(200).optional(),
    qualification: z.string().max(100).optional(),
    graduationYear: z.number().int().optional(),
    utmSource: z.string().max(100).optional(),
    utmMedium: z.string().max(100).optional(),
    utmCampaign: z.string().max(100).optional(),
    assignedTo: z.uuid().optional(),
  })
  .strict();

export const DryRunBody = z
  .object({
    version: z.union([z.number().int().min(1), z.literal('draft')]).default('draft').openapi({ description: 'A published version number, or "draft" for the working copy' }),
    leadId: z.uuid().optional().openapi({ description: 'Use this lead’s current fields as the sample' }),
    lead: SampleLead.optional().openapi({ description: 'Sample lead fields (overrides leadId’s)' }),
  })
  .strict()
  .openapi('CrmDryRunRequest');

export const DryRunResult = z
  .object({
    version: z.union([z.number().int(), z.literal('draft')]),
    steps: z.array(
      z.object({ nodeId: z.string(), type: z.string(), would: z.string(), outcome: z.boolean().optional(), waitMs: z.number().optional() }),
    ),
    endedBy: z.enum(['end', 'goal', 'step_limit']),
    totalWaitMs: z.number(),
  })
  .openapi('CrmDryRunResult');

export const dryRunRoute = createRoute({
  method: 'post',
  path: '/api/crm/workflows/{id}/dry-run',
  tags: TAGS,
  summary: 'The path a lead would take through a version, with nothing sent',
  ...bearer(CRM_ROLES),
  request: { params: WorkflowIdParam, body: jsonBody(DryRunBody) },
  responses: { 200: jsonResponse('The path', DryRunResult), ...problems, ...nf, 422: problemResponse('The graph is not valid') },
});

export const EnrollBody = z.object({ leadIds: z.array(z.uuid()).min(1).max(100) }).strict().openapi('CrmEnrollRequest');
export const EnrollResultView = z
  .object({
    results: z.array(
      z.object({
        leadId: z.uuid(),
        result: z.enum(['enrolled', 'already_enrolled', 'not_found']),
        enrollmentId: z.uuid().nullable(),
        workflowId: z.string().nullable().openapi({ description: 'Temporal workflow id (crm-enrollment/<enrollmentId>)' }),
      }),
    ),
  })
  .openapi('CrmEnrollResult');

export const enrollRoute = createRoute({
  method: 'post',
  path: '/api/crm/workflows/{id}/enrollments',
  tags: TAGS,
  summary: 'Enroll leads by hand in the latest published version (a lead already enrolled there is not enrolled again)',
  ...bearer(CRM_ROLES),
  request: { params: WorkflowIdParam, body: jsonBody(EnrollBody) },
  responses: { 200: jsonResponse('Per-lead results', EnrollResultView), ...problems, ...nf, 409: problemResponse('Not published, or archived') },
});

export const BulkEnrollBody = z
  .object({
    filter: z
      .object({
        leadIds: z.array(z.uuid()).min(1).max(10_000).optional(),
        leadStatus: z.enum(RawLeadStatus).optional(),
        assignedTo: z.uuid().optional(),
        sourceType: z.enum(RawLeadSourceType).optional(),
      })
      .strict(),
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .openapi('CrmBulkEnrollRequest');

export const BulkOperationView = z
  .object({
    id: z.uuid(),
    action: z.enum(['enroll', 'pause', 'resume', 'cancel']),
    status: z.enum(['RUNNING', 'COMPLETED', 'FAILED']),
    workflowId: z.uuid().nullable(),
    filter: z.unknown(),
    reason: z.string().nullable(),
    requestedBy: z.uuid().nullable(),
    total: z.number().int(),
    processed: z.number().int(),
    succeeded: z.number().int(),
    skipped: z.number().int(),
    failed: z.number().int(),
    failures: z.array(z.object({ id: z.string(), error: z.string().optional() })),
    temporalWorkflowId: z.string(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .openapi('CrmBulkOperation');

export const bulkEnrollRoute = createRoute({
  method: 'post',
  path: '/api/crm/workflows/{id}/enrollments/bulk',
  tags: TAGS,
  summary: 'Enroll every lead matching a filter, as a bulk-operation workflow (progress at GET /api/crm/bulk-operations/{id})',
  ...bearer(CRM_ROLES),
  request: { params: WorkflowIdParam, body: jsonBody(BulkEnrollBody) },
  responses: { 202: jsonResponse('The operation, started', BulkOperationView), ...problems, ...nf, 409: problemResponse('Not published, or archived') },
});
