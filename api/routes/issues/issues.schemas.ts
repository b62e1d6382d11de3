// Bodies and views of user-reported issues.
import { z } from '@hono/zod-openapi';
import { ISSUE_CATEGORIES, issueLifecycle } from '../../../domain/issues/status.js';
import { PageQuery } from '../../pagination.js';

export const IssueView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    title: z.string(),
    description: z.string(),
    category: z.string().nullable(),
    status: z.enum(issueLifecycle.states),
    slotId: z.uuid().nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('UserIssue');

export const FileIssueBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    description: z.string().trim().min(1).max(5000),
    category: z.enum(ISSUE_CATEGORIES).optional(),
    slotId: z.uuid().optional().openapi({ description: 'The session the issue is about (one you were in)' }),
  })
  .strict()
  .openapi('FileIssue');

export const MoveIssueBody = z
  .object({
    status: z.enum(issueLifecycle.states),
    note: z.string().trim().min(1).max(2000).optional().openapi({ description: 'Shown to the reporter in the notification' }),
  })
  .strict()
  .openapi('MoveIssue');

export const IssueQuery = PageQuery.extend({
  status: z.enum(issueLifecycle.states).optional(),
  category: z.enum(ISSUE_CATEGORIES).optional(),
  userId: z.uuid().optional(),
});

export const IssueId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
