// Vendor key usage over HTTP; services/vendor/key-usage.ts holds the reads.
import type { RouteHandler } from '@hono/zod-openapi';
import { keyAccessSummaries, keyLeads, toKeyLeadView } from '../../../services/vendor/key-usage.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { keyLeadsRoute, keySummariesRoute } from './vendor-key-usage.routes.js';

export const keySummariesHandler: RouteHandler<typeof keySummariesRoute, AppEnv> = async (c) => c.json(await keyAccessSummaries(c.get('deps'), c.req.valid('param').id, c.req.valid('query')), 200);

export const keyLeadsHandler: RouteHandler<typeof keyLeadsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await keyLeads(c.get('deps'), c.req.valid('param').id, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toKeyLeadView), nextCursor }, 200);
};
