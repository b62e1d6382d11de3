// Batch ↔ Mr Learn / Mr Test maps and the batch's synced progress over HTTP; services/lms/mr-maps.ts
// and mr-progress.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { deactivateMap, listMaps, upsertMap, type MapView } from '../../../services/lms/mr-maps.js';
import { batchMrLearnProgress, batchMrTestResults, myMrLearnProgress, myMrTestResults } from '../../../services/lms/mr-progress.js';
import { listReminderLogs, toReminderLogView } from '../../../services/sync/reminder-logs.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { batchMrLearnProgressRoute, batchMrTestResultsRoute, listReminderLogsRoute, mrLearnMapRoutes, mrTestMapRoutes, myMrLearnProgressRoute, myMrTestResultsRoute } from './lms-mr-sync.routes.js';

const learnView = ({ kind: _k, externalId, ...rest }: MapView) => ({ ...rest, mrLearnCourseId: externalId });
const testView = ({ kind: _k, externalId, ...rest }: MapView) => ({ ...rest, mrTestExamId: externalId });

type LearnMapRoutes = typeof mrLearnMapRoutes;

export const mrLearnMapHandlers = {
  list: (async (c) => c.json((await listMaps(c.var.deps, 'mrLearn', c.req.valid('param').id, c.req.valid('query').activeOnly === 'true')).map(learnView), 200)) as RouteHandler<LearnMapRoutes['list'], AppEnv>,
  create: (async (c) => {
    const { mrLearnCourseId, name } = c.req.valid('json');
    const { created, view } = await upsertMap(c.var.deps, 'mrLearn', c.req.valid('param').id, { externalId: mrLearnCourseId, name });
    return created ? c.json(learnView(view), 201) : c.json(learnView(view), 200);
  }) as RouteHandler<LearnMapRoutes['create'], AppEnv>,
  remove: (async (c) => {
    const { id, mapId } = c.req.valid('param');
    return c.json(learnView(await deactivateMap(c.var.deps, 'mrLearn', id, mapId)), 200);
  }) as RouteHandler<LearnMapRoutes['remove'], AppEnv>,
};

type TestMapRoutes = typeof mrTestMapRoutes;

export const mrTestMapHandlers = {
  list: (async (c) => c.json((await listMaps(c.var.deps, 'mrTest', c.req.valid('param').id, c.req.valid('query').activeOnly === 'true')).map(testView), 200)) as RouteHandler<TestMapRoutes['list'], AppEnv>,
  create: (async (c) => {
    const { mrTestExamId, name } = c.req.valid('json');
    const { created, view } = await upsertMap(c.var.deps, 'mrTest', c.req.valid('param').id, { externalId: mrTestExamId, name });
    return created ? c.json(testView(view), 201) : c.json(testView(view), 200);
  }) as RouteHandler<TestMapRoutes['create'], AppEnv>,
  remove: (async (c) => {
    const { id, mapId } = c.req.valid('param');
    return c.json(testView(await deactivateMap(c.var.deps, 'mrTest', id, mapId)), 200);
  }) as RouteHandler<TestMapRoutes['remove'], AppEnv>,
};

export const batchMrLearnProgressHandler: RouteHandler<typeof batchMrLearnProgressRoute, AppEnv> = async (c) => {
  const { cursor, limit, userId, mrLearnCourseId } = c.req.valid('query');
  return c.json(await batchMrLearnProgress(c.var.deps, c.get('auth')!, c.req.valid('param').id, { userId, externalId: mrLearnCourseId }, { cursor, limit }), 200);
};

export const batchMrTestResultsHandler: RouteHandler<typeof batchMrTestResultsRoute, AppEnv> = async (c) => {
  const { cursor, limit, userId, mrTestExamId } = c.req.valid('query');
  return c.json(await batchMrTestResults(c.var.deps, c.get('auth')!, c.req.valid('param').id, { userId, externalId: mrTestExamId }, { cursor, limit }), 200);
};

export const myMrLearnProgressHandler: RouteHandler<typeof myMrLearnProgressRoute, AppEnv> = async (c) => {
  const { cursor, limit, mrLearnCourseId } = c.req.valid('query');
  return c.json(await myMrLearnProgress(c.var.deps, c.get('auth')!, c.req.valid('param').id, { externalId: mrLearnCourseId }, { cursor, limit }), 200);
};

export const myMrTestResultsHandler: RouteHandler<typeof myMrTestResultsRoute, AppEnv> = async (c) => {
  const { cursor, limit, mrTestExamId } = c.req.valid('query');
  return c.json(await myMrTestResults(c.var.deps, c.get('auth')!, c.req.valid('param').id, { externalId: mrTestExamId }, { cursor, limit }), 200);
};

export const listReminderLogsHandler: RouteHandler<typeof listReminderLogsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listReminderLogs(c.var.deps, filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toReminderLogView), nextCursor }, 200);
};
