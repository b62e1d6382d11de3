// Batch lead pools over HTTP; services/crm/batch-assignments.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { distributeBatchLeads, listPool, putPoolMember, removePoolMember } from '../../../services/crm/batch-assignments.js';
import type { AppEnv } from '../../deps.js';
import type { distributeRoute, listPoolRoute, putPoolMemberRoute, removePoolMemberRoute } from './crm-batch-pools.routes.js';

export const listPoolHandler: RouteHandler<typeof listPoolRoute, AppEnv> = async (c) => c.json({ items: await listPool(c.get('deps'), c.req.valid('param').batchId) }, 200);

export const putPoolMemberHandler: RouteHandler<typeof putPoolMemberRoute, AppEnv> = async (c) => {
  const { batchId, userId } = c.req.valid('param');
  return c.json(await putPoolMember(c.get('deps'), batchId, userId, c.req.valid('json')), 200);
};

export const removePoolMemberHandler: RouteHandler<typeof removePoolMemberRoute, AppEnv> = async (c) => {
  const { batchId, userId } = c.req.valid('param');
  await removePoolMember(c.get('deps'), batchId, userId);
  return c.body(null, 204);
};

export const distributeHandler: RouteHandler<typeof distributeRoute, AppEnv> = async (c) =>
  c.json(await distributeBatchLeads(c.get('deps'), c.get('auth')!, c.req.valid('param').batchId, c.req.valid('json')), 200);
