// AI classrooms over HTTP. services/ai/classrooms.ts and classroom-progress.ts hold the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { getMyProgress, listClassroomProgress, recordMyProgress, toProgressView } from '../../../services/ai/classroom-progress.js';
import {
  approveRequest,
  archiveClassroom,
  getClassroom,
  getRequest,
  listClassrooms,
  listMyRequests,
  listRequests,
  publishClassroom,
  rejectRequest,
  requestClassroom,
  toClassroomSummary,
  toRequestView,
  updateClassroom,
} from '../../../services/ai/classrooms.js';
import type { Prisma } from '../../../prisma/generated/client.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  approveRequestRoute,
  archiveClassroomRoute,
  getClassroomRoute,
  getMyProgressRoute,
  getRequestRoute,
  listClassroomsRoute,
  listMyRequestsRoute,
  listProgressRoute,
  listRequestsRoute,
  publishClassroomRoute,
  recordProgressRoute,
  rejectRequestRoute,
  requestClassroomRoute,
  updateClassroomRoute,
} from './ai-classrooms.routes.js';

export const requestClassroomHandler: RouteHandler<typeof requestClassroomRoute, AppEnv> = async (c) => c.json(await requestClassroom(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listMyRequestsHandler: RouteHandler<typeof listMyRequestsRoute, AppEnv> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listMyRequests(c.get('deps'), c.get('auth')!, status, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toRequestView), nextCursor }, 200);
};

export const listRequestsHandler: RouteHandler<typeof listRequestsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listRequests(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toRequestView), nextCursor }, 200);
};

export const getRequestHandler: RouteHandler<typeof getRequestRoute, AppEnv> = async (c) => c.json(await getRequest(c.get('deps'), c.req.valid('param').id), 200);

export const approveRequestHandler: RouteHandler<typeof approveRequestRoute, AppEnv> = async (c) =>
  c.json(await approveRequest(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const rejectRequestHandler: RouteHandler<typeof rejectRequestRoute, AppEnv> = async (c) =>
  c.json(await rejectRequest(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').note), 200);

export const listClassroomsHandler: RouteHandler<typeof listClassroomsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listClassrooms(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toClassroomSummary), nextCursor }, 200);
};

export const getClassroomHandler: RouteHandler<typeof getClassroomRoute, AppEnv> = async (c) => c.json(await getClassroom(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const updateClassroomHandler: RouteHandler<typeof updateClassroomRoute, AppEnv> = async (c) => {
  const { content, ...rest } = c.req.valid('json');
  const input = { ...rest, ...(content !== undefined ? { content: content as Prisma.InputJsonValue } : {}) };
  return c.json(await updateClassroom(c.get('deps'), c.get('auth')!, c.req.valid('param').id, input), 200);
};

export const publishClassroomHandler: RouteHandler<typeof publishClassroomRoute, AppEnv> = async (c) => c.json(await publishClassroom(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const archiveClassroomHandler: RouteHandler<typeof archiveClassroomRoute, AppEnv> = async (c) => c.json(await archiveClassroom(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const recordProgressHandler: RouteHandler<typeof recordProgressRoute, AppEnv> = async (c) =>
  c.json(await recordMyProgress(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const getMyProgressHandler: RouteHandler<typeof getMyProgressRoute, AppEnv> = async (c) => c.json(await getMyProgress(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const listProgressHandler: RouteHandler<typeof listProgressRoute, AppEnv> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  const rows = await listClassroomProgress(c.get('deps'), c.req.valid('param').id, status, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(({ user, ...r }) => ({ ...toProgressView(r), user })), nextCursor }, 200);
};
