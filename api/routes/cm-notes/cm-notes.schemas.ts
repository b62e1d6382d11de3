// Bodies and views of community managers' notes about students.
import { z } from '@hono/zod-openapi';
import { CM_NOTE_CATEGORIES } from '../../../services/cm-notes/cm-notes.js';
import { PageQuery } from '../../pagination.js';

export const CmNoteView = z
  .object({
    id: z.uuid(),
    studentId: z.uuid(),
    authorId: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    category: z.enum(CM_NOTE_CATEGORIES),
    content: z.string(),
    isPinned: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('CmNote');

const Content = z.string().trim().min(1).max(5000);
export const AddCmNoteBody = z
  .object({
    content: Content,
    category: z.enum(CM_NOTE_CATEGORIES).optional(),
    isPinned: z.boolean().optional(),
    batchId: z.uuid().optional().openapi({ description: 'The batch to file it under (one of the student’s you manage); default the most recent' }),
  })
  .strict()
  .openapi('AddCmNote');
export const UpdateCmNoteBody = z
  .object({ content: Content.optional(), category: z.enum(CM_NOTE_CATEGORIES).optional(), isPinned: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateCmNote');

const Pinned = z.enum(['true', 'false']).transform((v) => v === 'true').optional();
export const StudentNotesQuery = PageQuery.extend({ category: z.enum(CM_NOTE_CATEGORIES).optional(), pinned: Pinned });
export const CmNotesQuery = PageQuery.extend({ batchId: z.uuid().optional(), authorId: z.uuid().optional(), category: z.enum(CM_NOTE_CATEGORIES).optional(), pinned: Pinned });

export const StudentId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const NoteId = StudentId;
