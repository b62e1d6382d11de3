// The course-interest form over HTTP; services/lms/course-interest.ts holds the rate limit and checks.
import type { RouteHandler } from '@hono/zod-openapi';
import { listCourseInterests, optionalSignedInUser, submitCourseInterest, toCourseInterestView } from '../../../services/lms/course-interest.js';
import { clientIp } from '../../client-ip.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { listCourseInterestsRoute, submitCourseInterestRoute } from './lms-course-interest.routes.js';

export const submitCourseInterestHandler: RouteHandler<typeof submitCourseInterestRoute, AppEnv> = async (c) => {
  const userId = await optionalSignedInUser(c.get('deps'), c.req.header('authorization'));
  return c.json(await submitCourseInterest(c.get('deps'), { ip: clientIp(c) ?? 'unknown', userId }, c.req.valid('json')), 201);
};

export const listCourseInterestsHandler: RouteHandler<typeof listCourseInterestsRoute, AppEnv> = async (c) => {
  const { cursor, limit, from, to, ...f } = c.req.valid('query');
  const rows = await listCourseInterests(c.get('deps'), { ...f, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toCourseInterestView), nextCursor }, 200);
};
