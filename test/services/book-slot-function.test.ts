// The booking runs as one SQL function (migration 20261207151500_book_slot_function). Its rules
// are written a second time there, so this checks them against the TypeScript ones they mirror:
// splitSpend (promotional first, an expired promotional balance counts as zero) and
// assertBookable (own slot, taken, started), that a refusal writes nothing, and that two
// students racing for one slot leave exactly one booking and one charge.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { splitSpend } from '../../domain/booking/tokens.js';
import { DomainError } from '../../domain/errors.js';
import { bookSlot } from '../../services/slots/booking.js';
import { createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let mentorId: string;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  mentorId = (await createUser(stack, 'EXPERT')).user.id;
});
afterAll(() => stack.close());

const HOUR = 3_600_000;

async function slot(opts: { price: number; startsInMs?: number; mentor?: string }) {
  const start = new Date(Date.now() + (opts.startsInMs ?? 24 * HOUR));
  return stack.db.slot.create({ data: { id: randomUUID(), mentorId: opts.mentor ?? mentorId, startDateTime: start, endDateTime: new Date(start.getTime() + HOUR / 2), priceTokens: opts.price } });
}

async function student(paid: number, promo: number, promoExpired = false) {
  const { user } = await createUser(stack);
  await stack.db.token.create({ data: { userId: user.id, balance: paid } });
  await stack.db.promotionalToken.create({ data: { userId: user.id, balance: promo, ...(promoExpired ? { expiresAt: new Date(Date.now() - HOUR) } : {}) } });
  return user.id;
}

async function outcome(slotId: string, studentId: string): Promise<string> {
  try {
    await bookSlot(stack.deps, slotId, studentId);
    return 'BOOKED';
  } catch (err) {
    if (err instanceof DomainError) return err.code;
    throw err;
  }
}

describe('mas_book_slot agrees with splitSpend', () => {
  it('spends, or refuses, exactly as the TypeScript rule says', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 6 }), fc.boolean(), async (paid, promo, price, expired) => {
        const s = await slot({ price });
        const who = await student(paid, promo, expired);
        const split = splitSpend(price, { paid, promo: expired ? 0 : promo });
        const got = await outcome(s.id, who);
        const [t, p, ledger, row] = await Promise.all([
          stack.db.token.findUniqueOrThrow({ where: { userId: who } }),
          stack.db.promotionalToken.findUniqueOrThrow({ where: { userId: who } }),
          stack.db.tokenUsage.findMany({ where: { slotId: s.id } }),
          stack.db.slot.findUniqueOrThrow({ where: { id: s.id } }),
        ]);
        if (!split) {
          expect(got).toBe('INSUFFICIENT_TOKENS');
          // A refusal writes nothing.
          expect([t.balance, p.balance, ledger.length, row.status, row.studentId]).toEqual([paid, promo, 0, 'TENTATIVE', null]);
          return;
        }
        expect(got).toBe('BOOKED');
        expect([t.balance, p.balance]).toEqual([paid - split.fromPaid, promo - split.fromPromo]);
        expect(ledger).toHaveLength(1);
        expect(ledger[0]).toMatchObject({ type: 'BOOKING', amount: 0 - price || 0, paidAmount: split.fromPaid, promoAmount: split.fromPromo });
        expect([row.status, row.studentId]).toEqual(['CONFIRMED', who]);
      }),
      { numRuns: 25 },
    );
  });
});

describe('mas_book_slot refuses what assertBookable refuses, writing nothing', () => {
  it('an unknown slot, the mentor’s own slot, a taken slot, a started slot', async () => {
    const who = await student(5, 0);
    expect(await outcome(randomUUID(), who)).toBe('NOT_FOUND');
    expect(await outcome((await slot({ price: 1, mentor: who })).id, who)).toBe('CONFLICT');
    expect(await outcome((await slot({ price: 1, startsInMs: -HOUR })).id, who)).toBe('CONFLICT');
    const taken = await slot({ price: 1 });
    expect(await outcome(taken.id, await student(1, 0))).toBe('BOOKED');
    expect(await outcome(taken.id, who)).toBe('CONFLICT');
    expect((await stack.db.token.findUniqueOrThrow({ where: { userId: who } })).balance).toBe(5);
    expect(await stack.db.tokenUsage.count({ where: { userId: who } })).toBe(0);
  });

  it('ten students racing for one slot: one booking, one charge, nine conflicts', async () => {
    const s = await slot({ price: 2 });
    const students = await Promise.all(Array.from({ length: 10 }, () => student(1, 1)));
    const outcomes = await Promise.all(students.map((id) => outcome(s.id, id)));
    expect(outcomes.filter((o) => o === 'BOOKED')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT')).toHaveLength(9);
    expect(await stack.db.tokenUsage.count({ where: { slotId: s.id } })).toBe(1);
    const charged = await stack.db.token.count({ where: { userId: { in: students }, balance: 0 } });
    expect(charged).toBe(1);
  });
});
