import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import type { performMeetingActionRoute, previewMeetingActionRoute } from './meeting-actions.routes.js';
import { performMeetingAction, previewMeetingAction } from '../../../services/meetings/meeting-actions.js';

export const previewMeetingActionHandler: RouteHandler<typeof previewMeetingActionRoute, AppEnv> = async (c) =>
  c.json(await previewMeetingAction(c.get('deps'), c.req.valid('param').token), 200);

export const performMeetingActionHandler: RouteHandler<typeof performMeetingActionRoute, AppEnv> = async (c) =>
  c.json(await performMeetingAction(c.get('deps'), c.req.valid('param').token), 200);
