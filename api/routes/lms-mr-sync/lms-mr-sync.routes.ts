import { createRoute } from '@hono/zod-openapi';
import { STAFF, type Role } from '../../../domain/auth/roles.js';
import { LEARNERS } from '../../../domain/lms/roles.js';
import { bearer } from '../../middleware/auth.js';
import { authProblems, jsonBody, jsonResponse, problemResponse } from '../../openapi.js';
import {
  BatchId,
  BatchMapParams,
  MapListQuery,
  MrLearnMapBody,
  MrLearnMapView,
  MrLearnProgressPage,
  MrTestMapBody,
  MrTestMapView,
  MrTestResultPage,
  MyLearnQuery,
  MyTestQuery,
  ReminderLogPage,
  ReminderLogQuery,
  StaffLearnQuery,
  StaffTestQuery,
} from './lms-mr-sync.schemas.js';

const TAGS = ['LMS Mr Learn / Mr Test'];
/** Staff, and the batch's own super-mentor (EXPERT) or community manager (SALES), checked per batch: for anyone else the batch is 404. */
const BATCH_READERS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'EXPERT', 'SALES'];
const notFound = { 404: problemResponse('No such batch') };

const mapRoutes = <V extends typeof MrLearnMapView | typeof MrTestMapView>(kind: 'mr-learn-courses' | 'mr-test-exams', label: string, view: V) => ({
  list: createRoute({
    method: 'get',
    path: `/api/admin/batches/{id}/${kind}`,
    tags: TAGS,
    summary: `The batch’s ${label} maps, oldest first`,
    ...bearer(STAFF),
    request: { params: BatchId, query: MapListQuery },
    responses: { 200: jsonResponse(`The ${label} maps`, view.array()), 400: problemResponse('Invalid id'), ...authProblems, ...notFound },
  }),
  remove: createRoute({
    method: 'delete',
    path: `/api/admin/batches/{id}/${kind}/{mapId}`,
    tags: TAGS,
    summary: `Unmap a ${label} (the row stays, inactive; POST it again to reactivate)`,
    ...bearer(STAFF),
    request: { params: BatchMapParams },
    responses: { 200: jsonResponse('The inactive map', view), 400: problemResponse('Invalid id'), ...authProblems, 404: problemResponse('No such batch, or no such map on it') },
  }),
});

const createDoc = (label: string, table: string) => ({
  tags: TAGS,
  summary: `Map the batch to a ${label} (idempotent: an existing map is reactivated)`,
  description: `Once ${table} holds synced rows the id must name one of them that is not removed (422), and its title is cached; before the first sync any id is accepted with the name given.`,
  ...bearer(STAFF),
});
const createProblems = (label: string) => ({ 400: problemResponse('Invalid body'), ...authProblems, ...notFound, 422: problemResponse(`No synced ${label} has that id`) });

export const mrLearnMapRoutes = {
  ...mapRoutes('mr-learn-courses', 'Mr Learn course', MrLearnMapView),
  create: createRoute({
    method: 'post',
    path: '/api/admin/batches/{id}/mr-learn-courses',
    ...createDoc('Mr Learn course', 'mrlearn.courses'),
    request: { params: BatchId, body: jsonBody(MrLearnMapBody) },
    responses: { 200: jsonResponse('The map existed: it is active again', MrLearnMapView), 201: jsonResponse('The new map', MrLearnMapView), ...createProblems('Mr Learn course') },
  }),
};
export const mrTestMapRoutes = {
  ...mapRoutes('mr-test-exams', 'Mr Test exam', MrTestMapView),
  create: createRoute({
    method: 'post',
    path: '/api/admin/batches/{id}/mr-test-exams',
    ...createDoc('Mr Test exam', 'mrtest.online_exams'),
    request: { params: BatchId, body: jsonBody(MrTestMapBody) },
    responses: { 200: jsonResponse('The map existed: it is active again', MrTestMapView), 201: jsonResponse('The new map', MrTestMapView), ...createProblems('Mr Test exam') },
  }),
};

const MATCH = 'One row per batch member (application BATCH_ALLOCATED or ENROLLED) per active map; a member is matched to the synced row by its stored userId, else (a row with no userId) by lower-cased email. Not synced yet: the fields are null.';

export const batchMrLearnProgressRoute = createRoute({
  method: 'get',
  path: '/api/admin/batches/{id}/mr-learn-progress',
  tags: TAGS,
  summary: 'The batch members’ Mr Learn progress in the mapped courses',
  description: `${MATCH} Staff, or the batch’s super-mentor or community manager (others: 404). Ordered by email.`,
  ...bearer(BATCH_READERS),
  request: { params: BatchId, query: StaffLearnQuery },
  responses: { 200: jsonResponse('A page of progress rows', MrLearnProgressPage), 400: problemResponse('Invalid filters or cursor'), ...authProblems, ...notFound },
});

export const batchMrTestResultsRoute = createRoute({
  method: 'get',
  path: '/api/admin/batches/{id}/mr-test-results',
  tags: TAGS,
  summary: 'The batch members’ Mr Test results (latest attempt) in the mapped exams',
  description: `${MATCH} Staff, or the batch’s super-mentor or community manager (others: 404). Ordered by email.`,
  ...bearer(BATCH_READERS),
  request: { params: BatchId, query: StaffTestQuery },
  responses: { 200: jsonResponse('A page of result rows', MrTestResultPage), 400: problemResponse('Invalid filters or cursor'), ...authProblems, ...notFound },
});

export const myMrLearnProgressRoute = createRoute({
  method: 'get',
  path: '/api/me/batches/{id}/mr-learn-progress',
  tags: TAGS,
  summary: 'Your Mr Learn progress in the courses mapped to a batch you belong to',
  description: 'Not a member of the batch (or no such batch): 404.',
  ...bearer(LEARNERS),
  request: { params: BatchId, query: MyLearnQuery },
  responses: { 200: jsonResponse('A page of your progress rows', MrLearnProgressPage), 400: problemResponse('Invalid filters or cursor'), ...authProblems, ...notFound },
});

export const myMrTestResultsRoute = createRoute({
  method: 'get',
  path: '/api/me/batches/{id}/mr-test-results',
  tags: TAGS,
  summary: 'Your Mr Test results in the exams mapped to a batch you belong to',
  description: 'Not a member of the batch (or no such batch): 404.',
  ...bearer(LEARNERS),
  request: { params: BatchId, query: MyTestQuery },
  responses: { 200: jsonResponse('A page of your result rows', MrTestResultPage), 400: problemResponse('Invalid filters or cursor'), ...authProblems, ...notFound },
});

export const listReminderLogsRoute = createRoute({
  method: 'get',
  path: '/api/admin/mr-learn/reminder-logs',
  tags: TAGS,
  summary: 'Mr Learn inactivity reminders sent (or failed, or left pending by a crash), newest first',
  description: 'Sent after each successful Mr Learn sync run, once per learner per period (system config mrlearn.reminders).',
  ...bearer(STAFF),
  request: { query: ReminderLogQuery },
  responses: { 200: jsonResponse('A page of reminder log rows', ReminderLogPage), 400: problemResponse('Invalid filters or cursor'), ...authProblems },
});
