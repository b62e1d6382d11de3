// Per-user WhatsApp configs over HTTP; services/notifications/whatsapp-configs.ts holds the check, the sealing and the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { adminListWhatsAppConfigs, deactivateWhatsAppConfig, getWhatsAppConfig, revokeWhatsAppConfig, saveWhatsAppConfig, toWhatsAppConfigView } from '../../../services/notifications/whatsapp-configs.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { adminListWhatsAppConfigsRoute, adminRevokeWhatsAppConfigRoute, deleteMyWhatsAppConfigRoute, getMyWhatsAppConfigRoute, saveMyWhatsAppConfigRoute } from './whatsapp-configs.routes.js';

export const getMyWhatsAppConfigHandler: RouteHandler<typeof getMyWhatsAppConfigRoute, AppEnv> = async (c) => c.json(await getWhatsAppConfig(c.get('deps'), c.get('auth')!.userId), 200);

export const saveMyWhatsAppConfigHandler: RouteHandler<typeof saveMyWhatsAppConfigRoute, AppEnv> = async (c) => {
  const { config, created } = await saveWhatsAppConfig(c.get('deps'), c.get('auth')!.userId, c.req.valid('json'));
  return created ? c.json(config, 201) : c.json(config, 200);
};

export const deleteMyWhatsAppConfigHandler: RouteHandler<typeof deleteMyWhatsAppConfigRoute, AppEnv> = async (c) => {
  await deactivateWhatsAppConfig(c.get('deps'), c.get('auth')!.userId);
  return c.body(null, 204);
};

export const adminListWhatsAppConfigsHandler: RouteHandler<typeof adminListWhatsAppConfigsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await adminListWhatsAppConfigs(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map((r) => toWhatsAppConfigView({ ...r, tokenLast4: null })), nextCursor }, 200);
};

export const adminRevokeWhatsAppConfigHandler: RouteHandler<typeof adminRevokeWhatsAppConfigRoute, AppEnv> = async (c) =>
  c.json(await revokeWhatsAppConfig(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);
