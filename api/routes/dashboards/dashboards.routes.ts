import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { LMS_STAFF } from '../../../domain/lms/roles.js';
import { RECRUITER_ROLES } from '../../../services/hire/job-access.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import * as s from './dashboards.schemas.js';

const TAGS = ['Dashboards'];
const FROM_ROLLUPS = 'Read from the KPI rollups (performance_metrics, refreshed every KPI_INTERVAL_MINUTES), never from the raw tables.';

export const mentorDashboardRoute = createRoute({
  method: 'get',
  path: '/api/dashboards/mentor',
  tags: TAGS,
  summary: 'A mentor’s completed sessions and earnings per day',
  description: FROM_ROLLUPS,
  ...bearer(['EXPERT', ...STAFF]),
  request: { query: s.MentorDashboardQuery },
  responses: { 200: jsonResponse('Per day and totals', s.MentorDashboard), 400: problemResponse('Invalid range'), ...authProblems, 404: problemResponse('Another mentor’s dashboard (experts see only their own)') },
});

export const salesDashboardRoute = createRoute({
  method: 'get',
  path: '/api/dashboards/sales',
  tags: TAGS,
  summary: 'Calls and conversion per salesperson (a salesperson sees their own row)',
  description: FROM_ROLLUPS,
  ...bearer(['SALES', ...STAFF]),
  request: { query: s.DayRangeQuery },
  responses: { 200: jsonResponse('One row per salesperson', s.SalesDashboard), 400: problemResponse('Invalid range'), ...authProblems },
});

export const jobPipelineDashboardRoute = createRoute({
  method: 'get',
  path: '/api/dashboards/jobs/{jobId}/pipeline',
  tags: TAGS,
  summary: 'A job’s candidates per pipeline stage, as of the last rollup',
  description: `${FROM_ROLLUPS} Rejected candidates count under "rejected". The recruiter scope of the job routes applies.`,
  ...bearer(RECRUITER_ROLES),
  request: { params: s.JobParam },
  responses: { 200: jsonResponse('Stage counts', s.PipelineDashboard), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such job in your scope') },
});

export const batchAttendanceDashboardRoute = createRoute({
  method: 'get',
  path: '/api/dashboards/batches/{batchId}/attendance',
  tags: TAGS,
  summary: 'A batch’s attendance per day and per student (lowest first)',
  description: FROM_ROLLUPS,
  ...bearer(LMS_STAFF),
  request: { params: s.BatchParam, query: s.DayRangeQuery },
  responses: { 200: jsonResponse('Attendance', s.BatchAttendanceDashboard), 400: problemResponse('Invalid range'), ...authProblems, 404: problemResponse('No such batch') },
});

export const kpiBackfillRoute = createRoute({
  method: 'post',
  path: '/api/kpi/backfill',
  tags: TAGS,
  summary: 'Recompute the KPI rollups of past days (at most 92 at a time)',
  description: 'Starts workflow `kpi/backfill/<from>..<to>` (or joins it while it runs). A day’s rollup is idempotent: rerunning it writes the same rows.',
  ...bearer(STAFF),
  request: { body: jsonBody(s.KpiBackfillBody) },
  responses: { 202: jsonResponse('Started', s.KpiBackfillView), 400: problemResponse('Invalid range'), ...authProblems },
});
