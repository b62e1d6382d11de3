import { createRouter } from '../../openapi.js';
import * as h from './lms-courses.handlers.js';
import * as r from './lms-courses.routes.js';

export const lmsCoursesRouter = createRouter()
  .openapi(r.createCourseRoute, h.createCourseHandler)
  .openapi(r.listCoursesRoute, h.listCoursesHandler)
  .openapi(r.getCourseRoute, h.getCourseHandler)
  .openapi(r.updateCourseRoute, h.updateCourseHandler)
  .openapi(r.setCourseStatusRoute, h.setCourseStatusHandler)
  .openapi(r.deleteCourseRoute, h.deleteCourseHandler)
  .openapi(r.createModuleRoute, h.createModuleHandler)
  .openapi(r.updateModuleRoute, h.updateModuleHandler)
  .openapi(r.deleteModuleRoute, h.deleteModuleHandler)
  .openapi(r.createClassRoute, h.createClassHandler)
  .openapi(r.updateClassRoute, h.updateClassHandler)
  .openapi(r.deleteClassRoute, h.deleteClassHandler)
  .openapi(r.createAssignmentRoute, h.createAssignmentHandler)
  .openapi(r.updateAssignmentRoute, h.updateAssignmentHandler)
  .openapi(r.deleteAssignmentRoute, h.deleteAssignmentHandler)
  .openapi(r.createMasCourseRoute, h.createMasCourseHandler)
  .openapi(r.listMasCoursesRoute, h.listMasCoursesHandler)
  .openapi(r.getMasCourseRoute, h.getMasCourseHandler)
  .openapi(r.updateMasCourseRoute, h.updateMasCourseHandler)
  .openapi(r.setMasCourseStatusRoute, h.setMasCourseStatusHandler)
  .openapi(r.deleteMasCourseRoute, h.deleteMasCourseHandler)
  .openapi(r.listCatalogRoute, h.listCatalogHandler)
  .openapi(r.getCatalogCourseRoute, h.getCatalogCourseHandler);
