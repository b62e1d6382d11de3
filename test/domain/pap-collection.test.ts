// What a PAP collection owes and its instalments (domain/pap/collection.ts).
import { describe, expect, it } from 'vitest';
import { collectionPlanProblem, papAmountOwedPaise, splitInstalments } from '../../domain/pap/collection.js';

describe('PAP collection terms', () => {
  it('owes nothing under the upfront option, the fixed fee, or the share of the CTC rounded to the paisa', () => {
    expect(papAmountOwedPaise('UPFRONT', { papFeePaise: 5_000_000, papFeePercent: null }, 60_000_000)).toBe(0);
    expect(papAmountOwedPaise('PAP', { papFeePaise: 5_000_000, papFeePercent: 15 }, 60_000_000)).toBe(5_000_000);
    expect(papAmountOwedPaise('PAP', { papFeePaise: null, papFeePercent: 15 }, 60_000_000)).toBe(9_000_000);
    expect(papAmountOwedPaise('PAP', { papFeePaise: null, papFeePercent: 12.5 }, 33_333_333)).toBe(4_166_667);
    expect(papAmountOwedPaise('PAP', { papFeePaise: null, papFeePercent: null }, 60_000_000)).toBeNull();
  });

  it('splits into equal instalments with the odd paise first, the sum exact, due at the interval', () => {
    const first = new Date('2027-02-01T00:00:00Z');
    const plan = splitInstalments(10_000_001, 3, first, 30);
    expect(plan.map((p) => p.amountPaise)).toEqual([3_333_334, 3_333_334, 3_333_333]);
    expect(plan.reduce((s, p) => s + p.amountPaise, 0)).toBe(10_000_001);
    expect(plan.map((p) => p.dueAt.toISOString().slice(0, 10))).toEqual(['2027-02-01', '2027-03-03', '2027-04-02']);
    expect(() => splitInstalments(0, 1, first, 30)).toThrow(RangeError);
    expect(() => splitInstalments(100, 25, first, 30)).toThrow(RangeError);
  });

  it('refuses a plan whose instalments would be under Rs. 100, or an amount past what one agreement can collect', () => {
    expect(collectionPlanProblem(9_000_000, 2)).toBeNull();
    expect(collectionPlanProblem(15_000, 2)).toMatch(/choose fewer/);
    expect(collectionPlanProblem(3_000_000_000, 2)).toMatch(/above/);
  });
});
