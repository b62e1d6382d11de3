import { createRoute, z } from '@hono/zod-openapi';
import { CRM_ROLES } from '../../../domain/crm/access.js';
import { BULK_ASSIGN_MAX } from '../../../services/crm/assignment.js';
import { RawLeadSourceType, RawLeadStatus } from '../../../prisma/generated/enums.js';
import { leadContactShape, needsPhoneOrEmail } from '../../../services/crm/lead-input.js';
import { CrmLead } from '../../../services/crm/lead-view.js';
import { bearer } from '../../middleware/auth.js';
import { jsonBody, problemResponse } from '../../openapi.js';
import { PageQuery, pageSchema } from '../../pagination.js';

const TAGS = ['CRM'];
const LeadId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const CaptureLeadBody = z
  .object({
    ...leadContactShape,
    sourceType: z.enum(RawLeadSourceType),
    batchId: z.uuid().optional().openapi({ description: 'The program the lead enquired about' }),
    webinarId: z.uuid().optional(),
  })
  .strict()
  .refine(needsPhoneOrEmail.check, needsPhoneOrEmail.params)
  .openapi('CaptureLeadRequest');

export const CaptureLeadResult = z
  .object({
    id: z.uuid(),
    merged: z.boolean().openapi({ description: 'True when the capture matched an existing lead (same phone or email on the platform) and was merged into it' }),
    lead: CrmLead.nullable().openapi({ description: 'The lead, or null when it is merged into a lead the caller may not see' }),
  })
  .openapi('CaptureLeadResult');

export const captureLeadRoute = createRoute({
  method: 'post',
  path: '/api/crm/leads',
  tags: TAGS,
  summary: 'Capture a lead; a repeat of a known phone or email merges into the existing lead',
  description:
    'The phone is normalised to E.164 (10-digit numbers are taken as Indian, +91) and the email lower-cased. ' +
    'A lead whose phone or email is already on the platform is merged, not created again: empty fields are filled, ' +
    'existing ones kept, and 200 answers with `merged: true`. An activity row is written in the same transaction.',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(CaptureLeadBody) },
  responses: {
    200: { description: 'Merged into an existing lead', content: { 'application/json': { schema: CaptureLeadResult } } },
    201: { description: 'A new lead', content: { 'application/json': { schema: CaptureLeadResult } } },
    400: problemResponse('Invalid body; `errors` lists the fields'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SALES user or an admin'),
  },
});

export const LeadListQuery = PageQuery.extend({
  status: z.enum(RawLeadStatus).optional(),
  assignedTo: z.uuid().optional(),
  sourceType: z.enum(RawLeadSourceType).optional(),
  createdFrom: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Created at or after (ISO-8601)' }),
  createdTo: z.iso.datetime({ offset: true }).optional().openapi({ description: 'Created at or before (ISO-8601)' }),
  q: z.string().trim().min(2).max(100).optional().openapi({ description: 'Matches name, email or phone (case-insensitive)' }),
  tagId: z.uuid().optional().openapi({ description: 'Only leads carrying this tag' }),
});

