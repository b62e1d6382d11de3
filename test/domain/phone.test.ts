// The CRM's pure rules: phone/email normalisation (the dedupe keys), merging a repeated capture,
// canonical JSON for idempotency keys, and who may assign a lead to whom.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentRefusal } from '../../domain/crm/access.js';
import { canonicalJson } from '../../domain/crm/idempotency.js';
import { defaultSessionYear, planMerge } from '../../domain/crm/lead-merge.js';
import { normalizeEmail, normalizePhone } from '../../domain/crm/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['9876543210', '+919876543210'],
    ['98765 43210', '+919876543210'],
    ['98765-43210', '+919876543210'],
    ['(987) 654-3210', '+919876543210'],
    ['09876543210', '+919876543210'],
    ['919876543210', '+919876543210'],
    ['+91 98765 43210', '+919876543210'],
    ['+91-9876543210', '+919876543210'],
    ['0091 98765 43210', '+919876543210'],
    ['  +919876543210  ', '+919876543210'],
    ['+1 (415) 555-2671', '+14155552671'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
  ])('normalises %j to %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it.each([
    ['', 'empty'],
    ['12345', 'too short'],
    ['0123456789', 'a 10-digit number cannot start with 0'],
    ['98765432101', '11 digits without the trunk 0'],
    ['+91 98765 4321', '+91 with 9 national digits'],
    ['+91 98765 432100', '+91 with 11 national digits'],
    ['+0 98765 43210', 'a country code cannot start with 0'],
    ['+1234567890123456', 'over 15 digits'],
    ['98765x43210', 'letters'],
    ['98765+43210', 'a + in the middle'],
    ['phone: 9876543210', 'prose'],
  ])('refuses %j (%s)', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });

  it('maps every way of writing one Indian mobile to the same E.164, and is idempotent', () => {
    const national = fc.tuple(fc.integer({ min: 6, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })).map(([d, rest]) => `${d}${rest.join('')}`);
    const sep = fc.constantFrom('', ' ', '-', '.');
    fc.assert(
      fc.property(national, sep, fc.constantFrom('', '0', '91', '+91', '+91 ', '0091'), (n, s, prefix) => {
        const written = `${prefix}${n.slice(0, 5)}${s}${n.slice(5)}`;
        const e164 = normalizePhone(written);
        expect(e164).toBe(`+91${n}`);
        expect(normalizePhone(e164!)).toBe(e164);
      }),
    );
  });
});

describe('normalizeEmail', () => {
  it('trims and lower-cases the whole address', () => {
    expect(normalizeEmail('  Riya.Sharma+CRM@Example.COM ')).toBe('riya.sharma+crm@example.com');
  });
});

describe('planMerge', () => {
  it('fills only empty fields and keeps what the lead already has', () => {
    const { patch, filled } = planMerge(
      { email: null, phone: '+919876543210', city: 'Pune', college: '', graduationYear: null },
      { email: 'riya@example.com', phone: '+919999999999', city: 'Mumbai', college: 'COEP', graduationYear: 2024 },
    );
    expect(patch).toEqual({ email: 'riya@example.com', college: 'COEP', graduationYear: 2024 });
    expect(filled).toEqual(['email', 'college', 'graduationYear']);
  });

  it('never fills a locked field, even when it is empty', () => {
    expect(planMerge({ email: null }, { email: 'x@example.com', city: 'Delhi' }, ['phone', 'email']).patch).toEqual({ city: 'Delhi' });
  });

  it('adds new extraData keys and keeps existing ones', () => {
    const { patch, filled } = planMerge({ extraData: { course: 'SQL', budget: 1 } }, { extraData: { course: 'Python', intake: 'May' } });
    expect(patch.extraData).toEqual({ course: 'SQL', budget: 1, intake: 'May' });
    expect(filled).toEqual(['extraData.intake']);
  });

  it('plans nothing when the capture adds nothing', () => {
    expect(planMerge({ city: 'Pune' }, { city: 'Pune', state: undefined })).toEqual({ patch: {}, filled: [] });
  });

  it('defaults the session year to the current UTC year', () => {
    expect(defaultSessionYear(new Date('2026-12-31T23:30:00Z'))).toBe('2026');
  });
});

describe('canonicalJson', () => {
  it('is the same for any key order and differs for any value change', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe('assignmentRefusal', () => {
  const head = { userId: 'head', role: 'SALES' as const };
  const rep = { id: 'rep', role: 'SALES' as const, isActive: true, salesHeadId: 'head' };
  it('lets a sales head assign to their team, and an admin to any active salesperson', () => {
    expect(assignmentRefusal(head, rep)).toBeNull();
    expect(assignmentRefusal({ userId: 'a', role: 'ADMIN' }, { ...rep, salesHeadId: null })).toBeNull();
  });
  it('refuses other teams (403) and non-SALES, inactive or unknown assignees (422)', () => {
    expect(assignmentRefusal({ userId: 'other', role: 'SALES' }, rep)?.code).toBe('FORBIDDEN');
    expect(assignmentRefusal(head, { ...rep, role: 'USER' })?.code).toBe('UNPROCESSABLE');
    expect(assignmentRefusal(head, { ...rep, isActive: false })?.code).toBe('UNPROCESSABLE');
    expect(assignmentRefusal({ userId: 'a', role: 'SUPERADMIN' }, null)?.code).toBe('UNPROCESSABLE');
  });
});
