import { createRouter } from '../../openapi.js';
import {
  createQuizHandler,
  deleteQuizHandler,
  getAttemptHandler,
  getLearnerQuizHandler,
  getQuizHandler,
  listQuizSubmissionsHandler,
  listQuizzesHandler,
  publishQuizHandler,
  startAttemptHandler,
  submitAttemptHandler,
  unpublishQuizHandler,
  updateQuizHandler,
} from './lms-quizzes.handlers.js';
import {
  createQuizRoute,
  deleteQuizRoute,
  getAttemptRoute,
  getLearnerQuizRoute,
  getQuizRoute,
  listQuizSubmissionsRoute,
  listQuizzesRoute,
  publishQuizRoute,
  startAttemptRoute,
  submitAttemptRoute,
  unpublishQuizRoute,
  updateQuizRoute,
} from './lms-quizzes.routes.js';

export const lmsQuizzesRouter = createRouter()
  .openapi(createQuizRoute, createQuizHandler)
  .openapi(listQuizzesRoute, listQuizzesHandler)
  .openapi(getQuizRoute, getQuizHandler)
  .openapi(updateQuizRoute, updateQuizHandler)
  .openapi(deleteQuizRoute, deleteQuizHandler)
  .openapi(publishQuizRoute, publishQuizHandler)
  .openapi(unpublishQuizRoute, unpublishQuizHandler)
  .openapi(listQuizSubmissionsRoute, listQuizSubmissionsHandler)
  .openapi(getLearnerQuizRoute, getLearnerQuizHandler)
  .openapi(startAttemptRoute, startAttemptHandler)
  .openapi(getAttemptRoute, getAttemptHandler)
  .openapi(submitAttemptRoute, submitAttemptHandler);
