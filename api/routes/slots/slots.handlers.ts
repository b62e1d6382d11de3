import type { RouteHandler } from '@hono/zod-openapi';
import type { AppEnv } from '../../deps.js';
import { keysetOn, toPageOn } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import { startMeetingEarnings } from '../../../services/meetings/meeting-earnings.starter.js';
import { startSlotBookedNotification } from '../../../services/slots/slot-notification.starter.js';
import { bookSlot, cancelSlot } from '../../../services/slots/booking.js';
import { confirmHold, holdSlot } from '../../../services/slots/hold.js';
import type { bookSlotRoute, confirmHoldRoute, holdSlotRoute, cancelSlotRoute, createSlotRoute, deleteSlotRoute, endSlotRoute, getSlotRoute, listSlotsRoute, updateSlotRoute } from './slots.routes.js';
import { slotSelect, toSlot } from '../../../services/slots/slot-view.js';
import { createSlot, deleteSlot, updateSlot } from '../../../services/slots/slots.js';

export const createSlotHandler: RouteHandler<typeof createSlotRoute, AppEnv> = async (c) =>
  c.json(await createSlot(c.var.deps.db, c.get('auth')!.userId, c.req.valid('json')), 201);

export const updateSlotHandler: RouteHandler<typeof updateSlotRoute, AppEnv> = async (c) =>
  c.json(await updateSlot(c.var.deps.db, c.get('auth')!.userId, c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteSlotHandler: RouteHandler<typeof deleteSlotRoute, AppEnv> = async (c) => {
  await deleteSlot(c.var.deps.db, c.get('auth')!.userId, c.req.valid('param').id);
  return c.body(null, 204);
};

export const listSlotsHandler: RouteHandler<typeof listSlotsRoute, AppEnv> = async (c) => {
  const { cursor, limit, mentorId, status, from, to, expertise } = c.req.valid('query');
  const page = keysetOn('startDateTime', 'asc', cursor);
  const rows = await c.var.deps.db.slot.findMany({
    where: {
      AND: [
        page.where,
        mentorId ? { mentorId } : {},
        status ? { status } : {},
        from || to ? { startDateTime: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } } : {},
        expertise ? { mentor: { mentor: { expertise: { has: expertise } } } } : {},
      ],
    },
    orderBy: page.orderBy,
    take: limit + 1,
    select: slotSelect,
  });
  const { items, nextCursor } = toPageOn(rows, limit, (s) => s.startDateTime);
  return c.json({ items: items.map(toSlot), nextCursor }, 200);
};

export const getSlotHandler: RouteHandler<typeof getSlotRoute, AppEnv> = async (c) => {
  const slot = await c.var.deps.db.slot.findUnique({ where: { id: c.req.valid('param').id }, select: slotSelect });
  if (!slot) throw new DomainError('NOT_FOUND', 'No such slot');
  return c.json(toSlot(slot), 200);
};

export const bookSlotHandler: RouteHandler<typeof bookSlotRoute, AppEnv> = async (c) => {
  const booked = await bookSlot(c.var.deps.db, c.req.valid('param').id, c.get('auth')!.userId);
  // After the commit: the booking stands even if the emails cannot be scheduled (it logs).
  await startSlotBookedNotification(c.var.deps, booked.slot);
  return c.json(booked, 200);
};

export const cancelSlotHandler: RouteHandler<typeof cancelSlotRoute, AppEnv> = async (c) =>
  c.json(await cancelSlot(c.var.deps.db, c.req.valid('param').id, c.get('auth')!, c.req.valid('json').reason), 200);

export const endSlotHandler: RouteHandler<typeof endSlotRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const auth = c.get('auth')!;
  const slot = await c.var.deps.db.slot.findUnique({ where: { id }, select: { mentorId: true } });
  const isStaff = auth.role === 'ADMIN' || auth.role === 'SUPERADMIN';
  if (!slot || (!isStaff && slot.mentorId !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such slot of yours');
  const endedAt = c.req.valid('json').endedAt ?? new Date().toISOString();
  const accepted = await startMeetingEarnings(c.var.deps, { slotId: id, endedAt, source: isStaff ? 'admin' : 'mentor', endedBy: auth.userId });
  return c.json(accepted, 202);
};

export const holdSlotHandler: RouteHandler<typeof holdSlotRoute, AppEnv> = async (c) =>
  c.json(await holdSlot(c.var.deps, c.req.valid('param').id, c.get('auth')!.userId), 201);

export const confirmHoldHandler: RouteHandler<typeof confirmHoldRoute, AppEnv> = async (c) => {
  const confirmed = await confirmHold(c.var.deps, c.req.valid('param').id, c.get('auth')!.userId);
  if (!confirmed.alreadyConfirmed) await startSlotBookedNotification(c.var.deps, confirmed.slot);
  return c.json(confirmed, 200);
};
