import { createRoute } from '@hono/zod-openapi';
import { STAFF } from '../../../domain/auth/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import { CleanupOverview, CleanupResultView, CleanupRunView, RunCleanupBody, TaskParam } from './cleanup.schemas.js';

const TAGS = ['Admin'];

export const cleanupOverviewRoute = createRoute({
  method: 'get',
  path: '/api/cleanup/tasks',
  tags: TAGS,
  summary: 'The cleanup tasks and the daily Schedule’s state (next run, recent runs, paused)',
  ...bearer(STAFF),
  responses: { 200: jsonResponse('Tasks and Schedule', CleanupOverview), ...authProblems },
});

export const previewCleanupRoute = createRoute({
  method: 'post',
  path: '/api/cleanup/tasks/{task}/preview',
  tags: TAGS,
  summary: 'Dry run: how many rows the task would change now; changes nothing',
  ...bearer(STAFF),
  request: { params: TaskParam },
  responses: { 200: jsonResponse('The count', CleanupResultView), 400: problemResponse('Unknown task'), ...authProblems },
});

export const runCleanupRoute = createRoute({
  method: 'post',
  path: '/api/cleanup/run',
  tags: TAGS,
  summary: 'Run cleanup tasks now (the same workflow the Schedule runs)',
  description:
    'Starts workflow `cleanup/run/<tasks>`, or joins it when the same run is already going, and waits up to 20 s. 200 with each task’s counts when it finished; 202 with the workflow id when it is still running (watch it in the Web UI).',
  ...bearer(STAFF),
  request: { body: jsonBody(RunCleanupBody) },
  responses: {
    200: jsonResponse('Finished', CleanupRunView),
    202: jsonResponse('Still running', CleanupRunView),
    400: problemResponse('Invalid body or unknown task'),
    ...authProblems,
  },
});
