// The public IIMT application form and the staff list. Every field is bounded; the email is
// lower-cased and the phone normalised to E.164 here, before the service sees them.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';
import { FormEmail, FormPhone, Text, Utm } from '../lms-profiles/lms-fields.js';
import { FlatRecord } from '../league/form-answers.js';

const STATUSES = ['submitted', 'contacted', 'qualified', 'rejected'] as const;

export const IimtBody = z
  .object({
    fullName: Text(120),
    email: FormEmail,
    phone: FormPhone,
    dateOfBirth: z.iso
      .date()
      .refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), 'Not a plausible date of birth')
      .transform((d) => new Date(`${d}T00:00:00Z`))
      .optional()
      .openapi({ type: 'string', format: 'date' }),
    gender: Text(30).optional(),
    city: Text(100).optional(),
    state: Text(100).optional(),
    highestQualification: Text(120).optional(),
    graduationYear: z.number().int().min(1950).max(2100).optional(),
    workExperienceYears: z.number().min(0).max(60).multipleOf(0.1).optional(),
    currentOrganization: Text(200).optional(),
    programOfInterest: Text(200).optional(),
    formData: FlatRecord('Any further form answers').optional(),
    attribution: z.object({ utmSource: Utm.optional(), utmMedium: Utm.optional(), utmCampaign: Utm.optional(), referrer: z.string().trim().min(1).max(2000).optional() }).strict().optional(),
  })
  .strict()
  .openapi('IimtApplicationCreate');

export const IimtAccepted = z
  .object({ id: z.uuid(), created: z.boolean().openapi({ description: 'false: this email had applied before; that application was updated' }) })
  .openapi('IimtApplicationAccepted');

export const IimtView = z
  .object({
    id: z.uuid(),
    fullName: z.string(),
    email: z.string(),
    phone: z.string(),
    dateOfBirth: z.string().nullable(),
    gender: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    highestQualification: z.string().nullable(),
    graduationYear: z.number().int().nullable(),
    workExperienceYears: z.number().nullable(),
    currentOrganization: z.string().nullable(),
    programOfInterest: z.string().nullable(),
    formData: z.record(z.string(), z.unknown()).nullable(),
    attribution: z.record(z.string(), z.string()).nullable(),
    status: z.enum(STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('IimtApplication');

export const IimtQuery = PageQuery.extend({ status: z.enum(STATUSES).optional(), email: FormEmail.optional(), programOfInterest: Text(200).optional() });
export const IimtStatusBody = z.object({ status: z.enum(STATUSES) }).strict().openapi('IimtApplicationStatusChange');
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
