// Recruiter job posts over HTTP: CRUD, the lifecycle moves, the screening config and external
// postings. The rules live in services/hire/.
import type { Context } from 'hono';
import type { RouteHandler } from '@hono/zod-openapi';
import type { JobAction } from '../../../domain/hire/job-post.js';
import type { RecruiterScope } from '../../../services/hire/job-access.js';
import { createJob, deleteJob, getJob, listJobs, transitionJob, updateJob } from '../../../services/hire/job-posts.js';
import { toJobView } from '../../../services/hire/job-view.js';
import { createPosting, listPostings, updatePosting } from '../../../services/hire/platform-postings.js';
import { getScreeningConfig, putScreeningConfig } from '../../../services/hire/screening-configs.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  createJobRoute,
  createPostingRoute,
  deleteJobRoute,
  getJobRoute,
  getScreeningConfigRoute,
  listJobsRoute,
  listPostingsRoute,
  putScreeningConfigRoute,
  transitionRoute,
  updateJobRoute,
  updatePostingRoute,
} from './hire-jobs.routes.js';

export const scopeOf = (c: Context<AppEnv>): RecruiterScope => ({ actor: c.get('auth')!, platform: c.get('platform') });

export const createJobHandler: RouteHandler<typeof createJobRoute, AppEnv> = async (c) => c.json(await createJob(c.get('deps'), scopeOf(c), c.req.valid('json')), 201);

export const listJobsHandler: RouteHandler<typeof listJobsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await listJobs(c.get('deps'), scopeOf(c), filters, { where: page.where, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map((j) => toJobView(j)), nextCursor }, 200);
};

export const getJobHandler: RouteHandler<typeof getJobRoute, AppEnv> = async (c) => c.json(await getJob(c.get('deps'), scopeOf(c), c.req.valid('param').id), 200);

export const updateJobHandler: RouteHandler<typeof updateJobRoute, AppEnv> = async (c) => c.json(await updateJob(c.get('deps'), scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteJobHandler: RouteHandler<typeof deleteJobRoute, AppEnv> = async (c) => {
  await deleteJob(c.get('deps'), scopeOf(c), c.req.valid('param').id);
  return c.body(null, 204);
};

export const transitionHandler =
  (action: JobAction): RouteHandler<ReturnType<typeof transitionRoute>, AppEnv> =>
  async (c) =>
    c.json(await transitionJob(c.get('deps'), scopeOf(c), c.req.valid('param').id, action), 200);

export const getScreeningConfigHandler: RouteHandler<typeof getScreeningConfigRoute, AppEnv> = async (c) => c.json(await getScreeningConfig(c.get('deps'), scopeOf(c), c.req.valid('param').id), 200);

export const putScreeningConfigHandler: RouteHandler<typeof putScreeningConfigRoute, AppEnv> = async (c) =>
  c.json(await putScreeningConfig(c.get('deps'), scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 200);

export const listPostingsHandler: RouteHandler<typeof listPostingsRoute, AppEnv> = async (c) => c.json({ items: await listPostings(c.get('deps'), scopeOf(c), c.req.valid('param').id) }, 200);

export const createPostingHandler: RouteHandler<typeof createPostingRoute, AppEnv> = async (c) => c.json(await createPosting(c.get('deps'), scopeOf(c), c.req.valid('param').id, c.req.valid('json')), 201);

export const updatePostingHandler: RouteHandler<typeof updatePostingRoute, AppEnv> = async (c) => {
  const { id, postingId } = c.req.valid('param');
  return c.json(await updatePosting(c.get('deps'), scopeOf(c), id, postingId, c.req.valid('json')), 200);
};
