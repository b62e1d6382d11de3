import { createRouter } from '../../openapi.js';
import { adminListCollegesHandler, createCollegeHandler, searchCollegesHandler, updateCollegeHandler } from './lms-colleges.handlers.js';
import { adminListCollegesRoute, createCollegeRoute, searchCollegesRoute, updateCollegeRoute } from './lms-colleges.routes.js';

export const lmsCollegesRouter = createRouter()
  .openapi(searchCollegesRoute, searchCollegesHandler)
  .openapi(adminListCollegesRoute, adminListCollegesHandler)
  .openapi(createCollegeRoute, createCollegeHandler)
  .openapi(updateCollegeRoute, updateCollegeHandler);
