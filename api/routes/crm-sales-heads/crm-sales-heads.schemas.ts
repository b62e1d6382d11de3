// Sales-head profile bodies and views.
import { z } from '@hono/zod-openapi';
import { MAX_OPEN_LEADS_CAP } from '../../../domain/crm/sales-head.js';
import { PageQuery } from '../../pagination.js';

export const SalesHeadParam = z.object({ userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });

const Label = z.string().trim().min(1).max(120);

export const SalesHeadProfileBody = z
  .object({
    teamName: Label.nullable().optional(),
    region: Label.nullable().optional(),
    platform: z.string().trim().min(1).max(60).optional().openapi({ description: 'A platform key, e.g. my-analytics-school' }),
    autoAssignEnabled: z.boolean().optional().openapi({ description: 'Assignment rules may route leads to this team’s round robin' }),
    requiresAssignmentApproval: z.boolean().optional().openapi({ description: 'A member’s claim on leads waits for this head’s (or an admin’s) approval; otherwise it applies at once' }),
    maxOpenLeadsPerSalesperson: z.number().int().min(1).max(MAX_OPEN_LEADS_CAP).nullable().optional().openapi({ description: 'Cap on open leads per team member; null: none' }),
    isActive: z.boolean().optional(),
  })
  .strict()
  .openapi('SalesHeadProfileWrite');

export const SalesHeadListQuery = PageQuery.extend({
  platform: z.string().trim().min(1).max(60).optional(),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const SalesHeadProfileView = z
  .object({
    id: z.uuid().nullable().openapi({ description: 'Null: no profile stored yet (the defaults apply)' }),
    userId: z.uuid(),
    teamName: z.string().nullable(),
    region: z.string().nullable(),
    platform: z.string(),
    autoAssignEnabled: z.boolean(),
    requiresAssignmentApproval: z.boolean(),
    maxOpenLeadsPerSalesperson: z.number().int().nullable(),
    isActive: z.boolean(),
    teamSize: z.number().int().openapi({ description: 'Active SALES users whose salesHeadId is this head' }),
    createdAt: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('SalesHeadProfile');
