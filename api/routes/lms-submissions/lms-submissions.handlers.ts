// Assignment hand-ins over HTTP; services/lms/submissions.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { getMySubmission, gradeSubmission, listAssignmentSubmissions, submitAssignment, toSubmissionView } from '../../../services/lms/submissions.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { getMySubmissionRoute, gradeSubmissionRoute, listAssignmentSubmissionsRoute, submitAssignmentRoute } from './lms-submissions.routes.js';

export const submitAssignmentHandler: RouteHandler<typeof submitAssignmentRoute, AppEnv> = async (c) =>
  c.json(await submitAssignment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const getMySubmissionHandler: RouteHandler<typeof getMySubmissionRoute, AppEnv> = async (c) => c.json(await getMySubmission(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const listAssignmentSubmissionsHandler: RouteHandler<typeof listAssignmentSubmissionsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listAssignmentSubmissions(c.get('deps'), c.get('auth')!, c.req.valid('param').id, filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toSubmissionView), nextCursor }, 200);
};

export const gradeSubmissionHandler: RouteHandler<typeof gradeSubmissionRoute, AppEnv> = async (c) =>
  c.json(await gradeSubmission(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
