// HR phone-call configurations over HTTP; services/hire/hr-call-configs.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createHrCallConfig, deleteHrCallConfig, listHrCallConfigs, toHrCallConfigView, updateHrCallConfig } from '../../../services/hire/hr-call-configs.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { createHrCallConfigRoute, deleteHrCallConfigRoute, listHrCallConfigsRoute, updateHrCallConfigRoute } from './hr-call-configs.routes.js';

export const listHrCallConfigsHandler: RouteHandler<typeof listHrCallConfigsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listHrCallConfigs(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toHrCallConfigView), nextCursor }, 200);
};

export const createHrCallConfigHandler: RouteHandler<typeof createHrCallConfigRoute, AppEnv> = async (c) => c.json(await createHrCallConfig(c.get('deps'), c.req.valid('json')), 201);

export const updateHrCallConfigHandler: RouteHandler<typeof updateHrCallConfigRoute, AppEnv> = async (c) => c.json(await updateHrCallConfig(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteHrCallConfigHandler: RouteHandler<typeof deleteHrCallConfigRoute, AppEnv> = async (c) => {
  await deleteHrCallConfig(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};
