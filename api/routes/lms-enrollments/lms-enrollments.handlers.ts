// Enrollments and course assignment over HTTP. services/lms/{enrollments,course-assignments}.ts hold the rules.
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { assignCourse, listAssignmentHistory, unassignCourse } from '../../../services/lms/course-assignments.js';
import { getMyCourse, listCourseEnrollments, listMyCourses, listUserEnrollments } from '../../../services/lms/enrollments.js';
import type { AppEnv } from '../../deps.js';
import { keyset, keysetOn, toPage, toPageOn } from '../../pagination.js';
import type * as r from './lms-enrollments.routes.js';

type H<R extends RouteConfig> = RouteHandler<R, AppEnv>;
const page = <T extends { createdAt: Date; id: string }>(rows: T[], limit: number) => {
  const { items, nextCursor } = toPage(rows, limit);
  return { items: items.map(({ createdAt: _c, ...e }) => e), nextCursor };
};

export const listMyCoursesHandler: H<typeof r.listMyCoursesRoute> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  return c.json(page(await listMyCourses(c.get('deps'), c.get('auth')!, status, { ...keyset(cursor), take: limit + 1 }), limit), 200);
};

export const getMyCourseHandler: H<typeof r.getMyCourseRoute> = async (c) => c.json(await getMyCourse(c.get('deps'), c.get('auth')!, c.req.valid('param').courseId), 200);

export const listCourseEnrollmentsHandler: H<typeof r.listCourseEnrollmentsRoute> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  return c.json(page(await listCourseEnrollments(c.get('deps'), c.req.valid('param').id, status, { ...keyset(cursor), take: limit + 1 }), limit), 200);
};

export const listUserEnrollmentsHandler: H<typeof r.listUserEnrollmentsRoute> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  return c.json(page(await listUserEnrollments(c.get('deps'), c.req.valid('param').id, status, { ...keyset(cursor), take: limit + 1 }), limit), 200);
};

export const assignCourseHandler: H<typeof r.assignCourseRoute> = async (c) => c.json(await assignCourse(c.get('deps'), c.get('auth')!, c.req.valid('json')), 200);
export const unassignCourseHandler: H<typeof r.unassignCourseRoute> = async (c) => c.json(await unassignCourse(c.get('deps'), c.get('auth')!, c.req.valid('json')), 200);

export const listAssignmentHistoryHandler: H<typeof r.listAssignmentHistoryRoute> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listAssignmentHistory(c.get('deps'), filters, { ...keysetOn('occurredAt', 'desc', cursor), take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (x) => x.occurredAt);
  return c.json({ items: items.map((x) => ({ ...x, occurredAt: x.occurredAt.toISOString() })), nextCursor }, 200);
};
