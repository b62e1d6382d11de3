// Bodies and views of assignment hand-ins and their grades.
import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../pagination.js';

const Link = z.object({ title: z.string().trim().min(1).max(200), url: z.url().max(2000) }).strict().openapi('SubmissionLink');

export const SubmitAssignmentBody = z
  .object({ content: z.string().trim().min(1).max(20_000).optional().openapi({ description: 'The answer, or a note with the work' }), links: z.array(Link).max(10).optional() })
  .strict()
  .refine((b) => b.content !== undefined || (b.links?.length ?? 0) > 0, { message: 'Give content or at least one link' })
  .openapi('AssignmentSubmit');

export const GradeBody = z.object({ score: z.number().int().min(0).max(100_000), feedback: z.string().trim().max(5000).optional() }).strict().openapi('AssignmentGrade');

export const SubmissionView = z
  .object({
    id: z.uuid(),
    assignmentId: z.uuid(),
    userId: z.uuid(),
    status: z.enum(['SUBMITTED', 'GRADED']),
    content: z.string().nullable(),
    links: z.array(Link),
    submittedAt: z.string(),
    late: z.boolean().openapi({ description: 'Handed in after the assignment’s dueAt (accepted, flagged)' }),
    score: z.number().int().nullable(),
    maxScore: z.number().int().openapi({ description: 'The assignment’s maxScore (100 when it has none)' }),
    feedback: z.string().nullable(),
    gradedById: z.uuid().nullable(),
    gradedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AssignmentSubmission');

export const SubmissionQuery = PageQuery.extend({
  graded: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  userId: z.uuid().optional(),
});

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
