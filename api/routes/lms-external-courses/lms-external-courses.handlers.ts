// Partner-hosted courses over HTTP; services/lms/external-courses.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createExternalCourse, listExternalCourses, toExternalCourseView, updateExternalCourse } from '../../../services/lms/external-courses.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { adminListExternalCoursesRoute, createExternalCourseRoute, listExternalCoursesRoute, updateExternalCourseRoute } from './lms-external-courses.routes.js';

export const listExternalCoursesHandler: RouteHandler<typeof listExternalCoursesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listExternalCourses(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toExternalCourseView), nextCursor }, 200);
};

export const adminListExternalCoursesHandler: RouteHandler<typeof adminListExternalCoursesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listExternalCourses(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toExternalCourseView), nextCursor }, 200);
};

export const createExternalCourseHandler: RouteHandler<typeof createExternalCourseRoute, AppEnv> = async (c) => c.json(await createExternalCourse(c.get('deps'), c.req.valid('json')), 201);

export const updateExternalCourseHandler: RouteHandler<typeof updateExternalCourseRoute, AppEnv> = async (c) =>
  c.json(await updateExternalCourse(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);
