// Announcement bodies, filters and the view.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';
import { Instant, Text } from '../lms-profiles/lms-fields.js';

export const CreateAnnouncementBody = z
  .object({
    title: Text(200),
    body: Text(10_000),
    batchId: z.uuid().optional().openapi({ description: 'Only this batch’s students see it' }),
    courseId: z.uuid().optional().openapi({ description: 'Only students enrolled in this (legacy) course see it' }),
    isPinned: z.boolean().optional(),
    expiresAt: Instant.nullable().optional(),
    publish: z.boolean().optional().openapi({ description: 'Publish at once (default: save a draft)' }),
  })
  .strict()
  .refine((b) => !(b.batchId && b.courseId), { message: 'Scope an announcement to a batch or a course, not both', path: ['courseId'] })
  .openapi('AnnouncementCreate');

export const UpdateAnnouncementBody = z
  .object({
    title: Text(200).optional(),
    body: Text(10_000).optional(),
    isPinned: z.boolean().optional(),
    expiresAt: Instant.nullable().optional().openapi({ description: 'Now or earlier expires it at once; null never expires' }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('AnnouncementUpdate');

export const AnnouncementQuery = PageQuery.extend({ batchId: z.uuid().optional(), courseId: z.uuid().optional(), state: z.enum(['draft', 'published']).optional() });

export const AnnouncementView = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    batchId: z.uuid().nullable(),
    courseId: z.uuid().nullable(),
    authorId: z.uuid().nullable(),
    isPinned: z.boolean(),
    publishedAt: z.string().nullable().openapi({ description: 'Null while a draft' }),
    expiresAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Announcement');
