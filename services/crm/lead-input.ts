// The lead payload shared by CRM capture and the vendor API: validated by zod (400 with field
// paths), then normalised into the form the dedupe keys compare (E.164 phone, lower-case email).
import { z } from '@hono/zod-openapi';
import { normalizeEmail, normalizePhone } from '../../domain/crm/phone.js';
import type { ExtraData } from '../../domain/crm/lead-merge.js';
import { boundedJson, EXTRA_DATA_BOUNDS } from '../../domain/json-bounds.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const phone = z
  .string()
  .trim()
  .max(32)
  .refine((v) => normalizePhone(v) !== null, { message: 'Not a valid phone number (10 digits, or +<country code><number>)' });

export const SESSION_YEAR = z
  .string()
  .trim()
  .regex(/^\d{4}(-\d{2})?$/, 'Use a year such as "2026" or an intake such as "2026-27"')
  .openapi({ example: '2026' });

/** Contact and profile fields; each optional except the name. */
export const leadContactShape = {
  name: text(200).openapi({ example: 'Riya Sharma' }),
  phone: phone.optional().openapi({ example: '98765 43210', description: 'Normalised to E.164; 10-digit numbers are taken as Indian (+91)' }),
  email: z.email().max(254).optional().openapi({ example: 'riya@example.com', description: 'Stored lower-cased' }),
  alternatePhone: phone.optional(),
  city: text(100).optional(),
  state: text(100).optional(),
  college: text(200).optional(),
  qualification: text(200).optional(),
  graduationYear: z.number().int().min(1950).max(2100).optional(),
  sessionYear: SESSION_YEAR.optional().openapi({ description: 'Academic intake; defaults to the current year' }),
  sourceDetail: text(200).optional().openapi({ description: 'Vendor name, webinar title, campaign or form name' }),
  utmSource: text(200).optional(),
  utmMedium: text(200).optional(),
  utmCampaign: text(200).optional(),
  extraData: boundedJson(EXTRA_DATA_BOUNDS, z.record(z.string().max(100), z.unknown())).optional().openapi({ description: 'Source-specific fields with no column of their own' }),
};

export const needsPhoneOrEmail = {
  check: (b: { phone?: string | undefined; email?: string | undefined }) => b.phone !== undefined || b.email !== undefined,
  params: { message: 'Give a phone or an email (or both)', path: ['phone'] },
};

type ContactInput = {
  name: string;
  phone?: string | undefined;
  email?: string | undefined;
  alternatePhone?: string | undefined;
  city?: string | undefined;
  state?: string | undefined;
  college?: string | undefined;
  qualification?: string | undefined;
  graduationYear?: number | undefined;
  sourceDetail?: string | undefined;
  utmSource?: string | undefined;
  utmMedium?: string | undefined;
  utmCampaign?: string | undefined;
  extraData?: ExtraData | undefined;
};

/** The validated body in stored form. The refinements above guarantee the phones normalise. */
export function normalizeContact(body: ContactInput) {
  return {
    name: body.name,
    phone: body.phone === undefined ? null : normalizePhone(body.phone),
    email: body.email === undefined ? null : normalizeEmail(body.email),
    fields: {
      alternatePhone: body.alternatePhone === undefined ? null : normalizePhone(body.alternatePhone),
      city: body.city ?? null,
      state: body.state ?? null,
      college: body.college ?? null,
      qualification: body.qualification ?? null,
      graduationYear: body.graduationYear ?? null,
      sourceDetail: body.sourceDetail ?? null,
      utmSource: body.utmSource ?? null,
      utmMedium: body.utmMedium ?? null,
      utmCampaign: body.utmCampaign ?? null,
    },
    extraData: body.extraData,
  };
}
