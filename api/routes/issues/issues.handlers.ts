// User-reported issues over HTTP; services/issues/ holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { fileIssue, getIssue, listIssues, moveIssue, toIssueView } from '../../../services/issues/issues.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { fileIssueRoute, getIssueRoute, listIssuesRoute, moveIssueRoute, myIssuesRoute } from './issues.routes.js';

export const fileIssueHandler: RouteHandler<typeof fileIssueRoute, AppEnv> = async (c) => c.json(await fileIssue(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const myIssuesHandler: RouteHandler<typeof myIssuesRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listIssues(c.get('deps'), { userId: c.get('auth')!.userId }, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toIssueView), nextCursor }, 200);
};

export const getIssueHandler: RouteHandler<typeof getIssueRoute, AppEnv> = async (c) => c.json(await getIssue(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const moveIssueHandler: RouteHandler<typeof moveIssueRoute, AppEnv> = async (c) => {
  const { status, note } = c.req.valid('json');
  return c.json(await moveIssue(c.get('deps'), c.get('auth')!, c.req.valid('param').id, status, note ?? null), 200);
};

export const listIssuesHandler: RouteHandler<typeof listIssuesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listIssues(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toIssueView), nextCursor }, 200);
};
