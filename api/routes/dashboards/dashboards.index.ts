import { createRouter } from '../../openapi.js';
import * as h from './dashboards.handlers.js';
import * as r from './dashboards.routes.js';

export const dashboardsRouter = createRouter()
  .openapi(r.mentorDashboardRoute, h.mentorDashboardHandler)
  .openapi(r.salesDashboardRoute, h.salesDashboardHandler)
  .openapi(r.jobPipelineDashboardRoute, h.jobPipelineDashboardHandler)
  .openapi(r.batchAttendanceDashboardRoute, h.batchAttendanceDashboardHandler)
  .openapi(r.kpiBackfillRoute, h.kpiBackfillHandler);
