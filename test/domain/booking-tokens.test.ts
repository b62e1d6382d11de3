import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { refundTokens, splitRefund, splitSpend } from '../../domain/booking/tokens.js';

const policy = { fullRefundHoursBefore: 24, partialRefundPercent: 50 };

describe('spending', () => {
  it('takes promotional tokens first, then paid, and never more than the price', () => {
    fc.assert(
      fc.property(fc.nat(50), fc.nat(50), fc.nat(50), (price, paid, promo) => {
        const s = splitSpend(price, { paid, promo });
        if (paid + promo < price) {
          expect(s).toBeNull();
          return;
        }
        expect(s!.fromPaid + s!.fromPromo).toBe(price);
        expect(s!.fromPromo).toBe(Math.min(price, promo));
        expect(s!.fromPaid).toBeLessThanOrEqual(paid);
      }),
    );
  });
});

describe('refunds', () => {
  const start = new Date('2026-12-01T10:00:00Z');
  it('refunds in full before the cutoff and partially after it', () => {
    expect(refundTokens({ price: 4, by: 'student', slotStart: start, now: new Date('2026-11-30T09:00:00Z'), policy })).toBe(4);
    expect(refundTokens({ price: 4, by: 'student', slotStart: start, now: new Date('2026-11-30T11:00:00Z'), policy })).toBe(2);
    expect(refundTokens({ price: 3, by: 'student', slotStart: start, now: new Date('2026-12-01T09:00:00Z'), policy })).toBe(1);
  });

  it('always refunds in full when the mentor cancels', () => {
    expect(refundTokens({ price: 5, by: 'mentor', slotStart: start, now: new Date('2026-12-01T09:59:00Z'), policy })).toBe(5);
  });

  it('returns paid tokens first and never more than was spent of each kind', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(40), (fromPaid, fromPromo, r) => {
        const refund = Math.min(r, fromPaid + fromPromo);
        const back = splitRefund(refund, { fromPaid, fromPromo });
        expect(back.fromPaid + back.fromPromo).toBe(refund);
        expect(back.fromPaid).toBeLessThanOrEqual(fromPaid);
        expect(back.fromPromo).toBeLessThanOrEqual(fromPromo);
      }),
    );
  });
});
