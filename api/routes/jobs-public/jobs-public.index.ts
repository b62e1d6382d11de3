import { createRouter } from '../../openapi.js';
import { getPublicJobHandler, listPublicJobsHandler } from './jobs-public.handlers.js';
import { getPublicJobRoute, listPublicJobsRoute } from './jobs-public.routes.js';

export const jobsPublicRouter = createRouter().openapi(listPublicJobsRoute, listPublicJobsHandler).openapi(getPublicJobRoute, getPublicJobHandler);
