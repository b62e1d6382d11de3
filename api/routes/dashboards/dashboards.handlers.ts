// Dashboards: HTTP only. services/kpi holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { startKpiBackfill } from '../../../services/kpi/backfill.js';
import { batchAttendanceDashboard, jobPipelineDashboard, mentorDashboard, salesDashboard } from '../../../services/kpi/dashboards.js';
import type * as r from './dashboards.routes.js';

export const mentorDashboardHandler: RouteHandler<typeof r.mentorDashboardRoute, AppEnv> = async (c) => c.json(await mentorDashboard(c.get('deps'), c.get('auth')!, c.req.valid('query')), 200);

export const salesDashboardHandler: RouteHandler<typeof r.salesDashboardRoute, AppEnv> = async (c) => c.json(await salesDashboard(c.get('deps'), c.get('auth')!, c.req.valid('query')), 200);

export const jobPipelineDashboardHandler: RouteHandler<typeof r.jobPipelineDashboardRoute, AppEnv> = async (c) =>
  c.json(await jobPipelineDashboard(c.get('deps'), { actor: c.get('auth')!, platform: c.get('platform') }, c.req.valid('param').jobId), 200);

export const batchAttendanceDashboardHandler: RouteHandler<typeof r.batchAttendanceDashboardRoute, AppEnv> = async (c) =>
  c.json(await batchAttendanceDashboard(c.get('deps'), c.req.valid('param').batchId, c.req.valid('query')), 200);

export const kpiBackfillHandler: RouteHandler<typeof r.kpiBackfillRoute, AppEnv> = async (c) => c.json(await startKpiBackfill(c.get('deps'), c.req.valid('json')), 202);
