// Agent configurations over HTTP; services/ai/agents.ts holds the versioning rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createAgent, deleteAgent, diffAgentVersions, getAgent, getAgentVersion, listAgents, listAgentVersions, rollbackAgent, toAgentView, updateAgent } from '../../../services/ai/agents.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  createAgentRoute,
  deleteAgentRoute,
  diffAgentVersionsRoute,
  getAgentRoute,
  getAgentVersionRoute,
  listAgentsRoute,
  listAgentVersionsRoute,
  rollbackAgentRoute,
  updateAgentRoute,
} from './agents.routes.js';

const actor = (c: { get(k: 'auth'): { userId: string } | undefined }) => c.get('auth')!.userId;

export const createAgentHandler: RouteHandler<typeof createAgentRoute, AppEnv> = async (c) => c.json(await createAgent(c.get('deps'), actor(c), c.req.valid('json')), 201);

export const listAgentsHandler: RouteHandler<typeof listAgentsRoute, AppEnv> = async (c) => {
  const { cursor, limit, isActive } = c.req.valid('query');
  const rows = await listAgents(c.get('deps'), { isActive }, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toAgentView), nextCursor }, 200);
};

export const getAgentHandler: RouteHandler<typeof getAgentRoute, AppEnv> = async (c) => c.json(await getAgent(c.get('deps'), c.req.valid('param').id), 200);

export const updateAgentHandler: RouteHandler<typeof updateAgentRoute, AppEnv> = async (c) => c.json(await updateAgent(c.get('deps'), actor(c), c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteAgentHandler: RouteHandler<typeof deleteAgentRoute, AppEnv> = async (c) => {
  await deleteAgent(c.get('deps'), c.req.valid('param').id, c.req.valid('query').version);
  return c.body(null, 204);
};

export const listAgentVersionsHandler: RouteHandler<typeof listAgentVersionsRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const rows = await listAgentVersions(c.get('deps'), c.req.valid('param').id, { before: cursor ? Number(cursor) : undefined, take: limit + 1 });
  const items = rows.slice(0, limit);
  return c.json({ items, nextCursor: rows.length > limit ? String(items.at(-1)!.version) : null }, 200);
};

export const getAgentVersionHandler: RouteHandler<typeof getAgentVersionRoute, AppEnv> = async (c) => {
  const { id, version } = c.req.valid('param');
  return c.json(await getAgentVersion(c.get('deps'), id, version), 200);
};

export const diffAgentVersionsHandler: RouteHandler<typeof diffAgentVersionsRoute, AppEnv> = async (c) => {
  const { from, to } = c.req.valid('query');
  return c.json(await diffAgentVersions(c.get('deps'), c.req.valid('param').id, from, to), 200);
};

export const rollbackAgentHandler: RouteHandler<typeof rollbackAgentRoute, AppEnv> = async (c) => c.json(await rollbackAgent(c.get('deps'), actor(c), c.req.valid('param').id, c.req.valid('json')), 200);
