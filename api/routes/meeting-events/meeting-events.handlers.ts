import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { startMeetingEarnings } from '../../../services/meetings/meeting-earnings.starter.js';
import type { meetingEnded } from './meeting-events.routes.js';

export const meetingEndedHandler: RouteHandler<typeof meetingEnded, AppEnv> = async (c) => {
  const { slotId } = c.req.valid('param');
  const { endedAt, startedAt } = c.req.valid('json');
  const accepted = await startMeetingEarnings(c.get('deps'), { slotId, endedAt, ...(startedAt ? { startedAt } : {}), source: 'meeting-server' });
  return c.json(accepted, 202);
};
