import { createRouter } from '../../openapi.js';
import { coursePlanActionHandler, createCoursePlanHandler, getCoursePlanHandler, listCoursePlansHandler, publishCoursePlanHandler, sendBackCoursePlanHandler } from './course-plans.handlers.js';
import { coursePlanActionRoute, createCoursePlanRoute, getCoursePlanRoute, listCoursePlansRoute, publishCoursePlanRoute, sendBackCoursePlanRoute } from './course-plans.routes.js';

// send-back and publish are registered before {id}/{action} so their paths win.
export const coursePlansRouter = createRouter()
  .openapi(createCoursePlanRoute, createCoursePlanHandler)
  .openapi(listCoursePlansRoute, listCoursePlansHandler)
  .openapi(getCoursePlanRoute, getCoursePlanHandler)
  .openapi(sendBackCoursePlanRoute, sendBackCoursePlanHandler)
  .openapi(publishCoursePlanRoute, publishCoursePlanHandler)
  .openapi(coursePlanActionRoute, coursePlanActionHandler);
