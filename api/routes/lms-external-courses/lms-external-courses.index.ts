import { createRouter } from '../../openapi.js';
import { adminListExternalCoursesHandler, createExternalCourseHandler, listExternalCoursesHandler, updateExternalCourseHandler } from './lms-external-courses.handlers.js';
import { adminListExternalCoursesRoute, createExternalCourseRoute, listExternalCoursesRoute, updateExternalCourseRoute } from './lms-external-courses.routes.js';

export const lmsExternalCoursesRouter = createRouter()
  .openapi(listExternalCoursesRoute, listExternalCoursesHandler)
  .openapi(adminListExternalCoursesRoute, adminListExternalCoursesHandler)
  .openapi(createExternalCourseRoute, createExternalCourseHandler)
  .openapi(updateExternalCourseRoute, updateExternalCourseHandler);
