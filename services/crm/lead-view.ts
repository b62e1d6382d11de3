// The CRM lead as the api shows it, and the visibility rule as a Prisma filter: every read
// of a lead goes through visibleLeadsWhere, so a lead a user may not see answers 404.
import { z } from '@hono/zod-openapi';
import { seesAllLeads } from '../../domain/crm/access.js';
import { type Prisma, RawLeadInterestLevel, RawLeadSourceType, RawLeadStatus, type RawLead } from '../../prisma/generated/client.js';
import type { AuthContext } from '../deps.js';

export const CrmLead = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ example: '+919876543210' }),
    alternatePhone: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    college: z.string().nullable(),
    qualification: z.string().nullable(),
    graduationYear: z.number().int().nullable(),
    sessionYear: z.string(),
    sourceType: z.enum(RawLeadSourceType),
    sourceDetail: z.string().nullable(),
    utmSource: z.string().nullable(),
    utmMedium: z.string().nullable(),
    utmCampaign: z.string().nullable(),
    vendorLeadId: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    webinarId: z.uuid().nullable(),
    status: z.enum(RawLeadStatus),
    interestLevel: z.enum(RawLeadInterestLevel).nullable(),
    assignedTo: z.uuid().nullable(),
    assignedAt: z.string().nullable(),
    owningSalesHeadId: z.uuid().nullable(),
    platform: z.string(),
    extraData: z.unknown().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CrmLead');

export function toCrmLead(l: RawLead): z.infer<typeof CrmLead> {
  return {
    id: l.id,
    name: l.name,
    email: l.email,
    phone: l.phone,
    alternatePhone: l.alternatePhone,
    city: l.city,
    state: l.state,
    college: l.college,
    qualification: l.qualification,
    graduationYear: l.graduationYear,
    sessionYear: l.sessionYear,
    sourceType: l.sourceType,
    sourceDetail: l.sourceDetail,
    utmSource: l.utmSource,
    utmMedium: l.utmMedium,
    utmCampaign: l.utmCampaign,
    vendorLeadId: l.vendorLeadId,
    batchId: l.batchId,
    webinarId: l.webinarId,
    status: l.status,
    interestLevel: l.interestLevel,
    assignedTo: l.assignedTo,
    assignedAt: l.assignedAt?.toISOString() ?? null,
    owningSalesHeadId: l.owningSalesHeadId,
    platform: l.platform,
    extraData: l.extraData ?? null,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** The leads `auth` may see: all for admins; for SALES, their own, their team's, and those they own as head. */
export function visibleLeadsWhere(auth: AuthContext): Prisma.RawLeadWhereInput {
  if (seesAllLeads(auth.role)) return {};
  return { OR: [{ assignedTo: auth.userId }, { owningSalesHeadId: auth.userId }, { assignee: { is: { salesHeadId: auth.userId } } }] };
}
