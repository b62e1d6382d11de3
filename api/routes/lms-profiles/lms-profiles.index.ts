import { createRouter } from '../../openapi.js';
import { getMyProfileHandler, getStudentProfileHandler, listSavedCoursesHandler, putMyProfileHandler, saveCourseHandler, unsaveCourseHandler } from './lms-profiles.handlers.js';
import { getMyProfileRoute, getStudentProfileRoute, listSavedCoursesRoute, putMyProfileRoute, saveCourseRoute, unsaveCourseRoute } from './lms-profiles.routes.js';

export const lmsProfilesRouter = createRouter()
  .openapi(getMyProfileRoute, getMyProfileHandler)
  .openapi(putMyProfileRoute, putMyProfileHandler)
  .openapi(getStudentProfileRoute, getStudentProfileHandler)
  .openapi(listSavedCoursesRoute, listSavedCoursesHandler)
  .openapi(saveCourseRoute, saveCourseHandler)
  .openapi(unsaveCourseRoute, unsaveCourseHandler);
