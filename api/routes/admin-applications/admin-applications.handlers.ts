// Staff review and placement of program applications over HTTP. The rules live in
// services/admissions/review.ts and placement.ts.
import type { RouteHandler } from '@hono/zod-openapi';
import { toAdminApplicationView } from '../../../services/admissions/application-view.js';
import { allocateBatch, deboardApplication, enrollApplication } from '../../../services/admissions/placement.js';
import { approveApplication, getApplication, listApplications, rejectApplication, startReview } from '../../../services/admissions/review.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { allocateRoute, deboardRoute, getApplicationRoute, listApplicationsRoute, PlainMove, plainMoveRoute, rejectRoute } from './admin-applications.routes.js';

export const listApplicationsHandler: RouteHandler<typeof listApplicationsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const platform = c.get('platformExplicit') ? c.get('platform') : undefined;
  const rows = await listApplications(c.get('deps'), { ...filters, platform }, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toAdminApplicationView), nextCursor }, 200);
};

export const getApplicationHandler: RouteHandler<typeof getApplicationRoute, AppEnv> = async (c) => c.json(await getApplication(c.get('deps'), c.req.valid('param').id), 200);

const PLAIN = { 'start-review': startReview, approve: approveApplication, enroll: enrollApplication } as const;

export const plainMoveHandler =
  (move: PlainMove): RouteHandler<ReturnType<typeof plainMoveRoute>, AppEnv> =>
  async (c) =>
    c.json(await PLAIN[move](c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);

export const rejectHandler: RouteHandler<typeof rejectRoute, AppEnv> = async (c) =>
  c.json(await rejectApplication(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json').reason), 200);

export const allocateHandler: RouteHandler<typeof allocateRoute, AppEnv> = async (c) =>
  c.json(await allocateBatch(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json').batchId), 200);

export const deboardHandler: RouteHandler<typeof deboardRoute, AppEnv> = async (c) =>
  c.json(await deboardApplication(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json').reason), 200);
