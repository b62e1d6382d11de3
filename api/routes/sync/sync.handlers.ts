// Sync credentials, configs and runs over HTTP; services/sync holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { syncScheduleId } from '../../../domain/sync/systems.js';
import { backfillSyncConfig, createSyncConfig, getSyncConfig, listSyncConfigs, pauseSyncConfig, toConfigView, triggerSyncConfig, unpauseSyncConfig, updateSyncConfig } from '../../../services/sync/configs.js';
import { createSyncCredentials, getSyncCredentials, listSyncCredentials, toCredentialsView, updateSyncCredentials } from '../../../services/sync/credentials.js';
import { getSyncRun, listSyncRuns, toRunView } from '../../../services/sync/run-views.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  backfillConfigRoute,
  createConfigRoute,
  createCredentialsRoute,
  getConfigRoute,
  getCredentialsRoute,
  getRunRoute,
  listConfigsRoute,
  listCredentialsRoute,
  listRunsRoute,
  pauseConfigRoute,
  triggerConfigRoute,
  unpauseConfigRoute,
  updateConfigRoute,
  updateCredentialsRoute,
} from './sync.routes.js';

export const createCredentialsHandler: RouteHandler<typeof createCredentialsRoute, AppEnv> = async (c) => c.json(await createSyncCredentials(c.get('deps'), c.req.valid('param').system, c.req.valid('json')), 201);

export const listCredentialsHandler: RouteHandler<typeof listCredentialsRoute, AppEnv> = async (c) => {
  const { system } = c.req.valid('param');
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listSyncCredentials(c.get('deps'), system, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map((r) => toCredentialsView(system, r)), nextCursor }, 200);
};

export const getCredentialsHandler: RouteHandler<typeof getCredentialsRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  return c.json(await getSyncCredentials(c.get('deps'), system, id), 200);
};

export const updateCredentialsHandler: RouteHandler<typeof updateCredentialsRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  return c.json(await updateSyncCredentials(c.get('deps'), system, id, c.req.valid('json')), 200);
};

export const createConfigHandler: RouteHandler<typeof createConfigRoute, AppEnv> = async (c) => {
  const { system } = c.req.valid('param');
  return c.json(toConfigView(system, await createSyncConfig(c.get('deps'), system, c.req.valid('json'))), 201);
};

export const listConfigsHandler: RouteHandler<typeof listConfigsRoute, AppEnv> = async (c) => {
  const { system } = c.req.valid('param');
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listSyncConfigs(c.get('deps'), system, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map((r) => toConfigView(system, r)), nextCursor }, 200);
};

export const getConfigHandler: RouteHandler<typeof getConfigRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  const { config, schedule } = await getSyncConfig(c.get('deps'), system, id);
  return c.json({ ...toConfigView(system, config), schedule }, 200);
};

export const updateConfigHandler: RouteHandler<typeof updateConfigRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  return c.json(toConfigView(system, await updateSyncConfig(c.get('deps'), system, id, c.req.valid('json'))), 200);
};

export const pauseConfigHandler: RouteHandler<typeof pauseConfigRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  return c.json(toConfigView(system, await pauseSyncConfig(c.get('deps'), system, id, c.req.valid('json').note)), 200);
};

export const unpauseConfigHandler: RouteHandler<typeof unpauseConfigRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  return c.json(toConfigView(system, await unpauseSyncConfig(c.get('deps'), system, id, c.req.valid('json').note)), 200);
};

export const triggerConfigHandler: RouteHandler<typeof triggerConfigRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  const { config, full } = await triggerSyncConfig(c.get('deps'), system, id, { ...c.req.valid('json'), byId: c.get('auth')!.userId });
  return c.json({ config: toConfigView(system, config), full, scheduleId: syncScheduleId(system, id) }, 202);
};

export const backfillConfigHandler: RouteHandler<typeof backfillConfigRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  const { from, to } = c.req.valid('json');
  return c.json(toConfigView(system, await backfillSyncConfig(c.get('deps'), system, id, { from: new Date(from), to: new Date(to), byId: c.get('auth')!.userId })), 202);
};

export const listRunsHandler: RouteHandler<typeof listRunsRoute, AppEnv> = async (c) => {
  const { system } = c.req.valid('param');
  const { cursor, limit, configId } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listSyncRuns(c.get('deps'), system, { configId }, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map((r) => toRunView(system, r)), nextCursor }, 200);
};

export const getRunHandler: RouteHandler<typeof getRunRoute, AppEnv> = async (c) => {
  const { system, id } = c.req.valid('param');
  return c.json(toRunView(system, await getSyncRun(c.get('deps'), system, id)), 200);
};
