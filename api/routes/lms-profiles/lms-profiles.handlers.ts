// Student profiles and saved courses over HTTP. services/lms/profiles.ts and saved-courses.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { getMyProfile, getStudentProfile, upsertMyProfile } from '../../../services/lms/profiles.js';
import { listSavedCourses, saveCourse, unsaveCourse } from '../../../services/lms/saved-courses.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { getMyProfileRoute, getStudentProfileRoute, listSavedCoursesRoute, putMyProfileRoute, saveCourseRoute, unsaveCourseRoute } from './lms-profiles.routes.js';

export const getMyProfileHandler: RouteHandler<typeof getMyProfileRoute, AppEnv> = async (c) => c.json(await getMyProfile(c.get('deps'), c.get('auth')!), 200);

export const putMyProfileHandler: RouteHandler<typeof putMyProfileRoute, AppEnv> = async (c) => c.json(await upsertMyProfile(c.get('deps'), c.get('auth')!, c.req.valid('json')), 200);

export const getStudentProfileHandler: RouteHandler<typeof getStudentProfileRoute, AppEnv> = async (c) => c.json(await getStudentProfile(c.get('deps'), c.req.valid('param').id), 200);

export const listSavedCoursesHandler: RouteHandler<typeof listSavedCoursesRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const rows = await listSavedCourses(c.get('deps'), c.get('auth')!, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map((r) => r.view), nextCursor }, 200);
};

export const saveCourseHandler: RouteHandler<typeof saveCourseRoute, AppEnv> = async (c) => {
  const { created, saved } = await saveCourse(c.get('deps'), c.get('auth')!, c.req.valid('json').courseId);
  return created ? c.json(saved, 201) : c.json(saved, 200);
};

export const unsaveCourseHandler: RouteHandler<typeof unsaveCourseRoute, AppEnv> = async (c) => {
  await unsaveCourse(c.get('deps'), c.get('auth')!, c.req.valid('param').courseId);
  return c.body(null, 204);
};
