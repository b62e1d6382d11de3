// Staff authoring of legacy courses (course, modules, classes, assignment definitions) and
// MasCourses, and the public catalog of both.
import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer, publicRoute } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { pageSchema } from '../../pagination.js';
import {
  AssignmentView,
  CatalogDetailView,
  CatalogEntryView,
  CatalogQuery,
  ClassView,
  CourseQuery,
  CourseStatusBody,
  CourseTreeView,
  CourseView,
  CreateAssignmentBody,
  CreateClassBody,
  CreateCourseBody,
  CreateMasCourseBody,
  CreateModuleBody,
  IdParam,
  MasCourseQuery,
  MasCourseView,
  ModuleView,
  ReorderBody,
  SlugParam,
  UpdateAssignmentBody,
  UpdateClassBody,
  UpdateCourseBody,
  UpdateMasCourseBody,
  UpdateModuleBody,
} from './lms-courses.schemas.js';

const TAGS = ['LMS courses'];
const CATALOG = ['Course catalog'];
const invalid = { 400: problemResponse('Invalid id or body') };
const missing = (what: string) => ({ 404: problemResponse(`No such ${what}`) });
const slugTaken = { 409: problemResponse('The slug is taken (by a legacy or a MasCourse)') };
const deleted = { 204: { description: 'Deleted' } };

export const createCourseRoute = createRoute({
  method: 'post',
  path: '/api/admin/courses',
  tags: TAGS,
  summary: 'Create a legacy course (DRAFT)',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateCourseBody) },
  responses: { 201: jsonResponse('The course', CourseView), ...invalid, ...authProblems, ...slugTaken },
});

export const listCoursesRoute = createRoute({
  method: 'get',
  path: '/api/admin/courses',
  tags: TAGS,
  summary: 'Legacy courses, newest first, any status',
  ...bearer(STAFF),
  request: { query: CourseQuery },
  responses: { 200: jsonResponse('A page of courses', pageSchema(CourseView).openapi('CoursePage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getCourseRoute = createRoute({
  method: 'get',
  path: '/api/admin/courses/{id}',
  tags: TAGS,
  summary: 'A legacy course with its whole outline (drafts included), ordered by position',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The course tree', CourseTreeView), ...invalid, ...authProblems, ...missing('course') },
});

export const updateCourseRoute = createRoute({
  method: 'patch',
  path: '/api/admin/courses/{id}',
  tags: TAGS,
  summary: 'Edit a legacy course (not its status: see /status)',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateCourseBody) },
  responses: { 200: jsonResponse('The course', CourseView), ...invalid, ...authProblems, ...missing('course'), ...slugTaken },
});

export const setCourseStatusRoute = createRoute({
  method: 'post',
  path: '/api/admin/courses/{id}/status',
  tags: TAGS,
  summary: 'Publish (DRAFT → PUBLISHED, stamps publishedAt once), unpublish (→ DRAFT), archive, or revive an archived course as DRAFT',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(CourseStatusBody) },
  responses: { 200: jsonResponse('The course', CourseView), ...invalid, ...authProblems, ...missing('course'), 409: problemResponse('ILLEGAL_TRANSITION') },
});

export const deleteCourseRoute = createRoute({
  method: 'delete',
  path: '/api/admin/courses/{id}',
  tags: TAGS,
  summary: 'Delete a legacy course and its content, only while nobody is enrolled (else archive it)',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { ...deleted, ...invalid, ...authProblems, ...missing('course'), 409: problemResponse('Students are enrolled') },
});

export const createModuleRoute = createRoute({
  method: 'post',
  path: '/api/admin/courses/{id}/modules',
  tags: TAGS,
  summary: 'Add a module to a course (last unless a position is given)',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(CreateModuleBody) },
  responses: { 201: jsonResponse('The module', ModuleView), ...invalid, ...authProblems, ...missing('course') },
});

export const updateModuleRoute = createRoute({
  method: 'patch',
  path: '/api/admin/modules/{id}',
  tags: TAGS,
  summary: 'Edit, reorder, publish or unpublish a module (enrolled students’ progress is recomputed)',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateModuleBody) },
  responses: { 200: jsonResponse('The module', ModuleView), ...invalid, ...authProblems, ...missing('module') },
});

export const deleteModuleRoute = createRoute({
  method: 'delete',
  path: '/api/admin/modules/{id}',
  tags: TAGS,
  summary: 'Delete a module with its classes, quizzes and assignments',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { ...deleted, ...invalid, ...authProblems, ...missing('module') },
});

const reorderRoute = (path: string, parent: string, children: string) =>
  createRoute({
    method: 'post',
    path,
    tags: TAGS,
    summary: `Reorder a ${parent}'s ${children}: list every one, in the new order`,
    ...bearer(STAFF),
    request: { params: IdParam, body: jsonBody(ReorderBody) },
    responses: { 200: jsonResponse('The new order', ReorderBody), ...invalid, ...authProblems, ...missing(parent), 422: problemResponse(`Not exactly the ${parent}'s ${children}`) },
  });

export const reorderModulesRoute = reorderRoute('/api/admin/courses/{id}/modules/order', 'course', 'modules');
export const reorderClassesRoute = reorderRoute('/api/admin/modules/{id}/classes/order', 'module', 'classes');

