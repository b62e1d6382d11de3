// Attendance over HTTP; services/lms/attendance.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { listBatchAttendance, listClassAttendance, listMeetingAttendance, listMyAttendance, markClassAttendance, markMeetingAttendance, toAttendanceView } from '../../../services/lms/attendance.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { listBatchAttendanceRoute, listClassAttendanceRoute, listMeetingAttendanceRoute, listMyAttendanceRoute, markClassAttendanceRoute, markMeetingAttendanceRoute } from './lms-attendance.routes.js';

const page = <T extends { id: string; createdAt: Date }>(rows: T[], limit: number, view: (r: T) => ReturnType<typeof toAttendanceView>) => {
  const { items, nextCursor } = toPage(rows, limit);
  return { items: items.map(view), nextCursor };
};

export const markClassAttendanceHandler: RouteHandler<typeof markClassAttendanceRoute, AppEnv> = async (c) =>
  c.json(await markClassAttendance(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').entries), 200);

export const markMeetingAttendanceHandler: RouteHandler<typeof markMeetingAttendanceRoute, AppEnv> = async (c) =>
  c.json(await markMeetingAttendance(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').entries), 200);

export const listMyAttendanceHandler: RouteHandler<typeof listMyAttendanceRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  return c.json(page(await listMyAttendance(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit, toAttendanceView), 200);
};

export const listClassAttendanceHandler: RouteHandler<typeof listClassAttendanceRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  return c.json(page(await listClassAttendance(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { ...keyset(cursor), take: limit + 1 }), limit, toAttendanceView), 200);
};

export const listMeetingAttendanceHandler: RouteHandler<typeof listMeetingAttendanceRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  return c.json(page(await listMeetingAttendance(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { ...keyset(cursor), take: limit + 1 }), limit, toAttendanceView), 200);
};

export const listBatchAttendanceHandler: RouteHandler<typeof listBatchAttendanceRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  return c.json(page(await listBatchAttendance(c.get('deps'), c.get('auth')!, c.req.valid('param').id, filters, { ...keyset(cursor), take: limit + 1 }), limit, toAttendanceView), 200);
};
