// Courses over HTTP. services/lms/{courses,mas-courses,catalog}.ts hold the rules.
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { getCatalogCourse, listCatalog } from '../../../services/lms/catalog.js';
import * as courses from '../../../services/lms/courses.js';
import * as mas from '../../../services/lms/mas-courses.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage, toPageOn } from '../../pagination.js';
import type * as r from './lms-courses.routes.js';

type H<R extends RouteConfig> = RouteHandler<R, AppEnv>;

const strip = <T extends { createdAtDate: Date }>({ createdAtDate: _d, ...rest }: T) => rest;

export const createCourseHandler: H<typeof r.createCourseRoute> = async (c) => c.json(await courses.createCourse(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const listCoursesHandler: H<typeof r.listCoursesRoute> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await courses.listCourses(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (x) => x.createdAtDate);
  return c.json({ items: items.map(strip), nextCursor }, 200);
};
export const getCourseHandler: H<typeof r.getCourseRoute> = async (c) => c.json(await courses.getCourse(c.get('deps'), c.req.valid('param').id), 200);
export const updateCourseHandler: H<typeof r.updateCourseRoute> = async (c) => c.json(await courses.updateCourse(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const setCourseStatusHandler: H<typeof r.setCourseStatusRoute> = async (c) =>
  c.json(await courses.setCourseStatus(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').status), 200);
export const deleteCourseHandler: H<typeof r.deleteCourseRoute> = async (c) => {
  await courses.deleteCourse(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

export const createModuleHandler: H<typeof r.createModuleRoute> = async (c) => c.json(await courses.createModule(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);
export const updateModuleHandler: H<typeof r.updateModuleRoute> = async (c) => c.json(await courses.updateModule(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteModuleHandler: H<typeof r.deleteModuleRoute> = async (c) => {
  await courses.deleteModule(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

export const reorderModulesHandler: H<typeof r.reorderModulesRoute> = async (c) =>
  c.json(await courses.reorder(c.get('deps'), c.get('auth')!, 'modules', c.req.valid('param').id, c.req.valid('json').ids), 200);
export const reorderClassesHandler: H<typeof r.reorderClassesRoute> = async (c) =>
  c.json(await courses.reorder(c.get('deps'), c.get('auth')!, 'classes', c.req.valid('param').id, c.req.valid('json').ids), 200);

export const createClassHandler: H<typeof r.createClassRoute> = async (c) => c.json(await courses.createClass(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);
export const updateClassHandler: H<typeof r.updateClassRoute> = async (c) => c.json(await courses.updateClass(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteClassHandler: H<typeof r.deleteClassRoute> = async (c) => {
  await courses.deleteClass(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

export const createAssignmentHandler: H<typeof r.createAssignmentRoute> = async (c) =>
  c.json(await courses.createAssignment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);
export const updateAssignmentHandler: H<typeof r.updateAssignmentRoute> = async (c) =>
  c.json(await courses.updateAssignment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteAssignmentHandler: H<typeof r.deleteAssignmentRoute> = async (c) => {
  await courses.deleteAssignment(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

export const createMasCourseHandler: H<typeof r.createMasCourseRoute> = async (c) => c.json(await mas.createMasCourse(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const listMasCoursesHandler: H<typeof r.listMasCoursesRoute> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await mas.listMasCourses(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (x) => x.createdAtDate);
  return c.json({ items: items.map(strip), nextCursor }, 200);
};
export const getMasCourseHandler: H<typeof r.getMasCourseRoute> = async (c) => c.json(await mas.getMasCourse(c.get('deps'), c.req.valid('param').id), 200);
export const updateMasCourseHandler: H<typeof r.updateMasCourseRoute> = async (c) => c.json(await mas.updateMasCourse(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
export const setMasCourseStatusHandler: H<typeof r.setMasCourseStatusRoute> = async (c) =>
  c.json(await mas.setMasCourseStatus(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').status), 200);
export const deleteMasCourseHandler: H<typeof r.deleteMasCourseRoute> = async (c) => {
  await mas.deleteMasCourse(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.body(null, 204);
};

export const listCatalogHandler: H<typeof r.listCatalogRoute> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listCatalog(c.get('deps'), filters, { where: keyset(cursor).where, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(({ createdAt: _c, ...e }) => e), nextCursor }, 200);
};
export const getCatalogCourseHandler: H<typeof r.getCatalogCourseRoute> = async (c) => {
  const { createdAt: _c, ...course } = await getCatalogCourse(c.get('deps'), c.req.valid('param').slug);
  return c.json(course, 200);
};
