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

interface BookOutcome extends Partial<BookedRow> {
  outcome: 'BOOKED' | 'NOT_FOUND' | 'OWN_SLOT' | 'TAKEN' | 'STARTED' | 'INSUFFICIENT';
  slotStatus: MeetingStatus | null;
  available: number | null;
  fromPaid: number | null;
  fromPromo: number | null;
  paidAfter: number | null;
  promoAfter: number | null;
}

/**
 * The whole booking as one statement: the SQL function mas_book_slot (migration
 * 20261207151500_book_slot_function) locks the slot and both wallets, applies assertBookable's
 * and splitSpend's rules and writes everything, so the locks are held for one round trip and no
 * interactive transaction is opened (bench/booking.bench.ts). A refusal writes nothing.
 */
async function bookSlotTx(db: Db, slotId: string, studentId: string) {
  const now = new Date();
  const [r] = await db.$queryRaw<BookOutcome[]>`SELECT * FROM "public"."mas_book_slot"(${slotId}::uuid, ${studentId}::uuid, ${now})`;
  switch (r?.outcome) {
    case 'BOOKED':
      return {
        slot: toSlot(r as BookOutcome & BookedRow),
        spent: { paid: r.fromPaid!, promotional: r.fromPromo! },
        wallet: { balance: r.paidAfter!, promotionalBalance: r.promoAfter! },
      };
    case 'OWN_SLOT':
      throw new DomainError('CONFLICT', 'You cannot book your own slot');
    case 'TAKEN':
      throw new DomainError('CONFLICT', `The slot is ${r.slotStatus} and cannot be booked`);
    case 'STARTED':
      throw new DomainError('CONFLICT', 'The slot has already started');
    case 'INSUFFICIENT':
      throw new DomainError('INSUFFICIENT_TOKENS', `This slot costs ${r.priceTokens} tokens; you have ${r.available}`);
    default:
      throw new DomainError('NOT_FOUND', 'No such slot');
  }
}
