// Super-mentor meetings over HTTP; services/mentors/super-mentor-meetings.ts holds who may act and the lifecycle.
import type { RouteHandler } from '@hono/zod-openapi';
import {
  cancelSuperMentorMeeting,
  completeSuperMentorMeeting,
  getSuperMentorMeeting,
  listAllSuperMentorMeetings,
  listMySuperMentorMeetings,
  myMeetingOrder,
  scheduleSuperMentorMeetings,
  toSuperMentorMeetingView,
  updateSuperMentorMeeting,
} from '../../../services/mentors/super-mentor-meetings.js';
import type { AppEnv } from '../../deps.js';
import { keyset, keysetOn, toPage, toPageOn } from '../../pagination.js';
import type {
  allSuperMentorMeetingsRoute,
  cancelSuperMentorMeetingRoute,
  completeSuperMentorMeetingRoute,
  getSuperMentorMeetingRoute,
  mySuperMentorMeetingsRoute,
  scheduleSuperMentorMeetingRoute,
  updateSuperMentorMeetingRoute,
} from './super-mentor-meetings.routes.js';

export const scheduleHandler: RouteHandler<typeof scheduleSuperMentorMeetingRoute, AppEnv> = async (c) =>
  c.json({ items: await scheduleSuperMentorMeetings(c.get('deps'), c.get('auth')!, c.req.valid('json')) }, 201);

export const mineHandler: RouteHandler<typeof mySuperMentorMeetingsRoute, AppEnv> = async (c) => {
  const { cursor, limit, as, when } = c.req.valid('query');
  const page = keysetOn('scheduledAt', myMeetingOrder(when), cursor);
  const rows = await listMySuperMentorMeetings(c.get('deps'), c.get('auth')!, { as, when }, { ...page, take: limit + 1 });
  const { items, nextCursor } = toPageOn(rows, limit, (m) => m.scheduledAt);
  return c.json({ items: items.map(toSuperMentorMeetingView), nextCursor }, 200);
};

export const allHandler: RouteHandler<typeof allSuperMentorMeetingsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listAllSuperMentorMeetings(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toSuperMentorMeetingView), nextCursor }, 200);
};

export const getHandler: RouteHandler<typeof getSuperMentorMeetingRoute, AppEnv> = async (c) => c.json(await getSuperMentorMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const updateHandler: RouteHandler<typeof updateSuperMentorMeetingRoute, AppEnv> = async (c) =>
  c.json(await updateSuperMentorMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const cancelHandler: RouteHandler<typeof cancelSuperMentorMeetingRoute, AppEnv> = async (c) =>
  c.json(await cancelSuperMentorMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').reason), 200);

export const completeHandler: RouteHandler<typeof completeSuperMentorMeetingRoute, AppEnv> = async (c) =>
  c.json(await completeSuperMentorMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);
