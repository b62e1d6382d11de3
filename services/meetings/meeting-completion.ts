// The meeting-end steps of meetingEarnings, each one transaction and idempotent:
// completeMeeting ends a CONFIRMED slot (COMPLETED, or UNDER_REVIEW when it ran far shorter
// than booked) and is a no-op on a slot it already ended; settleReview applies an admin's
// ruling once; creditMentorEarnings is guarded by slots.earningsCredited and the ledger's key.
import { DomainError } from '../../domain/errors.js';
import { assertTransition, canEndMeeting, isFarShorterThanBooked } from '../../domain/slot/status.js';
import type { Db } from '../../infra/prisma.js';
import { awardSessionXp } from '../engagement/xp.js';
import { lockSlot } from '../slots/booking.js';
import { refundBooking } from '../slots/cancellation.js';
import { readConfig } from '../system-config/read-config.js';

export interface CompleteMeetingInput {
  slotId: string;
  endedAt: string;
  /** When the meeting server saw the meeting start, if it said. */
  startedAt?: string | undefined;
  source: string;
  endedBy?: string | undefined;
}

export interface CompleteMeetingResult {
  /** False when the slot was already ended (a retry or a replayed event). */
  transitioned: boolean;
  actualEndTime: string;
  /** Present (true) when the session is disputed and waits for an admin's ruling. */
  underReview?: true;
}

export interface CreditResult {
  credited: boolean;
  amountPaise: number;
  balanceAfterPaise: number | null;
}

export type ReviewDecision = 'credit' | 'refund';

export interface SettleReviewInput {
  slotId: string;
  decision: ReviewDecision;
  note?: string | undefined;
  ruledBy: string;
}

export const slotEarningKey = (slotId: string) => `slot-earning:${slotId}`;

/** An admin's own end is their ruling already; only the others' reports can be disputed. */
const UNDISPUTED_SOURCES = new Set(['admin']);

export async function completeMeeting(db: Db, input: CompleteMeetingInput): Promise<CompleteMeetingResult> {
  const minPercent = await readConfig(db, 'booking.disputeMinDurationPercent');
  return db.$transaction(async (tx) => {
    const [slot] = await tx.$queryRaw<{ status: 'CONFIRMED'; actualEndTime: Date | null; startDateTime: Date; endDateTime: Date }[]>`
      SELECT status, "actualEndTime", "startDateTime", "endDateTime" FROM slots WHERE id = ${input.slotId}::uuid FOR UPDATE`;
    if (!slot) throw new DomainError('NOT_FOUND', `Slot ${input.slotId} does not exist`);

    const verdict = canEndMeeting(slot.status);
    if (verdict === 'not-endable') throw new DomainError('ILLEGAL_TRANSITION', `Slot ${input.slotId} is ${slot.status} and cannot end`);

    let actualEndTime = slot.actualEndTime ?? new Date(input.endedAt);
    let underReview = (slot.status as string) === 'UNDER_REVIEW';
    if (verdict === 'end') {
      actualEndTime = new Date(input.endedAt);
      underReview =
        !UNDISPUTED_SOURCES.has(input.source) &&
        isFarShorterThanBooked({ bookedStart: slot.startDateTime, bookedEnd: slot.endDateTime, startedAt: input.startedAt ? new Date(input.startedAt) : undefined, endedAt: actualEndTime, minPercent });
      const to = underReview ? 'UNDER_REVIEW' : 'COMPLETED';
      assertTransition(slot.status, to);
      await tx.slot.update({ where: { id: input.slotId }, data: { status: to, actualEndTime } });
      if (to === 'COMPLETED') await awardSessionXp(tx, input.slotId);
    }
    await tx.meetingLog.upsert({
      where: { dedupeKey: `ended:${input.slotId}` },
      create: {
        slotId: input.slotId,
        userId: input.endedBy ?? null,
        event: 'ENDED',
        occurredAt: new Date(input.endedAt),
        source: input.source,
        dedupeKey: `ended:${input.slotId}`,
        ...(underReview ? { metadata: { underReview: true, minDurationPercent: minPercent } } : {}),
      },
      update: {},
    });
    return { transitioned: verdict === 'end', actualEndTime: actualEndTime.toISOString(), ...(underReview ? { underReview: true as const } : {}) };
  });
}

