// Pure LMS catalog rules: rupee amounts kept exact, batch dates ordered, MasCourse trees parsed.
import { describe, expect, it } from 'vitest';
import { batchDateErrors, normaliseRupees, seatsLeft } from '../../domain/lms/batch-rules.js';
import { masLessonCount, parseMasModules } from '../../domain/lms/mas-course-modules.js';

describe('lms catalog rules', () => {
  it('normalises rupees to 2 decimals and refuses negatives, 3 decimals and exponents', () => {
    expect(['2500.5', '0', '007.10', 12.25].map(normaliseRupees)).toEqual(['2500.50', '0.00', '7.10', '12.25']);
    expect(['-1', '1.005', '1e3', '', 'abc', 1e21, Number.NaN].map(normaliseRupees)).toEqual([null, null, null, null, null, null, null]);
  });

  it('orders start ≤ end and deadline ≤ start, only when both are set', () => {
    const d = (s: string) => new Date(s);
    expect(batchDateErrors({ startDate: d('2027-02-01'), endDate: d('2027-01-01'), applicationDeadline: d('2027-03-01') }).map((e) => e.path)).toEqual(['json.endDate', 'json.applicationDeadline']);
    expect(batchDateErrors({ startDate: null, endDate: d('2027-01-01'), applicationDeadline: d('2027-03-01') })).toEqual([]);
    expect([seatsLeft(null, 5), seatsLeft(3, 5), seatsLeft(10, 4)]).toEqual([null, 0, 6]);
  });

  it('reads a malformed stored module tree as empty and counts lessons of a good one', () => {
    expect(parseMasModules([{ title: 'x' }])).toEqual([]);
    expect(masLessonCount(parseMasModules([{ title: 'M', lessons: [{ title: 'a', type: 'video' }, { title: 'b', type: 'quiz' }] }]))).toBe(2);
  });
});
