import { createRouter } from '../../openapi.js';
import { getMySubmissionHandler, gradeSubmissionHandler, listAssignmentSubmissionsHandler, submitAssignmentHandler } from './lms-submissions.handlers.js';
import { getMySubmissionRoute, gradeSubmissionRoute, listAssignmentSubmissionsRoute, submitAssignmentRoute } from './lms-submissions.routes.js';

export const lmsSubmissionsRouter = createRouter()
  .openapi(submitAssignmentRoute, submitAssignmentHandler)
  .openapi(getMySubmissionRoute, getMySubmissionHandler)
  .openapi(listAssignmentSubmissionsRoute, listAssignmentSubmissionsHandler)
  .openapi(gradeSubmissionRoute, gradeSubmissionHandler);
