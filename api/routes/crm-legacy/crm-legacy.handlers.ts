// Legacy leads and campaign leads over HTTP; services/crm/{legacy-leads,campaign-leads}.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { captureCampaignLead, listCampaignLeads, toCampaignLeadView } from '../../../services/crm/campaign-leads.js';
import { listLegacyLeads, migrateLegacyLead, toLegacyLeadView } from '../../../services/crm/legacy-leads.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { captureCampaignLeadRoute, listCampaignLeadsRoute, listLegacyLeadsRoute, migrateLegacyLeadRoute } from './crm-legacy.routes.js';

export const listLegacyLeadsHandler: RouteHandler<typeof listLegacyLeadsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listLegacyLeads(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toLegacyLeadView), nextCursor }, 200);
};

export const migrateLegacyLeadHandler: RouteHandler<typeof migrateLegacyLeadRoute, AppEnv> = async (c) => {
  const result = await migrateLegacyLead(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return result.migrated ? c.json(result, 201) : c.json(result, 200);
};

export const captureCampaignLeadHandler: RouteHandler<typeof captureCampaignLeadRoute, AppEnv> = async (c) => {
  const result = await captureCampaignLead(c.get('deps'), c.get('auth')!, c.get('platform'), c.req.valid('json'));
  return result.duplicate ? c.json(result, 200) : c.json(result, 201);
};

export const listCampaignLeadsHandler: RouteHandler<typeof listCampaignLeadsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listCampaignLeads(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toCampaignLeadView), nextCursor }, 200);
};
