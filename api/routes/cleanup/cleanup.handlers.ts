// Cleanup admin: HTTP only. services/cleanup/admin.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { cleanupOverview, previewCleanupTask, runCleanupNow } from '../../../services/cleanup/admin.js';
import type { cleanupOverviewRoute, previewCleanupRoute, runCleanupRoute } from './cleanup.routes.js';

export const cleanupOverviewHandler: RouteHandler<typeof cleanupOverviewRoute, AppEnv> = async (c) => c.json(await cleanupOverview(c.get('deps')), 200);

export const previewCleanupHandler: RouteHandler<typeof previewCleanupRoute, AppEnv> = async (c) =>
  c.json(await previewCleanupTask(c.get('deps'), c.req.valid('param').task, new Date()), 200);

export const runCleanupHandler: RouteHandler<typeof runCleanupRoute, AppEnv> = async (c) => {
  const run = await runCleanupNow(c.get('deps'), c.req.valid('json').tasks, c.get('deps').config.cleanupRunWaitMs ?? 20_000);
  return run.status === 'COMPLETED' ? c.json(run, 200) : c.json(run, 202);
};
