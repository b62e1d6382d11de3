// Typed system config: HTTP only. services/system-config/config-admin.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { listConfig, putConfig } from '../../../services/system-config/config-admin.js';
import type { listConfigRoute, putConfigRoute } from './system-config.routes.js';

export const listConfigHandler: RouteHandler<typeof listConfigRoute, AppEnv> = async (c) => c.json({ items: await listConfig(c.get('deps')) }, 200);

export const putConfigHandler: RouteHandler<typeof putConfigRoute, AppEnv> = async (c) =>
  c.json(await putConfig(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').key, c.req.valid('json')), 200);