export const listLeadsRoute = createRoute({
  method: 'get',
  path: '/api/crm/leads',
  tags: TAGS,
  summary: 'List the leads you may see, newest first (cursor pagination)',
  description: 'SALES users see the leads assigned to them; a sales head also sees their team’s leads and the leads they own. Admins see all.',
  ...bearer(CRM_ROLES),
  request: { query: LeadListQuery },
  responses: {
    200: { description: 'A page of leads', content: { 'application/json': { schema: pageSchema(CrmLead).openapi('CrmLeadPage') } } },
    400: problemResponse('Invalid filters or cursor'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SALES user or an admin'),
  },
});

export const getLeadRoute = createRoute({
  method: 'get',
  path: '/api/crm/leads/{id}',
  tags: TAGS,
  summary: 'One lead, when you may see it',
  ...bearer(CRM_ROLES),
  request: { params: LeadId },
  responses: {
    200: { description: 'The lead', content: { 'application/json': { schema: CrmLead } } },
    400: problemResponse('Invalid id'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SALES user or an admin'),
    404: problemResponse('No such lead, or not one you may see'),
  },
});

export const AssignLeadBody = z
  .object({
    assignedTo: z.uuid().openapi({ description: 'An active SALES user' }),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .openapi('AssignLeadRequest');

export const assignLeadRoute = createRoute({
  method: 'post',
  path: '/api/crm/leads/{id}/assign',
  tags: TAGS,
  summary: 'Assign a lead to a salesperson (their sales head or an admin); the change is recorded in the assignment history',
  ...bearer(CRM_ROLES),
  request: { params: LeadId, body: jsonBody(AssignLeadBody) },
  responses: {
    200: { description: 'The lead, assigned', content: { 'application/json': { schema: CrmLead } } },
    400: problemResponse('Invalid body'),
    401: problemResponse('Not signed in'),
    403: problemResponse('A salesperson may assign only to members of their own team'),
    404: problemResponse('No such lead, or not one you may see'),
    409: problemResponse('The assignee is at their sales head’s open-lead cap (sales head profile maxOpenLeadsPerSalesperson)'),
    422: problemResponse('The assignee is not an active SALES user'),
  },
});

const leadIds = z.array(z.uuid()).min(1).max(BULK_ASSIGN_MAX).openapi({ description: `Up to ${BULK_ASSIGN_MAX} lead ids; ones you may not see come back not_found` });
const reason = z.string().trim().min(1).max(500).optional();

export const BulkAssignBody = z
  .discriminatedUnion('strategy', [
    z.object({ strategy: z.literal('manual'), leadIds, assignedTo: z.uuid().openapi({ description: 'An active SALES user (of your team, unless you are an admin)' }), reason }).strict(),
    z
      .object({
        strategy: z.literal('round-robin'),
        leadIds,
        salesHeadId: z.uuid().optional().openapi({ description: 'The team to rotate over (active SALES members); a sales head defaults to their own, an admin must name one' }),
        reason,
      })
      .strict(),
    z.object({ strategy: z.literal('rules'), leadIds, reason }).strict().openapi({ description: 'Routes each lead by the first matching rule in system config crm.assignmentRules' }),
  ])
  .openapi('BulkAssignRequest');

export const BulkAssignResult = z
  .object({
    results: z.array(
      z.object({
        leadId: z.uuid(),
        status: z.enum(['assigned', 'unchanged', 'not_found', 'unmatched', 'refused']),
        assignedTo: z.uuid().nullable().openapi({ description: 'The assignee after the call' }),
        rule: z.string().optional().openapi({ description: 'The rule that routed the lead (strategy rules)' }),
        message: z.string().optional(),
      }),
    ),
    summary: z.record(z.string(), z.number().int()).openapi({ description: 'Count per status' }),
  })
  .openapi('BulkAssignResult');

export const bulkAssignRoute = createRoute({
  method: 'post',
  path: '/api/crm/leads/assign',
  tags: TAGS,
  summary: 'Assign many leads: to one salesperson, round-robin over a team, or by the assignment rules',
  description:
    'Each change writes the lead, a lead_assignment_history row and an activity row, all in one transaction: if any write fails, no lead changes (up to 500 leads per request). ' +
    'Round robin hands each lead to the team member assigned least recently, and stays even under concurrent calls (one lock per team). ' +
    'Per-lead results: assigned, unchanged (already theirs), not_found (no such lead or not yours to see), unmatched (no rule), refused (rule target not allowed, the team has auto-assignment off, or the assignee is at the open-lead cap of their sales head’s profile).',
  ...bearer(CRM_ROLES),
  request: { body: jsonBody(BulkAssignBody) },
  responses: {
    200: { description: 'Per-lead results', content: { 'application/json': { schema: BulkAssignResult } } },
    400: problemResponse('Invalid body (or an admin round robin without salesHeadId)'),
    401: problemResponse('Not signed in'),
    403: problemResponse('A salesperson may assign only within the team they head'),
    422: problemResponse('The assignee is not an active SALES user, the team has no active members, or no rules are configured'),
  },
});

export const UpdateLeadBody = z
  .object({
    status: z.enum(RawLeadStatus).optional(),
    // The capture's own field rules; null clears a field.
    name: leadContactShape.name.optional(),
    city: leadContactShape.city.unwrap().nullable().optional(),
    state: leadContactShape.state.unwrap().nullable().optional(),
    college: leadContactShape.college.unwrap().nullable().optional(),
    qualification: leadContactShape.qualification.unwrap().nullable().optional(),
    graduationYear: leadContactShape.graduationYear.unwrap().nullable().optional(),
    note: z.string().trim().min(1).max(1000).optional().openapi({ description: 'Why; kept in the activity log' }),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'note'), { message: 'Nothing to change' })
  .openapi('UpdateLeadRequest');

export const updateLeadRoute = createRoute({
  method: 'patch',
  path: '/api/crm/leads/{id}',
  tags: TAGS,
  summary: 'Change a lead’s status (along its lifecycle) or details; every change is logged, and a status change fires lead_status_changed workflows',
  ...bearer(CRM_ROLES),
  request: { params: LeadId, body: jsonBody(UpdateLeadBody) },
  responses: {
    200: { description: 'The lead', content: { 'application/json': { schema: CrmLead } } },
    400: problemResponse('Invalid body'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Not a SALES user or an admin'),
    404: problemResponse('No such lead, or not one you may see'),
    409: problemResponse('The lead lifecycle does not allow that status change (ILLEGAL_TRANSITION), e.g. out of converted or invalid'),
  },
});