/**
 * Applies an admin's ruling on an UNDER_REVIEW slot: credit → COMPLETED (creditMentorEarnings
 * then pays the mentor); refund → the student's tokens back in full, CANCELLED. A retry after
 * the same ruling committed is a no-op.
 */
export async function settleReview(db: Db, input: SettleReviewInput, now: Date): Promise<{ status: 'COMPLETED' | 'CANCELLED'; refunded: { paid: number; promotional: number } }> {
  const policy = await readConfig(db, 'booking.cancellationPolicy');
  return db.$transaction(async (tx) => {
    const slot = await lockSlot(tx, input.slotId);
    const to = input.decision === 'credit' ? 'COMPLETED' : 'CANCELLED';
    if (slot.status === to) {
      const prior = await tx.tokenUsage.findUnique({ where: { idempotencyKey: `refund:${input.slotId}` } });
      return { status: to, refunded: { paid: prior?.paidAmount ?? 0, promotional: prior?.promoAmount ?? 0 } };
    }
    if (slot.status !== 'UNDER_REVIEW') throw new DomainError('CONFLICT', `Slot ${input.slotId} is ${slot.status}, not UNDER_REVIEW`);
    assertTransition(slot.status, to);
    const refunded =
      input.decision === 'refund' ? await refundBooking(tx, slot, 'admin', `Session review: refunded${input.note ? `: ${input.note}` : ''}`, policy, now) : { paid: 0, promotional: 0 };
    await tx.slot.update({ where: { id: input.slotId }, data: { status: to } });
    if (to === 'COMPLETED') await awardSessionXp(tx, input.slotId);
    await tx.meetingLog.create({
      data: {
        slotId: input.slotId,
        userId: input.ruledBy,
        event: input.decision === 'credit' ? 'ENDED' : 'CANCELLED',
        occurredAt: now,
        source: 'admin-review',
        dedupeKey: `review:${input.slotId}`,
        metadata: { review: input.decision, note: input.note ?? null },
      },
    });
    return { status: to, refunded };
  });
}

export async function creditMentorEarnings(db: Db, { slotId }: { slotId: string }): Promise<CreditResult> {
  return db.$transaction(async (tx) => {
    // Claim the credit: only one transaction can flip earningsCredited.
    const claimed = await tx.slot.updateMany({
      where: { id: slotId, status: 'COMPLETED', earningsCredited: false },
      data: { earningsCredited: true, earningsCreditedAt: new Date() },
    });
    const slot = await tx.slot.findUnique({
      where: { id: slotId },
      select: { mentorId: true, mentorEarningPaise: true, status: true, earningsCredited: true, startDateTime: true },
    });
    if (!slot) throw new DomainError('NOT_FOUND', `Slot ${slotId} does not exist`);
    if (claimed.count === 0) {
      if (!slot.earningsCredited) throw new DomainError('ILLEGAL_TRANSITION', `Slot ${slotId} is ${slot.status}; only COMPLETED slots earn`);
      const prior = await tx.mentorTransaction.findUnique({ where: { idempotencyKey: slotEarningKey(slotId) } });
      return { credited: false, amountPaise: slot.mentorEarningPaise, balanceAfterPaise: prior?.balanceAfterPaise ?? null };
    }

    const amount = slot.mentorEarningPaise;
    const earnings = await tx.mentorEarnings.upsert({
      where: { userId: slot.mentorId },
      create: { userId: slot.mentorId, balancePaise: amount, totalEarnedPaise: amount, sessionsCredited: 1 },
      update: {
        balancePaise: { increment: amount },
        totalEarnedPaise: { increment: amount },
        sessionsCredited: { increment: 1 },
      },
    });
    await tx.mentorTransaction.create({
      data: {
        userId: slot.mentorId,
        slotId,
        type: 'CREDIT',
        amountPaise: amount,
        balanceAfterPaise: earnings.balancePaise,
        description: `Session on ${slot.startDateTime.toISOString()}`,
        idempotencyKey: slotEarningKey(slotId),
      },
    });
    return { credited: true, amountPaise: amount, balanceAfterPaise: earnings.balancePaise };
  });
}
