// Request and response schemas of program applications, shared by the applicant's routes and
// the admin routes. The free form answers and the attribution are bounded JSON.
import { z } from '@hono/zod-openapi';
import { applicationLifecycle } from '../../../domain/application/status.js';
import { batchLifecycle } from '../../../domain/batch/status.js';
import { boundedJson, type JsonBounds } from '../../../domain/json-bounds.js';

/** The application form's answers: a few sections of fields, a little nesting. */
export const FORM_DATA_BOUNDS: JsonBounds = { maxDepth: 6, maxBytes: 32 * 1024 };
/** utm_source, utm_campaign, referrer…: flat in practice. */
export const ATTRIBUTION_BOUNDS: JsonBounds = { maxDepth: 3, maxBytes: 4 * 1024 };

const FormData = boundedJson(FORM_DATA_BOUNDS, z.record(z.string().max(200), z.unknown())).openapi({ description: 'Answers to the application form (education, experience, motivation…)' });
const Attribution = boundedJson(ATTRIBUTION_BOUNDS, z.record(z.string().max(100), z.unknown())).openapi({ description: 'Marketing attribution (utm_source, utm_campaign, referrer)' });
const Phone = z.string().trim().max(16).regex(/^\+[1-9]\d{7,14}$/, 'Use E.164, e.g. +919812345678');

export const ApplyBody = z
  .object({
    batchId: z.uuid(),
    phone: Phone.optional().openapi({ description: 'Defaults to the phone on your account' }),
    formData: FormData.optional(),
    attribution: Attribution.optional(),
  })
  .strict()
  .openapi('ApplyToBatchRequest');

export const UpdateDraftBody = z
  .object({ phone: Phone.nullable().optional(), formData: FormData.optional(), attribution: Attribution.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateApplicationDraftRequest');

const when = z.string().nullable();

export const BatchSummary = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    status: z.enum(batchLifecycle.states),
    startDate: when,
    endDate: when,
    applicationDeadline: when,
    capacity: z.number().int().nullable(),
  })
  .openapi('BatchSummary');

export const ApplicationView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    batchId: z.uuid().nullable().openapi({ description: 'The batch applied for; after allocation, the batch allocated' }),
    status: z.enum(applicationLifecycle.states),
    name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    formData: z.record(z.string(), z.unknown()).nullable(),
    attribution: z.record(z.string(), z.unknown()).nullable(),
    platform: z.string().nullable(),
    feePaise: z.number().int().nullable().openapi({ description: 'The batch fee when applied, INR paise' }),
    discountPaise: z.number().int().openapi({ description: 'The approved discount, INR paise' }),
    amountDuePaise: z.number().int().openapi({ description: 'feePaise − discountPaise, never below 0' }),
    amountPaidPaise: z.number().int(),
    currency: z.string(),
    rejectionReason: z.string().nullable(),
    deboardReason: z.string().nullable(),
    submittedAt: when,
    reviewedAt: when,
    paidAt: when,
    enrolledAt: when,
    deboardedAt: when,
    createdAt: z.string(),
    updatedAt: z.string(),
    batch: BatchSummary.nullable(),
  })
  .openapi('ProgramApplication');

export const AdminApplicationView = ApplicationView.extend({ reviewedById: z.uuid().nullable() }).openapi('AdminProgramApplication');

export const ApplicationId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
