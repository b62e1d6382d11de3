// Cancelling a slot, race-free: every path locks the slot row first and refunds through one
// ledger row keyed refund:<slotId>, so a slot is refunded at most once. A student's cancel
// inside the notice window is only a request (CANCELLATION_REQUESTED) that the mentor (or an
// admin) approves, with the policy's refund, or declines, and the booking stands.
import type { Role } from '../../domain/auth/roles.js';
import { STAFF } from '../../domain/auth/roles.js';
import { refundTokens, splitRefund } from '../../domain/booking/tokens.js';
import { DomainError } from '../../domain/errors.js';
import { assertTransition, inNoticeWindow } from '../../domain/slot/status.js';
import type { SystemConfigValue } from '../../domain/system-config/keys.js';
import type { Db } from '../../infra/prisma.js';
import { readConfig } from '../system-config/read-config.js';
import { returnTokens } from '../tokens/return-tokens.js';
import { lockSlot, type Tx } from './booking.js';
import { slotSelect, toSlot, type SlotView } from './slot-view.js';

export type CancellationPolicy = SystemConfigValue<'booking.cancellationPolicy'>;
type Actor = { userId: string; role: Role };
type Canceller = 'admin' | 'mentor' | 'student';
type LockedSlot = Awaited<ReturnType<typeof lockSlot>>;

export interface CancellationResult {
  slot: SlotView;
  refunded: { paid: number; promotional: number };
}

const NOTHING = { paid: 0, promotional: 0 };

function roleOn(slot: LockedSlot, actor: Actor): Canceller | null {
  if (STAFF.includes(actor.role)) return 'admin';
  if (slot.mentorId === actor.userId) return 'mentor';
  return slot.studentId === actor.userId ? 'student' : null;
}

const refundKey = (slotId: string) => `refund:${slotId}`;

/**
 * Refunds what the student paid for the locked slot (a direct booking, or a confirmed hold's
 * escrow), `by` deciding how much under the policy. Nothing to refund on an unbooked slot.
 */
export async function refundBooking(tx: Tx, slot: LockedSlot, by: Canceller, description: string, policy: CancellationPolicy, now: Date) {
  if (!slot.studentId) return NOTHING;
  const booking = await tx.tokenUsage.findFirst({ where: { slotId: slot.id, userId: slot.studentId, type: { in: ['BOOKING', 'HOLD'] } }, orderBy: { createdAt: 'desc' } });
  if (!booking) return NOTHING;
  const tokens = refundTokens({ price: -booking.amount, by, slotStart: slot.startDateTime, now, policy });
  const back = splitRefund(tokens, { fromPaid: booking.paidAmount, fromPromo: booking.promoAmount });
  await returnTokens(tx, slot.studentId, { paid: back.fromPaid, promo: back.fromPromo }, { slotId: slot.id, type: 'REFUND', amount: tokens, description, idempotencyKey: refundKey(slot.id) }, now);
  return { paid: back.fromPaid, promotional: back.fromPromo };
}

/** What the one refund of a slot gave back (a repeated cancel answers with it). */
async function priorRefund(tx: Tx, slotId: string) {
  const prior = await tx.tokenUsage.findUnique({ where: { idempotencyKey: refundKey(slotId) } });
  return { paid: prior?.paidAmount ?? 0, promotional: prior?.promoAmount ?? 0 };
}

const current = async (tx: Tx, slotId: string) => toSlot(await tx.slot.findUniqueOrThrow({ where: { id: slotId }, select: slotSelect }));

export async function cancelSlot(db: Db, slotId: string, actor: Actor, reason: string | undefined): Promise<CancellationResult> {
  const now = new Date();
  const policy = await readConfig(db, 'booking.cancellationPolicy');
  return db.$transaction((tx) => cancelSlotIn(tx, slotId, actor, reason, policy, now));
}

