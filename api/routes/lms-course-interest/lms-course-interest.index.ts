import { createRouter } from '../../openapi.js';
import { listCourseInterestsHandler, submitCourseInterestHandler } from './lms-course-interest.handlers.js';
import { listCourseInterestsRoute, submitCourseInterestRoute } from './lms-course-interest.routes.js';

export const lmsCourseInterestRouter = createRouter().openapi(submitCourseInterestRoute, submitCourseInterestHandler).openapi(listCourseInterestsRoute, listCourseInterestsHandler);
