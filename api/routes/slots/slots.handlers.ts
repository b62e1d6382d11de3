// Slots: HTTP only; services/slots (slots, booking, holds, cancellation) and services/meetings
// (ending, disputes) do the work.
import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keysetOn, toPageOn } from '../../pagination.js';
import { endMeeting } from '../../../services/meetings/meeting-earnings.starter.js';
import { slotMeetingLog } from '../../../services/meetings/meeting-logs.js';
import { reportNoShow, ruleOnReview } from '../../../services/meetings/meeting-review.js';
import { bookSlot } from '../../../services/slots/booking.js';
import { afterSlotCancelled } from '../../../services/calendar/slot-calendar.starter.js';
import { answerCancellation, cancelSlot } from '../../../services/slots/cancellation.js';
import { confirmHold, holdSlot } from '../../../services/slots/hold.js';
import { getSlot, searchSlots } from '../../../services/slots/slot-queries.js';
import { createSlot, deleteSlot, updateSlot } from '../../../services/slots/slots.js';
import type {
  slotMeetingLogRoute,
  approveCancellationRoute,
  bookSlotRoute,
  cancelSlotRoute,
  confirmHoldRoute,
  createSlotRoute,
  declineCancellationRoute,
  deleteSlotRoute,
  endSlotRoute,
  getSlotRoute,
  holdSlotRoute,
  listSlotsRoute,
  reportNoShowRoute,
  reviewSlotRoute,
  updateSlotRoute,
} from './slots.routes.js';

export const createSlotHandler: RouteHandler<typeof createSlotRoute, AppEnv> = async (c) =>
  c.json(await createSlot(c.get('deps').db, c.get('auth')!.userId, c.req.valid('json')), 201);

export const updateSlotHandler: RouteHandler<typeof updateSlotRoute, AppEnv> = async (c) =>
  c.json(await updateSlot(c.get('deps').db, c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteSlotHandler: RouteHandler<typeof deleteSlotRoute, AppEnv> = async (c) => {
  await deleteSlot(c.get('deps').db, c.get('auth')!.userId, c.req.valid('param').id);
  return c.body(null, 204);
};

export const listSlotsHandler: RouteHandler<typeof listSlotsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const page = keysetOn('startDateTime', 'asc', cursor);
  const rows = await searchSlots(c.get('deps').db, filters, { ...page, take: limit + 1 });
  return c.json(toPageOn(rows, limit, (s) => new Date(s.startDateTime)), 200);
};

export const getSlotHandler: RouteHandler<typeof getSlotRoute, AppEnv> = async (c) => c.json(await getSlot(c.get('deps').db, c.req.valid('param').id), 200);

export const bookSlotHandler: RouteHandler<typeof bookSlotRoute, AppEnv> = async (c) => c.json(await bookSlot(c.get('deps'), c.req.valid('param').id, c.get('auth')!.userId), 200);

export const cancelSlotHandler: RouteHandler<typeof cancelSlotRoute, AppEnv> = async (c) => {
  const result = await cancelSlot(c.get('deps').db, c.req.valid('param').id, c.get('auth')!, c.req.valid('json').reason);
  await afterSlotCancelled(c.get('deps'), result.slot);
  return c.json(result, 200);
};

export const approveCancellationHandler: RouteHandler<typeof approveCancellationRoute, AppEnv> = async (c) => {
  const result = await answerCancellation(c.get('deps').db, c.req.valid('param').id, c.get('auth')!, 'approve', c.req.valid('json').note);
  await afterSlotCancelled(c.get('deps'), result.slot);
  return c.json(result, 200);
};

export const declineCancellationHandler: RouteHandler<typeof declineCancellationRoute, AppEnv> = async (c) =>
  c.json(await answerCancellation(c.get('deps').db, c.req.valid('param').id, c.get('auth')!, 'decline', c.req.valid('json').note), 200);

export const endSlotHandler: RouteHandler<typeof endSlotRoute, AppEnv> = async (c) =>
  c.json(await endMeeting(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').endedAt), 202);

export const reportNoShowHandler: RouteHandler<typeof reportNoShowRoute, AppEnv> = async (c) =>
  c.json(await reportNoShow(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').note), 202);

export const reviewSlotHandler: RouteHandler<typeof reviewSlotRoute, AppEnv> = async (c) =>
  c.json(await ruleOnReview(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 200);

export const holdSlotHandler: RouteHandler<typeof holdSlotRoute, AppEnv> = async (c) =>
  c.json(await holdSlot(c.get('deps'), c.req.valid('param').id, c.get('auth')!.userId), 201);

export const confirmHoldHandler: RouteHandler<typeof confirmHoldRoute, AppEnv> = async (c) => c.json(await confirmHold(c.get('deps'), c.req.valid('param').id, c.get('auth')!.userId), 200);

export const slotMeetingLogHandler: RouteHandler<typeof slotMeetingLogRoute, AppEnv> = async (c) => c.json({ items: await slotMeetingLog(c.get('deps').db, c.get('auth')!, c.req.valid('param').id) }, 200);