export const createClassRoute = createRoute({
  method: 'post',
  path: '/api/admin/modules/{id}/classes',
  tags: TAGS,
  summary: 'Add a class (lecture) to a module',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(CreateClassBody) },
  responses: { 201: jsonResponse('The class', ClassView), ...invalid, ...authProblems, ...missing('module') },
});

export const updateClassRoute = createRoute({
  method: 'patch',
  path: '/api/admin/classes/{id}',
  tags: TAGS,
  summary: 'Edit, reorder, publish or unpublish a class',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateClassBody) },
  responses: { 200: jsonResponse('The class', ClassView), ...invalid, ...authProblems, ...missing('class') },
});

export const deleteClassRoute = createRoute({
  method: 'delete',
  path: '/api/admin/classes/{id}',
  tags: TAGS,
  summary: 'Delete a class',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { ...deleted, ...invalid, ...authProblems, ...missing('class') },
});

export const createAssignmentRoute = createRoute({
  method: 'post',
  path: '/api/admin/modules/{id}/assignments',
  tags: TAGS,
  summary: 'Add an assignment (its definition) to a module',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(CreateAssignmentBody) },
  responses: { 201: jsonResponse('The assignment', AssignmentView), ...invalid, ...authProblems, ...missing('module') },
});

export const updateAssignmentRoute = createRoute({
  method: 'patch',
  path: '/api/admin/assignments/{id}',
  tags: TAGS,
  summary: 'Edit, reorder, publish or unpublish an assignment',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateAssignmentBody) },
  responses: { 200: jsonResponse('The assignment', AssignmentView), ...invalid, ...authProblems, ...missing('assignment') },
});

export const deleteAssignmentRoute = createRoute({
  method: 'delete',
  path: '/api/admin/assignments/{id}',
  tags: TAGS,
  summary: 'Delete an assignment (its submissions go with it)',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { ...deleted, ...invalid, ...authProblems, ...missing('assignment') },
});

export const createMasCourseRoute = createRoute({
  method: 'post',
  path: '/api/admin/mas-courses',
  tags: TAGS,
  summary: 'Create a MasCourse (DRAFT); modules and features are validated',
  ...bearer(STAFF),
  request: { body: jsonBody(CreateMasCourseBody) },
  responses: { 201: jsonResponse('The course', MasCourseView), ...invalid, ...authProblems, ...slugTaken },
});

export const listMasCoursesRoute = createRoute({
  method: 'get',
  path: '/api/admin/mas-courses',
  tags: TAGS,
  summary: 'MasCourses, newest first, any status',
  ...bearer(STAFF),
  request: { query: MasCourseQuery },
  responses: { 200: jsonResponse('A page of courses', pageSchema(MasCourseView).openapi('MasCoursePage')), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});

export const getMasCourseRoute = createRoute({
  method: 'get',
  path: '/api/admin/mas-courses/{id}',
  tags: TAGS,
  summary: 'One MasCourse',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { 200: jsonResponse('The course', MasCourseView), ...invalid, ...authProblems, ...missing('course') },
});

export const updateMasCourseRoute = createRoute({
  method: 'patch',
  path: '/api/admin/mas-courses/{id}',
  tags: TAGS,
  summary: 'Edit a MasCourse (modules replace the whole tree)',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(UpdateMasCourseBody) },
  responses: { 200: jsonResponse('The course', MasCourseView), ...invalid, ...authProblems, ...missing('course'), ...slugTaken },
});

export const setMasCourseStatusRoute = createRoute({
  method: 'post',
  path: '/api/admin/mas-courses/{id}/status',
  tags: TAGS,
  summary: 'Publish, unpublish, archive or revive a MasCourse',
  ...bearer(STAFF),
  request: { params: IdParam, body: jsonBody(CourseStatusBody) },
  responses: { 200: jsonResponse('The course', MasCourseView), ...invalid, ...authProblems, ...missing('course'), 409: problemResponse('ILLEGAL_TRANSITION') },
});

export const deleteMasCourseRoute = createRoute({
  method: 'delete',
  path: '/api/admin/mas-courses/{id}',
  tags: TAGS,
  summary: 'Delete a MasCourse',
  ...bearer(STAFF),
  request: { params: IdParam },
  responses: { ...deleted, ...invalid, ...authProblems, ...missing('course') },
});

export const listCatalogRoute = createRoute({
  method: 'get',
  path: '/api/courses',
  tags: CATALOG,
  summary: 'Published courses of both models in one shape, newest first',
  description: 'model says which table a course lives in; filters q (title), level, tag, model.',
  ...publicRoute,
  request: { query: CatalogQuery },
  responses: { 200: jsonResponse('A page of courses', pageSchema(CatalogEntryView).openapi('CatalogPage')), 400: problemResponse('Invalid filters or cursor') },
});

export const getCatalogCourseRoute = createRoute({
  method: 'get',
  path: '/api/courses/{slug}',
  tags: CATALOG,
  summary: 'One published course by slug, with its public outline (titles, lesson types and durations; no content)',
  ...publicRoute,
  request: { params: SlugParam },
  responses: { 200: jsonResponse('The course', CatalogDetailView), 400: problemResponse('Invalid slug'), 404: problemResponse('No published course with this slug') },
});
