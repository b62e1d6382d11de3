import { createRouter } from '../../openapi.js';
import { applyToJobHandler } from './job-applications.handlers.js';
import { applyToJobRoute } from './job-applications.routes.js';

export const jobApplicationsRouter = createRouter().openapi(applyToJobRoute, applyToJobHandler);
