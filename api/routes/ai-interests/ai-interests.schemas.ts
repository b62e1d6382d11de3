// The public "AI for everyone" interest form and the staff list. Every field is bounded; the
// email is lower-cased and the phone normalised to E.164 here, before the service sees them.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';
import { FormEmail as Email, FormPhone, Text, Utm } from '../lms-profiles/lms-fields.js';


export const InterestBody = z
  .object({
    name: Text(120),
    email: Email,
    phone: FormPhone.optional(),
    profession: Text(120).optional(),
    experienceLevel: Text(60).optional(),
    city: Text(100).optional(),
    message: Text(2000).optional(),
    source: Text(100).optional().openapi({ description: 'Where the form sits (page / campaign)' }),
    utmSource: Utm.optional(),
    utmMedium: Utm.optional(),
    utmCampaign: Utm.optional(),
    contactMe: z.boolean().optional().openapi({ description: 'Also capture me as a CRM lead (merged with an existing lead of the same phone or email); default false' }),
  })
  .strict()
  .openapi('AiInterestCreate');

export const InterestAccepted = z
  .object({
    id: z.uuid(),
    created: z.boolean().openapi({ description: 'false: this email had registered interest before; that row was updated' }),
    lead: z.object({ id: z.uuid(), merged: z.boolean() }).nullable().openapi({ description: 'The CRM lead, when contactMe' }),
  })
  .openapi('AiInterestAccepted');

export const InterestsQuery = PageQuery.extend({
  email: Email.optional(),
  source: Text(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().openapi({ description: 'First submitted at or after' }),
  to: z.iso.datetime({ offset: true }).optional().openapi({ description: 'First submitted before' }),
});

export const InterestView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    profession: z.string().nullable(),
    experienceLevel: z.string().nullable(),
    city: z.string().nullable(),
    message: z.string().nullable(),
    source: z.string().nullable(),
    utmSource: z.string().nullable(),
    utmMedium: z.string().nullable(),
    utmCampaign: z.string().nullable(),
    contactedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AiInterest');
