// Public job pages: what candidates see of active jobs on the request's platform.
import type { RouteHandler } from '@hono/zod-openapi';
import { getPublicJob, listPublicJobs } from '../../../services/hire/job-posts.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { getPublicJobRoute, listPublicJobsRoute } from './jobs-public.routes.js';

export const listPublicJobsHandler: RouteHandler<typeof listPublicJobsRoute, AppEnv> = async (c) => {
  const { cursor, limit, q } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await listPublicJobs(c.get('deps'), c.get('platform'), { q }, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(({ createdAt: _createdAt, ...job }) => job), nextCursor }, 200);
};

export const getPublicJobHandler: RouteHandler<typeof getPublicJobRoute, AppEnv> = async (c) => c.json(await getPublicJob(c.get('deps'), c.get('platform'), c.req.valid('param').id), 200);
