// Booking (Journey 2), race-free: one transaction that locks the slot row, then the student's
// wallet rows, always in that order. Every token movement is a token_usage row with a unique
// key, so a slot is paid for at most once (cancellation.ts refunds it at most once).
import { splitSpend } from '../../domain/booking/tokens.js';
import type { MeetingStatus } from '../../domain/slot/status.js';
import { assertTransition } from '../../domain/slot/status.js';
import type { Db } from '../../infra/prisma.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceDeps } from '../deps.js';
import { lockWallet } from '../tokens/wallet.js';
import { startSlotBookedNotification } from './slot-notification.starter.js';
import { toSlot } from './slot-view.js';

export { lockWallet };

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

interface BookedRow {
  id: string;
  mentorId: string;
  studentId: string | null;
  title: string | null;
  startDateTime: Date;
  endDateTime: Date;
  status: MeetingStatus;
  priceTokens: number;
  actualEndTime: Date | null;
  earningsCredited: boolean;
}

interface LockedSlot {
  id: string;
  mentorId: string;
  studentId: string | null;
  status: MeetingStatus;
  priceTokens: number;
  startDateTime: Date;
}

export async function lockSlot(tx: Tx, slotId: string): Promise<LockedSlot> {
  const [slot] = await tx.$queryRaw<LockedSlot[]>`
    SELECT "id", "mentorId", "studentId", "status"::text AS "status", "priceTokens", "startDateTime"
      FROM "public"."slots" WHERE "id" = ${slotId}::uuid FOR UPDATE`;
  if (!slot) throw new DomainError('NOT_FOUND', 'No such slot');
  return slot;
}

/** The checks every way of taking a slot shares (booking, hold). */
export function assertBookable(slot: LockedSlot, studentId: string, now: Date, to: MeetingStatus) {
  if (slot.mentorId === studentId) throw new DomainError('CONFLICT', 'You cannot book your own slot');
  if (slot.status !== 'TENTATIVE' || slot.studentId) throw new DomainError('CONFLICT', `The slot is ${slot.status} and cannot be booked`);
  if (slot.startDateTime <= now) throw new DomainError('CONFLICT', 'The slot has already started');
  assertTransition(slot.status, to);
}

/** Takes `price` tokens from the locked wallet (promotional first) or answers 402. */
export async function spend(tx: Tx, studentId: string, price: number, now: Date) {
  const wallet = await lockWallet(tx, studentId, now);
  const split = splitSpend(price, wallet);
  if (!split) throw new DomainError('INSUFFICIENT_TOKENS', `This slot costs ${price} tokens; you have ${wallet.paid + wallet.promo}`);
  if (split.fromPaid) await tx.token.update({ where: { userId: studentId }, data: { balance: { decrement: split.fromPaid }, lifetimeSpent: { increment: split.fromPaid } } });
  if (split.fromPromo) await tx.promotionalToken.update({ where: { userId: studentId }, data: { balance: { decrement: split.fromPromo } } });
  return { split, wallet };
}

/** Books the slot, then (after the commit) schedules the booking emails. */
export async function bookSlot(deps: ServiceDeps, slotId: string, studentId: string) {
  const booked = await bookSlotTx(deps.db, slotId, studentId);
  // After the commit: the booking stands even if the emails cannot be scheduled (it logs).
  await startSlotBookedNotification(deps, booked.slot);
  return booked;
}

async function bookSlotTx(db: Db, slotId: string, studentId: string) {
  const now = new Date();
  return db.$transaction(async (tx) => {
    const slot = await lockSlot(tx, slotId);
    assertBookable(slot, studentId, now, 'CONFIRMED');
    const wallet = await lockWallet(tx, studentId, now);
    const split = splitSpend(slot.priceTokens, wallet);
    if (!split) throw new DomainError('INSUFFICIENT_TOKENS', `This slot costs ${slot.priceTokens} tokens; you have ${wallet.paid + wallet.promo}`);
    const after = { balance: wallet.paid - split.fromPaid, promotionalBalance: wallet.promo - split.fromPromo };
    // Every write of a booking in one statement: the locks above are held for one more round
    // trip instead of five (bench/booking.bench.ts).
    const [booked] = await tx.$queryRaw<BookedRow[]>`
      WITH paid AS (
        UPDATE "public"."tokens" SET "balance" = "balance" - ${split.fromPaid}, "lifetimeSpent" = "lifetimeSpent" + ${split.fromPaid}, "updatedAt" = ${now}
         WHERE "userId" = ${studentId}::uuid AND ${split.fromPaid} > 0
      ), promo AS (
        UPDATE "public"."promotional_tokens" SET "balance" = "balance" - ${split.fromPromo}, "updatedAt" = ${now}
         WHERE "userId" = ${studentId}::uuid AND ${split.fromPromo} > 0
      ), ledger AS (
        INSERT INTO "public"."token_usage" ("userId", "slotId", "type", "amount", "paidAmount", "promoAmount", "balanceAfter", "description", "idempotencyKey", "createdAt", "updatedAt")
        VALUES (${studentId}::uuid, ${slotId}::uuid, 'BOOKING', ${-slot.priceTokens}, ${split.fromPaid}, ${split.fromPromo}, ${after.balance + after.promotionalBalance},
                ${`Booked slot ${slotId}`}, ${`booking:${slotId}`}, ${now}, ${now})
      ), log AS (
        INSERT INTO "public"."meeting_logs" ("slotId", "userId", "event", "occurredAt", "source", "createdAt", "updatedAt")
        VALUES (${slotId}::uuid, ${studentId}::uuid, 'SCHEDULED', ${now}, 'api', ${now}, ${now})
      )
      UPDATE "public"."slots" SET "status" = 'CONFIRMED', "studentId" = ${studentId}::uuid, "updatedAt" = ${now}
       WHERE "id" = ${slotId}::uuid
      RETURNING "id", "mentorId", "studentId", "title", "startDateTime", "endDateTime", "status"::text AS "status", "priceTokens", "actualEndTime", "earningsCredited"`;
    return { slot: toSlot(booked!), spent: { paid: split.fromPaid, promotional: split.fromPromo }, wallet: after };
  });
}
