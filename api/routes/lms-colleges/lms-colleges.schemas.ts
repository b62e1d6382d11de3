// College directory search, staff edits, and the view.
import { z } from '@hono/zod-openapi';
import { MAX_PAGE_SIZE } from '../../pagination.js';
import { Text } from '../lms-profiles/lms-fields.js';

export const CollegeQuery = z.object({
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Start of any word of the name, or of the code (case-insensitive)' }),
  state: z.string().trim().min(1).max(100).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

export const AdminCollegeQuery = CollegeQuery.extend({ includeInactive: z.enum(['true', 'false']).optional().transform((v) => v === 'true') });

const Code = z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9-]+$/, 'Letters, digits and hyphens, e.g. U-0123');

export const CreateCollegeBody = z
  .object({ name: Text(200), code: Code.nullable().optional().openapi({ description: 'AISHE code when known' }), city: Text(100).nullable().optional(), state: Text(100).nullable().optional(), country: Text(100).optional() })
  .strict()
  .openapi('CollegeCreate');

export const UpdateCollegeBody = z
  .object({
    name: Text(200).optional(),
    code: Code.nullable().optional(),
    city: Text(100).nullable().optional(),
    state: Text(100).nullable().optional(),
    country: Text(100).optional(),
    isActive: z.boolean().optional().openapi({ description: 'false deactivates: hidden from search, refused for new profiles' }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('CollegeUpdate');

export const CollegeView = z
  .object({ id: z.uuid(), name: z.string(), code: z.string().nullable(), city: z.string().nullable(), state: z.string().nullable(), country: z.string(), isActive: z.boolean(), createdAt: z.string() })
  .openapi('College');
