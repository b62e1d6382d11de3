// Batch meetings over HTTP; services/lms/batch-meetings.ts holds who may manage them and the lifecycle.
import type { RouteHandler } from '@hono/zod-openapi';
import {
  attachBatchMeetingRecording,
  listBatchMeetings,
  listMyBatchMeetings,
  myMeetingOrder,
  scheduleBatchMeeting,
  toBatchMeetingView,
  toStudentMeetingView,
  transitionBatchMeeting,
  updateBatchMeeting,
} from '../../../services/lms/batch-meetings.js';
import type { AppEnv } from '../../deps.js';
import { keyset, keysetOn, toPage, toPageOn } from '../../pagination.js';
import type {
  attachRecordingRoute,
  cancelMeetingRoute,
  completeMeetingRoute,
  listBatchMeetingsRoute,
  myMeetingsRoute,
  scheduleMeetingRoute,
  startMeetingRoute,
  updateMeetingRoute,
} from './lms-batch-meetings.routes.js';

export const scheduleMeetingHandler: RouteHandler<typeof scheduleMeetingRoute, AppEnv> = async (c) => c.json(await scheduleBatchMeeting(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listBatchMeetingsHandler: RouteHandler<typeof listBatchMeetingsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listBatchMeetings(c.get('deps'), c.get('auth')!, f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toBatchMeetingView), nextCursor }, 200);
};

export const updateMeetingHandler: RouteHandler<typeof updateMeetingRoute, AppEnv> = async (c) =>
  c.json(await updateBatchMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const startMeetingHandler: RouteHandler<typeof startMeetingRoute, AppEnv> = async (c) => c.json(await transitionBatchMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'LIVE'), 200);

export const completeMeetingHandler: RouteHandler<typeof completeMeetingRoute, AppEnv> = async (c) =>
  c.json(await transitionBatchMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'COMPLETED', c.req.valid('json')), 200);

export const cancelMeetingHandler: RouteHandler<typeof cancelMeetingRoute, AppEnv> = async (c) =>
  c.json(await transitionBatchMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'CANCELLED'), 200);

export const attachRecordingHandler: RouteHandler<typeof attachRecordingRoute, AppEnv> = async (c) =>
  c.json(await attachBatchMeetingRecording(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const myMeetingsHandler: RouteHandler<typeof myMeetingsRoute, AppEnv> = async (c) => {
  const { cursor, limit, when } = c.req.valid('query');
  const page = keysetOn('startTime', myMeetingOrder(when), cursor);
  const rows = await listMyBatchMeetings(c.get('deps'), c.get('auth')!, when, { ...page, take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (m) => m.startTime);
  return c.json({ items: items.map(toStudentMeetingView), nextCursor }, 200);
};
