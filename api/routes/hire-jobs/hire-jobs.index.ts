import { createRouter } from '../../openapi.js';
import {
  createJobHandler,
  createPostingHandler,
  deleteJobHandler,
  getJobHandler,
  getScreeningConfigHandler,
  listJobsHandler,
  listPostingsHandler,
  putScreeningConfigHandler,
  transitionHandler,
  updateJobHandler,
  updatePostingHandler,
} from './hire-jobs.handlers.js';
import {
  createJobRoute,
  createPostingRoute,
  deleteJobRoute,
  getJobRoute,
  getScreeningConfigRoute,
  listJobsRoute,
  listPostingsRoute,
  putScreeningConfigRoute,
  transitionRoute,
  updateJobRoute,
  updatePostingRoute,
} from './hire-jobs.routes.js';

export const hireJobsRouter = createRouter()
  .openapi(createJobRoute, createJobHandler)
  .openapi(listJobsRoute, listJobsHandler)
  .openapi(getJobRoute, getJobHandler)
  .openapi(updateJobRoute, updateJobHandler)
  .openapi(deleteJobRoute, deleteJobHandler)
  .openapi(transitionRoute('publish'), transitionHandler('publish'))
  .openapi(transitionRoute('pause'), transitionHandler('pause'))
  .openapi(transitionRoute('resume'), transitionHandler('resume'))
  .openapi(transitionRoute('close'), transitionHandler('close'))
  .openapi(getScreeningConfigRoute, getScreeningConfigHandler)
  .openapi(putScreeningConfigRoute, putScreeningConfigHandler)
  .openapi(listPostingsRoute, listPostingsHandler)
  .openapi(createPostingRoute, createPostingHandler)
  .openapi(updatePostingRoute, updatePostingHandler);
