// Meeting recordings: HTTP only; services/meetings/recording-uploads.ts does the work.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import type { completeRecordingRoute, createRecordingRoute, deleteRecordingRoute, getRecordingRoute, listSlotRecordingsRoute } from './recordings.routes.js';
import { completeRecording, createRecording, deleteRecording, getRecording, listSlotRecordings } from '../../../services/meetings/recording-uploads.js';

export const createRecordingHandler: RouteHandler<typeof createRecordingRoute, AppEnv> = async (c) =>
  c.json(await createRecording(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 201);

export const completeRecordingHandler: RouteHandler<typeof completeRecordingRoute, AppEnv> = async (c) =>
  c.json(await completeRecording(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 202);

export const listSlotRecordingsHandler: RouteHandler<typeof listSlotRecordingsRoute, AppEnv> = async (c) =>
  c.json({ items: await listSlotRecordings(c.get('deps'), c.get('auth')!, c.req.valid('param').id) }, 200);

export const getRecordingHandler: RouteHandler<typeof getRecordingRoute, AppEnv> = async (c) => c.json(await getRecording(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const deleteRecordingHandler: RouteHandler<typeof deleteRecordingRoute, AppEnv> = async (c) =>
  c.json(await deleteRecording(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 202);
