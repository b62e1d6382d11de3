// The public league registration form and the staff list. Every field is bounded; the email is
// lower-cased and phones normalised to E.164 here, before the service sees them.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';
import { FormEmail, FormPhone, Text, Utm } from '../lms-profiles/lms-fields.js';
import { FlatRecord } from './form-answers.js';

const STATUSES = ['REGISTERED', 'CONFIRMED', 'WAITLISTED', 'CANCELLED'] as const;

const TeamMember = z.object({ name: Text(120), email: FormEmail.optional(), phone: FormPhone.optional() }).strict();
export const RegistrationBody = z
  .object({
    name: Text(120),
    email: FormEmail,
    phone: FormPhone.optional(),
    college: Text(200).optional(),
    city: Text(100).optional(),
    teamName: Text(120).optional(),
    teamMembers: z.array(TeamMember).max(10).optional(),
    extraData: FlatRecord('Form answers beyond the fixed fields').optional(),
    utmSource: Utm.optional(),
    utmCampaign: Utm.optional(),
  })
  .strict()
  .openapi('LeagueRegistrationCreate');

export const RegistrationAccepted = z
  .object({
    id: z.uuid(),
    created: z.boolean().openapi({ description: 'false: this email had registered for the event before; that registration was updated' }),
    status: z.enum(STATUSES).openapi({ description: 'WAITLISTED once the event is full' }),
  })
  .openapi('LeagueRegistrationAccepted');

export const RegistrationView = z
  .object({
    id: z.uuid(),
    eventKey: z.string(),
    userId: z.uuid().nullable(),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    college: z.string().nullable(),
    city: z.string().nullable(),
    teamName: z.string().nullable(),
    teamMembers: z.array(z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional() })).nullable(),
    status: z.enum(STATUSES),
    extraData: z.record(z.string(), z.unknown()).nullable(),
    utmSource: z.string().nullable(),
    utmCampaign: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('LeagueRegistration');

export const RegistrationsQuery = PageQuery.extend({ status: z.enum(STATUSES).optional(), email: FormEmail.optional() });
export const StatusBody = z.object({ status: z.enum(STATUSES) }).strict().openapi('LeagueRegistrationStatusChange');
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
