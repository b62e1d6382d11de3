// Lead follow-ups over HTTP: create (with its reminder timer), reschedule, complete. The rules
// live in services/crm/follow-ups.ts.
import type { RouteHandler } from '@hono/zod-openapi';
import { completeFollowUp, createFollowUp, rescheduleFollowUp } from '../../../services/crm/follow-ups.js';
import type { AppEnv } from '../../deps.js';
import { createRouter } from '../../openapi.js';
import { completeFollowUpRoute, createFollowUpRoute, rescheduleFollowUpRoute } from './follow-ups.routes.js';

type Row = { dueAt: Date; reminderSentAt: Date | null };
const view = <T extends Row>(f: T) => ({ ...f, dueAt: f.dueAt.toISOString(), reminderSentAt: f.reminderSentAt?.toISOString() ?? null });

const create: RouteHandler<typeof createFollowUpRoute, AppEnv> = async (c) => {
  const created = await createFollowUp(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json'));
  return c.json(view(created), 201);
};

const reschedule: RouteHandler<typeof rescheduleFollowUpRoute, AppEnv> = async (c) => {
  const updated = await rescheduleFollowUp(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').dueAt);
  return c.json(view(updated), 200);
};

const complete: RouteHandler<typeof completeFollowUpRoute, AppEnv> = async (c) => {
  const done = await completeFollowUp(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').outcomeNote);
  return c.json(view(done), 200);
};

export const followUpsRouter = createRouter().openapi(createFollowUpRoute, create).openapi(rescheduleFollowUpRoute, reschedule).openapi(completeFollowUpRoute, complete);
