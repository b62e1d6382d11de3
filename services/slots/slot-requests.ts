// Student-initiated slot requests (requested_slots). Accepting creates the slot and books it
// in one transaction, through the same locks and spending rule as a direct booking:
// MEETING_REQUESTED → CONFIRMED in the lifecycle. The booking emails start after the commit.
import type { Role } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { assertTransition } from '../../domain/slot/status.js';
import type { ServiceDeps } from '../deps.js';
import type { Db } from '../../infra/prisma.js';
import { spend } from './booking.js';
import { startSlotBookedNotification } from './slot-notification.starter.js';
import { slotSelect, toSlot } from './slot-view.js';
import { assertNoOverlap, checkWindow, lockMentor } from './slots.js';

type RequestStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'EXPIRED' | 'CANCELLED';
const select = { id: true, studentId: true, mentorId: true, requestedStart: true, requestedEnd: true, message: true, status: true, slotId: true, createdAt: true } as const;
type Row = { requestedStart: Date; requestedEnd: Date; createdAt: Date };
const view = <T extends Row>(r: T) => ({ ...r, requestedStart: r.requestedStart.toISOString(), requestedEnd: r.requestedEnd.toISOString(), createdAt: r.createdAt.toISOString() });

export async function createSlotRequest(db: Db, studentId: string, body: { mentorId: string; requestedStart: string; requestedEnd: string; message?: string | undefined }) {
  const start = new Date(body.requestedStart);
  const end = new Date(body.requestedEnd);
  checkWindow(start, end, new Date());
  const mentor = await db.mentor.findUnique({ where: { userId: body.mentorId }, select: { isActive: true } });
  if (!mentor?.isActive) throw new DomainError('NOT_FOUND', 'No such mentor');
  const row = await db.requestedSlot.create({
    data: { studentId, mentorId: body.mentorId, requestedStart: start, requestedEnd: end, message: body.message ?? null },
    select,
  });
  return view(row);
}

/** A mentor sees the requests to them; anyone else the requests they made. */
export async function listSlotRequests(db: Db, auth: { userId: string; role: Role }, status: RequestStatus | undefined) {
  const rows = await db.requestedSlot.findMany({
    where: { ...(auth.role === 'EXPERT' ? { mentorId: auth.userId } : { studentId: auth.userId }), ...(status ? { status } : {}) },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select,
  });
  return rows.map(view);
}

export async function acceptSlotRequest(deps: ServiceDeps, mentorId: string, id: string) {
  const now = new Date();
  // 404 before anything is locked when the request is not this mentor's.
  if (!(await deps.db.requestedSlot.findFirst({ where: { id, mentorId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such request to you');
  const result = await deps.db.$transaction(async (tx) => {
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
  await startSlotBookedNotification(deps, result.slot);
  return result;
}

export async function declineSlotRequest(db: Db, mentorId: string, id: string) {
  const moved = await db.requestedSlot.updateMany({ where: { id, mentorId, status: 'PENDING' }, data: { status: 'DECLINED', respondedAt: new Date() } });
  const row = await db.requestedSlot.findUnique({ where: { id }, select });
  if (!row || row.mentorId !== mentorId) throw new DomainError('NOT_FOUND', 'No such request to you');
  if (!moved.count) throw new DomainError('CONFLICT', `The request is ${row.status}`);
  return view(row);
}
