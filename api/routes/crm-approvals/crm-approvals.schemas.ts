// Bodies and views of lead-assignment approval requests.
import { z } from '@hono/zod-openapi';
import { LeadAssignmentApprovalStatus } from '../../../prisma/generated/enums.js';
import { APPROVAL_MAX_LEADS } from '../../../services/crm/approvals.js';
import { PageQuery } from '../../pagination.js';

export const ApprovalView = z
  .object({
    id: z.uuid(),
    requestedById: z.uuid().openapi({ description: 'The salesperson asking; on approval the leads are assigned to them' }),
    reviewedById: z.uuid().nullable(),
    rawLeadIds: z.array(z.uuid()),
    status: z.enum(LeadAssignmentApprovalStatus),
    reason: z.string().nullable(),
    reviewNote: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LeadAssignmentApproval');

export const RequestApprovalBody = z
  .object({
    leadIds: z.array(z.uuid()).min(1).max(APPROVAL_MAX_LEADS).openapi({ description: `Up to ${APPROVAL_MAX_LEADS} leads of your team’s pool` }),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .openapi('RequestLeadAssignment');

export const ReviewBody = z
  .object({ note: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .openapi('ReviewLeadAssignment');

export const ApproveResult = z
  .object({
    approval: ApprovalView,
    results: z.array(z.object({ leadId: z.uuid(), status: z.enum(['assigned', 'unchanged', 'not_found']) })).openapi({ description: 'Per lead: assigned to the requester, already theirs, or gone / no longer one the reviewer sees' }),
  })
  .openapi('ApproveLeadAssignmentResult');

export const ApprovalListQuery = PageQuery.extend({
  status: z.enum(LeadAssignmentApprovalStatus).optional(),
  requestedById: z.uuid().optional(),
  leadId: z.uuid().optional().openapi({ description: 'Only requests covering this lead' }),
});

export const ApprovalId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