/** The cancellation inside a caller's transaction (an emailed cancel link claims its token in the same one). */
export async function cancelSlotIn(tx: Tx, slotId: string, actor: Actor, reason: string | undefined, policy: CancellationPolicy, now: Date): Promise<CancellationResult> {
  const slot = await lockSlot(tx, slotId);
  const by = roleOn(slot, actor);
  if (!by) throw new DomainError('NOT_FOUND', 'No such slot of yours');

  // Idempotent: a second cancel answers with what the first one did.
  if (slot.status === 'CANCELLED') return { slot: await current(tx, slotId), refunded: await priorRefund(tx, slotId) };
  if (slot.status === 'CANCELLATION_REQUESTED' && by === 'student') return { slot: await current(tx, slotId), refunded: NOTHING };

  const bookedOrRequested = slot.status === 'CONFIRMED' || slot.status === 'CANCELLATION_REQUESTED';
  // An unbooked slot (TENTATIVE) is its mentor's to withdraw; a student is never on one.
  if (!bookedOrRequested && !(slot.status === 'TENTATIVE' && by !== 'student')) {
    throw new DomainError('ILLEGAL_TRANSITION', `A ${slot.status} slot cannot be cancelled`);
  }

  if (by === 'student' && inNoticeWindow(slot.startDateTime, now, policy)) {
    assertTransition(slot.status, 'CANCELLATION_REQUESTED');
    const requested = await tx.slot.update({ where: { id: slotId }, data: { status: 'CANCELLATION_REQUESTED' }, select: slotSelect });
    await logCancellation(tx, slotId, actor.userId, now, { stage: 'requested', by, reason: reason ?? null });
    return { slot: toSlot(requested), refunded: NOTHING };
  }

  // A mentor's (or admin's) cancel of a pending request is their own cancellation: a full refund.
  assertTransition(slot.status, 'CANCELLED');
  const refunded = await refundBooking(tx, slot, by, `Cancelled by the ${by}${reason ? `: ${reason}` : ''}`, policy, now);
  const cancelled = await tx.slot.update({ where: { id: slotId }, data: { status: 'CANCELLED' }, select: slotSelect });
  await logCancellation(tx, slotId, actor.userId, now, { by, reason: reason ?? null });
  return { slot: toSlot(cancelled), refunded };
}

/**
 * The mentor's (or an admin's) answer to a cancellation request. Approve: CANCELLED with the
 * refund the policy gives a student's late cancel. Decline: CONFIRMED again. The slot lock makes
 * an approve and a decline racing each other one win and the other answer 409.
 */
export async function answerCancellation(db: Db, slotId: string, actor: Actor, decision: 'approve' | 'decline', note: string | undefined): Promise<CancellationResult> {
  const now = new Date();
  const policy = await readConfig(db, 'booking.cancellationPolicy');
  return db.$transaction(async (tx) => {
    const slot = await lockSlot(tx, slotId);
    const by = roleOn(slot, actor);
    if (!by) throw new DomainError('NOT_FOUND', 'No such slot of yours');
    if (by === 'student') throw new DomainError('FORBIDDEN', "Only the slot's mentor or an admin answers a cancellation request");
    if (slot.status !== 'CANCELLATION_REQUESTED') throw new DomainError('CONFLICT', `The slot is ${slot.status}; there is no cancellation request to ${decision}`);

    if (decision === 'decline') {
      assertTransition(slot.status, 'CONFIRMED');
      const confirmed = await tx.slot.update({ where: { id: slotId }, data: { status: 'CONFIRMED' }, select: slotSelect });
      await logCancellation(tx, slotId, actor.userId, now, { stage: 'declined', by, reason: note ?? null });
      return { slot: toSlot(confirmed), refunded: NOTHING };
    }
    assertTransition(slot.status, 'CANCELLED');
    // The refund is the student's: the policy's late-cancel share, whoever approves it.
    const refunded = await refundBooking(tx, slot, 'student', `Cancellation request approved by the ${by}${note ? `: ${note}` : ''}`, policy, now);
    const cancelled = await tx.slot.update({ where: { id: slotId }, data: { status: 'CANCELLED' }, select: slotSelect });
    await logCancellation(tx, slotId, actor.userId, now, { stage: 'approved', by, reason: note ?? null });
    return { slot: toSlot(cancelled), refunded };
  });
}

/** meeting_logs has no event for a request or a decline: they are CANCELLED events with a stage. */
async function logCancellation(tx: Tx, slotId: string, userId: string, now: Date, metadata: { stage?: 'requested' | 'approved' | 'declined'; by: Canceller; reason: string | null }) {
  await tx.meetingLog.create({ data: { slotId, userId, event: 'CANCELLED', occurredAt: now, source: 'api', metadata } });
}
