// Sales-head profiles over HTTP; services/crm/sales-heads.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { getSalesHeadProfile, listSalesHeads, putSalesHeadProfile, toSalesHeadProfileView } from '../../../services/crm/sales-heads.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { getSalesHeadProfileRoute, listSalesHeadsRoute, putSalesHeadProfileRoute } from './crm-sales-heads.routes.js';

export const getProfileHandler: RouteHandler<typeof getSalesHeadProfileRoute, AppEnv> = async (c) => c.json(await getSalesHeadProfile(c.get('deps'), c.get('auth')!, c.req.valid('param').userId), 200);

export const putProfileHandler: RouteHandler<typeof putSalesHeadProfileRoute, AppEnv> = async (c) => c.json(await putSalesHeadProfile(c.get('deps'), c.req.valid('param').userId, c.req.valid('json')), 200);

export const listHandler: RouteHandler<typeof listSalesHeadsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const rows = await listSalesHeads(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows.map((r) => ({ ...r, id: r.row.id, createdAt: r.row.createdAt })), limit);
  return c.json({ items: items.map((r) => toSalesHeadProfileView(r.row, r.teamSize)), nextCursor }, 200);
};
