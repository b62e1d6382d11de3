// Student queries over HTTP; services/engagement/queries.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { getQuery, listQueries, raiseQuery, replyToQuery, toQueryView, updateQuery } from '../../../services/engagement/queries.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { getQueryRoute, listQueriesRoute, raiseQueryRoute, replyQueryRoute, updateQueryRoute } from './engagement-queries.routes.js';

export const raiseQueryHandler: RouteHandler<typeof raiseQueryRoute, AppEnv> = async (c) => c.json(await raiseQuery(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listQueriesHandler: RouteHandler<typeof listQueriesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listQueries(c.get('deps'), c.get('auth')!, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toQueryView), nextCursor }, 200);
};

export const getQueryHandler: RouteHandler<typeof getQueryRoute, AppEnv> = async (c) => c.json(await getQuery(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const replyQueryHandler: RouteHandler<typeof replyQueryRoute, AppEnv> = async (c) => c.json(await replyToQuery(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').body), 201);

export const updateQueryHandler: RouteHandler<typeof updateQueryRoute, AppEnv> = async (c) => c.json(await updateQuery(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
