// Per-user LLM keys over HTTP; services/ai/llm-keys.ts holds the check, the sealing and the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { adminListUserLlmKeys, deleteUserLlmKey, getUserLlmKey, listUserLlmKeys, revokeUserLlmKeys, saveUserLlmKey } from '../../../services/ai/llm-keys.js';
import type { AppEnv } from '../../deps.js';
import type { adminListUserLlmKeysRoute, adminRevokeUserLlmKeysRoute, deleteMyLlmKeyRoute, getMyLlmKeyRoute, listMyLlmKeysRoute, saveMyLlmKeyRoute } from './llm-keys.routes.js';

export const listMyLlmKeysHandler: RouteHandler<typeof listMyLlmKeysRoute, AppEnv> = async (c) => c.json({ items: await listUserLlmKeys(c.get('deps'), c.get('auth')!.userId) }, 200);

export const saveMyLlmKeyHandler: RouteHandler<typeof saveMyLlmKeyRoute, AppEnv> = async (c) => {
  const { key, created } = await saveUserLlmKey(c.get('deps'), c.get('auth')!.userId, c.req.valid('json'));
  return created ? c.json(key, 201) : c.json(key, 200);
};

export const getMyLlmKeyHandler: RouteHandler<typeof getMyLlmKeyRoute, AppEnv> = async (c) => c.json(await getUserLlmKey(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);

export const deleteMyLlmKeyHandler: RouteHandler<typeof deleteMyLlmKeyRoute, AppEnv> = async (c) => {
  await deleteUserLlmKey(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id);
  return c.body(null, 204);
};

export const adminListUserLlmKeysHandler: RouteHandler<typeof adminListUserLlmKeysRoute, AppEnv> = async (c) => c.json({ items: await adminListUserLlmKeys(c.get('deps'), c.req.valid('param').id) }, 200);

export const adminRevokeUserLlmKeysHandler: RouteHandler<typeof adminRevokeUserLlmKeysRoute, AppEnv> = async (c) =>
  c.json(await revokeUserLlmKeys(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json') ?? {}), 200);
