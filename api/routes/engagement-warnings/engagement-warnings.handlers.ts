// Student warnings over HTTP; services/engagement/warnings.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { acknowledgeWarning, issueWarning, listMyWarnings, listStudentWarnings, revokeWarning, toWarningView } from '../../../services/engagement/warnings.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { acknowledgeWarningRoute, issueWarningRoute, myWarningsRoute, revokeWarningRoute, studentWarningsRoute } from './engagement-warnings.routes.js';

export const issueWarningHandler: RouteHandler<typeof issueWarningRoute, AppEnv> = async (c) => c.json(await issueWarning(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const studentWarningsHandler: RouteHandler<typeof studentWarningsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listStudentWarnings(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toWarningView), nextCursor }, 200);
};

export const revokeWarningHandler: RouteHandler<typeof revokeWarningRoute, AppEnv> = async (c) => c.json(await revokeWarning(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const myWarningsHandler: RouteHandler<typeof myWarningsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listMyWarnings(c.get('deps'), c.get('auth')!, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toWarningView), nextCursor }, 200);
};

export const acknowledgeWarningHandler: RouteHandler<typeof acknowledgeWarningRoute, AppEnv> = async (c) => c.json(await acknowledgeWarning(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
