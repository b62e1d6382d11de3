// External (partner-hosted) course bodies, filters and the view.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';
import { HttpsUrl, Text } from '../lms-profiles/lms-fields.js';

const Key = z.string().trim().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'Lower-case key, e.g. coursera');
const Level = z.enum(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']);
const Rupees = z.string().regex(/^\d{1,10}(\.\d{1,2})?$/, 'Rupees, e.g. "4999.00"');

const fields = {
  provider: Key,
  externalId: Text(200),
  title: Text(300),
  description: Text(5000).nullable().optional(),
  url: HttpsUrl,
  thumbnailUrl: HttpsUrl.nullable().optional(),
  category: Text(100).nullable().optional(),
  level: Level.nullable().optional(),
  durationHours: z.number().int().min(0).max(10_000).nullable().optional(),
  price: Rupees.nullable().optional().openapi({ description: 'Provider list price in rupees; null when free or unknown' }),
  currency: z.string().regex(/^[A-Z]{3}$/).optional(),
  isActive: z.boolean().optional(),
};

export const CreateExternalCourseBody = z.object(fields).strict().openapi('ExternalCourseCreate');

export const UpdateExternalCourseBody = z
  .object({ ...fields, provider: Key.optional(), externalId: Text(200).optional(), title: Text(300).optional(), url: HttpsUrl.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('ExternalCourseUpdate');

export const ExternalCourseQuery = PageQuery.extend({ category: z.string().trim().min(1).max(100).optional(), provider: Key.optional() });
export const AdminExternalCourseQuery = ExternalCourseQuery.extend({ includeInactive: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

export const ExternalCourseView = z
  .object({
    id: z.uuid(),
    provider: z.string(),
    externalId: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    url: z.string(),
    thumbnailUrl: z.string().nullable(),
    category: z.string().nullable(),
    level: Level.nullable(),
    durationHours: z.number().int().nullable(),
    price: z.string().nullable(),
    currency: z.string(),
    isActive: z.boolean(),
    lastSyncedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ExternalCourse');
