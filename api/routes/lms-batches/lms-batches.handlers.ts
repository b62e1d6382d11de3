// Batches over HTTP. services/lms/batches.ts and staff-assignments.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createBatch, getBatch, listBatches, listOpenBatches, setBatchStatus, updateBatch } from '../../../services/lms/batches.js';
import { assignStaff, listStaff, unassignStaff, type StaffKind } from '../../../services/lms/staff-assignments.js';
import type { AppEnv } from '../../deps.js';
import { decodeCursor, keyset, toPage } from '../../pagination.js';
import type { communityManagerRoutes, createBatchRoute, getBatchRoute, listBatchesRoute, listOpenBatchesRoute, setBatchStatusRoute, updateBatchRoute } from './lms-batches.routes.js';

export const createBatchHandler: RouteHandler<typeof createBatchRoute, AppEnv> = async (c) => c.json(await createBatch(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listBatchesHandler: RouteHandler<typeof listBatchesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { rows, views } = await listBatches(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 });
  const { nextCursor } = toPage(rows, limit);
  return c.json({ items: views.slice(0, limit), nextCursor }, 200);
};

export const getBatchHandler: RouteHandler<typeof getBatchRoute, AppEnv> = async (c) => c.json(await getBatch(c.get('deps'), c.req.valid('param').id), 200);

export const updateBatchHandler: RouteHandler<typeof updateBatchRoute, AppEnv> = async (c) => c.json(await updateBatch(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const setBatchStatusHandler: RouteHandler<typeof setBatchStatusRoute, AppEnv> = async (c) =>
  c.json(await setBatchStatus(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').status), 200);

export const listOpenBatchesHandler: RouteHandler<typeof listOpenBatchesRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const rows = await listOpenBatches(c.get('deps'), c.get('platformExplicit') ? c.get('platform') : null, { cursor: cursor ? decodeCursor(cursor) : undefined, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(({ createdAt: _c, ...b }) => b), nextCursor }, 200);
};

type StaffRoutes = typeof communityManagerRoutes;

export function staffHandlers(kind: StaffKind) {
  const list: RouteHandler<StaffRoutes['list'], AppEnv> = async (c) => c.json(await listStaff(c.get('deps'), kind, c.req.valid('param').id, c.req.valid('query').activeOnly === 'true'), 200);
  const assign: RouteHandler<StaffRoutes['assign'], AppEnv> = async (c) => c.json(await assignStaff(c.get('deps'), kind, c.get('auth')!, c.req.valid('param').id, c.req.valid('json').userId), 200);
  const unassign: RouteHandler<StaffRoutes['unassign'], AppEnv> = async (c) => {
    const { id, userId } = c.req.valid('param');
    return c.json(await unassignStaff(c.get('deps'), kind, c.get('auth')!, id, userId), 200);
  };
  return { list, assign, unassign };
}
