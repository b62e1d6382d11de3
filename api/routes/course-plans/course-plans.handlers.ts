// AI course plans: HTTP only. services/course-plans/plans.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import {
  approveCoursePlan,
  cancelCoursePlan,
  createCoursePlan,
  getCoursePlan,
  listCoursePlans,
  pauseCoursePlan,
  publishCoursePlan,
  resumeCoursePlan,
  sendBackCoursePlan,
  startCoursePlanGeneration,
  toCoursePlanView,
} from '../../../services/course-plans/plans.js';
import type { coursePlanActionRoute, createCoursePlanRoute, getCoursePlanRoute, listCoursePlansRoute, publishCoursePlanRoute, sendBackCoursePlanRoute } from './course-plans.routes.js';

export const createCoursePlanHandler: RouteHandler<typeof createCoursePlanRoute, AppEnv> = async (c) => c.json(await createCoursePlan(c.get('deps'), c.get('auth')!.userId, c.req.valid('json')), 201);

export const listCoursePlansHandler: RouteHandler<typeof listCoursePlansRoute, AppEnv> = async (c) => {
  const { cursor, limit, courseId, status } = c.req.valid('query');
  const rows = await listCoursePlans(c.get('deps').db, { page: keyset(cursor), take: limit + 1, courseId, status });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map((p) => toCoursePlanView(p)), nextCursor }, 200);
};

export const getCoursePlanHandler: RouteHandler<typeof getCoursePlanRoute, AppEnv> = async (c) => c.json(await getCoursePlan(c.get('deps'), c.req.valid('param').id), 200);

export const coursePlanActionHandler: RouteHandler<typeof coursePlanActionRoute, AppEnv> = async (c) => {
  const { id, action } = c.req.valid('param');
  const actor = c.get('auth')!.userId;
  const deps = c.get('deps');
  const step = {
    generate: () => startCoursePlanGeneration(deps, actor, id, 'DRAFT'),
    retry: () => startCoursePlanGeneration(deps, actor, id, 'FAILED'),
    pause: () => pauseCoursePlan(deps, actor, id),
    resume: () => resumeCoursePlan(deps, actor, id),
    cancel: () => cancelCoursePlan(deps, actor, id),
    approve: () => approveCoursePlan(deps, actor, id),
  }[action];
  return c.json(await step(), 200);
};

export const sendBackCoursePlanHandler: RouteHandler<typeof sendBackCoursePlanRoute, AppEnv> = async (c) =>
  c.json(await sendBackCoursePlan(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json').note), 200);

export const publishCoursePlanHandler: RouteHandler<typeof publishCoursePlanRoute, AppEnv> = async (c) => c.json(await publishCoursePlan(c.get('deps'), c.get('auth')!.userId, c.req.valid('param').id), 200);
