// Who started a sync run, from the run's timing and the intents the admin api stored on the config.
import { describe, expect, it } from 'vitest';
import { attributeRun, BACKFILL_LATENESS_MS, MANUAL_CLAIM_MS } from '../../domain/sync/trigger-attribution.js';

const T = Date.parse('2026-12-08T10:00:00.000Z');
const at = (ms: number) => new Date(T + ms);
const iso = (ms: number) => at(ms).toISOString();
const none = { manualRunRequest: null, backfillRequest: null };

describe('attributeRun', () => {
  it('a run with no intent stored, or a hand-written malformed one, is SCHEDULED', () => {
    expect(attributeRun({ startedAt: at(0), scheduledAt: at(0) }, none)).toEqual({ trigger: 'SCHEDULED', triggeredById: null, claimsManual: false });
    expect(attributeRun({ startedAt: at(0) }, { manualRunRequest: { at: 'yesterday' }, backfillRequest: 42 }).trigger).toBe('SCHEDULED');
  });

  it('a run starting just after a "run now" is MANUAL and claims it; one long after is not', () => {
    const stored = { manualRunRequest: { byId: 'u1', at: iso(0) }, backfillRequest: null };
    expect(attributeRun({ startedAt: at(800), scheduledAt: at(800) }, stored)).toEqual({ trigger: 'MANUAL', triggeredById: 'u1', claimsManual: true });
    expect(attributeRun({ startedAt: at(MANUAL_CLAIM_MS + 1), scheduledAt: at(MANUAL_CLAIM_MS + 1) }, stored).trigger).toBe('SCHEDULED');
  });

  it('a late run scheduled inside the backfill window is BACKFILL, even with a "run now" pending', () => {
    const stored = { manualRunRequest: { byId: 'u1', at: iso(0) }, backfillRequest: { byId: 'u2', at: iso(0), from: iso(-86_400_000), to: iso(-3_600_000) } };
    expect(attributeRun({ startedAt: at(1000), scheduledAt: at(-43_200_000) }, stored)).toEqual({ trigger: 'BACKFILL', triggeredById: 'u2', claimsManual: false });
    // A live action (on time) is not a backfill, and one scheduled outside the window is not either.
    expect(attributeRun({ startedAt: at(1000), scheduledAt: at(1000 - BACKFILL_LATENESS_MS + 1) }, stored).trigger).toBe('MANUAL');
    expect(attributeRun({ startedAt: at(1000), scheduledAt: at(-90_000_000) }, stored).trigger).toBe('MANUAL');
    // A late run that started before the backfill was asked is not one of its actions.
    expect(attributeRun({ startedAt: at(-7_200_000), scheduledAt: at(-43_200_000) }, { ...stored, manualRunRequest: null }).trigger).toBe('SCHEDULED');
  });
});
