// Student-initiated slot requests (requested_slots). Accepting creates the slot and books it
// in one transaction, through the same locks and spending rule as a direct booking:
// MEETING_REQUESTED → CONFIRMED in the lifecycle.
import type { RouteHandler } from '@hono/zod-openapi';
import { assertTransition } from '../../../domain/slot/status.js';
import type { AppEnv } from '../../deps.js';
import { createRouter } from '../../openapi.js';
import { DomainError } from '../../../domain/errors.js';
import { spend } from '../../../services/slots/booking.js';
import { slotSelect, toSlot } from '../../../services/slots/slot-view.js';
import { assertNoOverlap, checkWindow, lockMentor } from '../../../services/slots/slots.js';
import { acceptRequestRoute, createRequestRoute, declineRequestRoute, listRequestsRoute } from './slot-requests.routes.js';
import { startSlotBookedNotification } from '../../../services/slots/slot-notification.starter.js';

const select = { id: true, studentId: true, mentorId: true, requestedStart: true, requestedEnd: true, message: true, status: true, slotId: true, createdAt: true } as const;
type Row = { requestedStart: Date; requestedEnd: Date; createdAt: Date };
const view = <T extends Row>(r: T) => ({ ...r, requestedStart: r.requestedStart.toISOString(), requestedEnd: r.requestedEnd.toISOString(), createdAt: r.createdAt.toISOString() });

const create: RouteHandler<typeof createRequestRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const start = new Date(body.requestedStart);
  const end = new Date(body.requestedEnd);
  checkWindow(start, end, new Date());
  const mentor = await c.var.deps.db.mentor.findUnique({ where: { userId: body.mentorId }, select: { isActive: true } });
  if (!mentor?.isActive) throw new DomainError('NOT_FOUND', 'No such mentor');
  const row = await c.var.deps.db.requestedSlot.create({
    data: { studentId: c.get('auth')!.userId, mentorId: body.mentorId, requestedStart: start, requestedEnd: end, message: body.message ?? null },
    select,
  });
  return c.json(view(row), 201);
};

const list: RouteHandler<typeof listRequestsRoute, AppEnv> = async (c) => {
  const auth = c.get('auth')!;
  const { status } = c.req.valid('query');
  const rows = await c.var.deps.db.requestedSlot.findMany({
    where: { ...(auth.role === 'EXPERT' ? { mentorId: auth.userId } : { studentId: auth.userId }), ...(status ? { status } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select,
  });
  return c.json({ items: rows.map(view) }, 200);
};

const accept: RouteHandler<typeof acceptRequestRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const mentorId = c.get('auth')!.userId;
  const now = new Date();
  // 404 before anything is locked when the request is not this mentor's.
  if (!(await c.var.deps.db.requestedSlot.findFirst({ where: { id, mentorId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such request to you');
  const result = await c.var.deps.db.$transaction(async (tx) => {
    const mentor = await lockMentor(tx, mentorId);
    const [req] = await tx.$queryRaw<{ studentId: string; mentorId: string; status: string; requestedStart: Date; requestedEnd: Date }[]>`
      SELECT "studentId", "mentorId", "status"::text AS "status", "requestedStart", "requestedEnd" FROM "public"."requested_slots" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!req || req.mentorId !== mentorId) throw new DomainError('NOT_FOUND', 'No such request to you');
    if (req.status !== 'PENDING') throw new DomainError('CONFLICT', `The request is ${req.status}`);
    if (req.requestedStart <= now) throw new DomainError('CONFLICT', 'The requested time has passed');
    await assertNoOverlap(tx, mentorId, req.requestedStart, req.requestedEnd);
    assertTransition('MEETING_REQUESTED', 'CONFIRMED');
    // The same spend as a direct booking; for the mentor, a student short of tokens is a conflict.
    const { split, wallet } = await spend(tx, req.studentId, mentor.rateTokens, now).catch((err: unknown) => {
      if (err instanceof DomainError && err.code === 'INSUFFICIENT_TOKENS') throw new DomainError('CONFLICT', "The student's tokens no longer cover this session");
      throw err;
    });
    const slot = await tx.slot.create({
      data: { mentorId, studentId: req.studentId, startDateTime: req.requestedStart, endDateTime: req.requestedEnd, status: 'CONFIRMED', priceTokens: mentor.rateTokens, mentorEarningPaise: mentor.earningPerSessionPaise },
      select: slotSelect,
    });
    await tx.tokenUsage.create({
      data: {
        userId: req.studentId,
        slotId: slot.id,
        type: 'BOOKING',
        amount: -mentor.rateTokens,
        paidAmount: split.fromPaid,
        promoAmount: split.fromPromo,
        balanceAfter: wallet.paid + wallet.promo - mentor.rateTokens,
        description: `Requested session accepted (${id})`,
        idempotencyKey: `booking:${slot.id}`,
      },
    });
    const request = await tx.requestedSlot.update({ where: { id }, data: { status: 'ACCEPTED', slotId: slot.id, respondedAt: now }, select });
    return { request: view(request), slot: toSlot(slot) };
  });
  // An accepted request is a booking: email both sides, after the commit (as POST …/book does).
  await startSlotBookedNotification(c.var.deps, result.slot);
  return c.json(result, 200);
};

const decline: RouteHandler<typeof declineRequestRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const moved = await c.var.deps.db.requestedSlot.updateMany({ where: { id, mentorId: c.get('auth')!.userId, status: 'PENDING' }, data: { status: 'DECLINED', respondedAt: new Date() } });
  const row = await c.var.deps.db.requestedSlot.findUnique({ where: { id }, select });
  if (!row || row.mentorId !== c.get('auth')!.userId) throw new DomainError('NOT_FOUND', 'No such request to you');
  if (!moved.count) throw new DomainError('CONFLICT', `The request is ${row.status}`);
  return c.json(view(row), 200);
};

export const slotRequestsRouter = createRouter().openapi(createRequestRoute, create).openapi(listRequestsRoute, list).openapi(acceptRequestRoute, accept).openapi(declineRequestRoute, decline);
