// Vendor API key admin: HTTP only. services/vendor/vendor-keys.ts holds the lifecycle rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { createVendorKey, listVendorKeys, revokeVendorKey, rotateVendorKey, setVendorKeyStatus, toVendorKey } from '../../../services/vendor/vendor-keys.js';
import type { createVendorKeyRoute, disableVendorKeyRoute, enableVendorKeyRoute, listVendorKeysRoute, revokeVendorKeyRoute, rotateVendorKeyRoute } from './vendor-keys.routes.js';

export const createVendorKeyHandler: RouteHandler<typeof createVendorKeyRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const platform = body.platform ?? (c.get('platformExplicit') ? c.get('platform') : undefined);
  return c.json(await createVendorKey(c.get('deps'), c.get('auth')!.userId, { ...body, platform }), 201);
};

export const listVendorKeysHandler: RouteHandler<typeof listVendorKeysRoute, AppEnv> = async (c) => {
  const { cursor, limit, status, vendorName } = c.req.valid('query');
  const rows = await listVendorKeys(c.get('deps'), { page: keyset(cursor), take: limit + 1, status, vendorName });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toVendorKey), nextCursor }, 200);
};

function statusHandler(to: 'ACTIVE' | 'DISABLED'): RouteHandler<typeof disableVendorKeyRoute | typeof enableVendorKeyRoute, AppEnv> {
  return async (c) => c.json(await setVendorKeyStatus(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, to), 200);
}

export const disableVendorKeyHandler = statusHandler('DISABLED');
export const enableVendorKeyHandler = statusHandler('ACTIVE');

export const revokeVendorKeyHandler: RouteHandler<typeof revokeVendorKeyRoute, AppEnv> = async (c) =>
  c.json(await revokeVendorKey(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json').reason), 200);

export const rotateVendorKeyHandler: RouteHandler<typeof rotateVendorKeyRoute, AppEnv> = async (c) => c.json(await rotateVendorKey(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 201);
