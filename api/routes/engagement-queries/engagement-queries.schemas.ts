// Bodies and views of student queries (support tickets) and their replies.
import { z } from '@hono/zod-openapi';
import { QUERY_CATEGORIES, studentQueryLifecycle } from '../../../domain/engagement/queries.js';
import { StudentQueryPriority } from '../../../prisma/generated/enums.js';
import { PageQuery } from '../../pagination.js';

const Status = z.enum(studentQueryLifecycle.states);
const Priority = z.enum(StudentQueryPriority);

export const QueryView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    assignedToId: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    category: z.string().nullable(),
    subject: z.string(),
    description: z.string(),
    status: Status,
    priority: Priority,
    resolution: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    firstResponseAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('StudentQuery');
export const ReplyView = z.object({ id: z.uuid(), queryId: z.uuid(), authorId: z.uuid(), fromStaff: z.boolean(), body: z.string(), createdAt: z.string() }).openapi('StudentQueryReply');
export const QueryWithRepliesView = QueryView.extend({ replies: z.array(ReplyView) }).openapi('StudentQueryWithReplies');

export const RaiseQueryBody = z
  .object({ subject: z.string().trim().min(1).max(200), description: z.string().trim().min(1).max(5000), category: z.enum(QUERY_CATEGORIES).optional(), priority: Priority.optional(), batchId: z.uuid().optional() })
  .strict()
  .openapi('RaiseStudentQuery');
export const ReplyBody = z.object({ body: z.string().trim().min(1).max(5000) }).strict().openapi('ReplyToStudentQuery');
export const UpdateQueryBody = z
  .object({ status: Status.optional(), assignedToId: z.uuid().nullable().optional(), priority: Priority.optional(), resolution: z.string().trim().min(1).max(5000).optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateStudentQuery');
export const QueriesQuery = PageQuery.extend({
  status: Status.optional(),
  assignedToId: z.uuid().optional(),
  unassigned: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const QueryId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
