// Round-robin order and assignment rules (pure), and the CRM enums they mirror.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstMatchingRule, LEAD_SOURCE_TYPES, roundRobin, type AssignmentRule, type PoolMember, type RoutableLead } from '../../domain/crm/assignment.js';
import { compactHeader, mapHeader, mapRow } from '../../domain/crm/csv-columns.js';
import { leadImportLifecycle } from '../../domain/crm/import-status.js';
import * as enums from '../../prisma/generated/enums.js';

describe('roundRobin', () => {
  it('starts with the never-assigned, then the least recently assigned, ties by id', () => {
    const t = (ms: number) => new Date(1_700_000_000_000 + ms);
    const pool: PoolMember[] = [
      { userId: 'c', lastAssignedAt: t(5) },
      { userId: 'b', lastAssignedAt: null },
      { userId: 'a', lastAssignedAt: t(1) },
      { userId: 'd', lastAssignedAt: null },
    ];
    const next = roundRobin(pool, t(0));
    expect(Array.from({ length: 6 }, () => next()!.userId)).toEqual(['b', 'd', 'a', 'c', 'b', 'd']);
  });

  it('skips members at the open-lead cap, and answers null when the whole team is at it', () => {
    const t = new Date(1_700_000_000_000);
    const next = roundRobin(
      [
        { userId: 'a', lastAssignedAt: null, openLeads: 2 },
        { userId: 'b', lastAssignedAt: null, openLeads: 0 },
        { userId: 'c', lastAssignedAt: null, openLeads: 1 },
      ],
      t,
      2,
    );
    expect(Array.from({ length: 4 }, () => next()?.userId ?? null)).toEqual(['b', 'c', 'b', null]);
    expect(roundRobin([{ userId: 'a', lastAssignedAt: null, openLeads: 5 }], t, null)()?.userId).toBe('a');
  });

  it('continues exactly across calls that read back the stamped times (even over any split)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 12 }), (size, batches) => {
        const last = new Map<string, Date | null>(Array.from({ length: size }, (_, i) => [`u${i}`, null]));
        const given = new Map<string, number>();
        const now = new Date(1_700_000_000_000); // a frozen clock: the stamps alone keep the order
        for (const n of batches) {
          const next = roundRobin([...last].map(([userId, lastAssignedAt]) => ({ userId, lastAssignedAt })), now);
          for (let i = 0; i < n; i++) {
            const pick = next()!;
            last.set(pick.userId, pick.at);
            given.set(pick.userId, (given.get(pick.userId) ?? 0) + 1);
          }
        }
        const counts = [...last.keys()].map((u) => given.get(u) ?? 0);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('firstMatchingRule', () => {
  const lead: RoutableLead = { sourceType: 'webinar', platform: 'my-analytics-school', city: 'Pune', state: null, utmSource: 'Google', utmMedium: null, utmCampaign: null, sourceDetail: null };
  const rule = (name: string, priority: number, match: AssignmentRule['match']): AssignmentRule => ({ name, priority, match, target: { kind: 'user', userId: '6b3d8f0e-0000-4000-8000-000000000000' } });

  it('takes the lowest priority first, then list order; matching is case-insensitive and every criterion must hold', () => {
    const rules = [rule('late', 5, {}), rule('google', 1, { utmSource: ['google'] }), rule('google pune', 1, { utmSource: ['GOOGLE'], city: ['pune'] })];
    expect(firstMatchingRule(rules, lead)?.name).toBe('google');
    expect(firstMatchingRule([rule('state', 0, { state: ['MH'] }), rule('late', 5, {})], lead)?.name).toBe('late');
    expect(firstMatchingRule([rule('vendor', 0, { sourceType: ['vendor'] })], lead)).toBeNull();
  });

  it('knows every lead source type of the schema', () => {
    expect([...LEAD_SOURCE_TYPES].sort()).toEqual(Object.values(enums.RawLeadSourceType).sort());
  });
});

describe('CSV columns', () => {
  it('maps headers leniently and keeps unknown ones for extraData', () => {
    expect(compactHeader(' Graduation_Year ')).toBe('graduationyear');
    const m = mapHeader(['Full Name', 'Mobile No.', 'E-mail', 'UTM Source', 'Course', '']);
    expect(m.problems).toEqual([]);
    expect(m.columns.map((c) => (c.kind === 'field' ? c.field : c.kind))).toEqual(['name', 'phone', 'email', 'utmSource', 'extra', 'skip']);
    expect(mapRow(m, ['Riya', ' 98765 43210 ', '', 'google', 'SQL', 'x', 'surplus'])).toEqual({
      values: { name: 'Riya', phone: '98765 43210', utmSource: 'google' },
      extraData: { Course: 'SQL' },
      surplusCells: 1,
    });
  });

  it('refuses headers with no name, no contact column, or a field twice', () => {
    expect(mapHeader(['city']).problems).toHaveLength(2);
    expect(mapHeader(['name', 'phone', 'Phone Number']).problems).toEqual(['Columns "phone" and "Phone Number" both hold phone']);
  });

  it('has the import lifecycle the schema has', () => {
    expect([...leadImportLifecycle.states].sort()).toEqual(Object.values(enums.LeadImportBatchStatus).sort());
  });
});
