// Quiet hours on fixed instants and as properties: a send inside the window waits exactly until
// the window's end (a whole local minute), outside it goes now; wrapping windows and zones too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HhMm, inWindow, localMinuteOfDay, optOutIntent, preferenceAddress, quietUntil } from '../../domain/comms/quiet-hours.js';

const IST = 'Asia/Kolkata';
const trai = { startMin: 21 * 60, endMin: 9 * 60, timezone: IST };

describe('quiet hours', () => {
  it('defers a send at 23:30 IST to 09:00 IST the next day, and lets 10:00 IST go', () => {
    expect(quietUntil(new Date('2026-12-07T18:00:00Z'), trai)?.toISOString()).toBe('2026-12-08T03:30:00.000Z');
    expect(quietUntil(new Date('2026-12-08T02:59:59Z'), trai)?.toISOString()).toBe('2026-12-08T03:30:00.000Z');
    expect(quietUntil(new Date('2026-12-08T04:30:00Z'), trai)).toBeNull();
    // The window's end is outside it; its start is inside.
    expect(quietUntil(new Date('2026-12-08T03:30:00Z'), trai)).toBeNull();
    expect(quietUntil(new Date('2026-12-07T15:30:00Z'), trai)?.toISOString()).toBe('2026-12-08T03:30:00.000Z');
  });

  it('follows a zone with daylight saving (New York, 22:00–07:00)', () => {
    const ny = { startMin: 22 * 60, endMin: 7 * 60, timezone: 'America/New_York' };
    // 23:00 EST on 2026-12-07 is 04:00Z on the 8th; 07:00 EST is 12:00Z.
    expect(quietUntil(new Date('2026-12-08T04:00:00Z'), ny)?.toISOString()).toBe('2026-12-08T12:00:00.000Z');
    // In July (EDT, UTC-4) 23:00 is 03:00Z and 07:00 is 11:00Z.
    expect(quietUntil(new Date('2026-07-08T03:00:00Z'), ny)?.toISOString()).toBe('2026-07-08T11:00:00.000Z');
  });

  it('property: the deferral lands on the window end, outside the window, within a day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 1439 }), fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), fc.constantFrom(IST, 'UTC', 'Asia/Dubai'), (startMin, endMin, at, timezone) => {
        const q = { startMin, endMin, timezone };
        const until = quietUntil(at, q);
        const minute = localMinuteOfDay(at, timezone);
        if (!inWindow(minute, startMin, endMin)) return until === null;
        if (!until) return false;
        const wait = until.getTime() - at.getTime();
        return wait > 0 && wait <= 86_400_000 && localMinuteOfDay(until, timezone) === endMin && !inWindow(endMin, startMin, endMin);
      }),
      { numRuns: 500 },
    );
  });

  it('an empty window is never quiet; HH:MM parses strictly', () => {
    expect(inWindow(600, 600, 600)).toBe(false);
    expect(HhMm.parse('21:05')).toBe(1265);
    expect(HhMm.safeParse('24:00').success).toBe(false);
    expect(HhMm.safeParse('9:00').success).toBe(false);
  });

  it('reads STOP and START keywords, and keys addresses as lead capture does', () => {
    expect(['STOP', 'stop', ' Stop. ', 'unsubscribe'].map(optOutIntent)).toEqual(['stop', 'stop', 'stop', 'stop']);
    expect(['START', 'start!'].map(optOutIntent)).toEqual(['start', 'start']);
    expect(['please stop calling', '', null].map(optOutIntent)).toEqual([null, null, null]);
    expect(preferenceAddress('WHATSAPP', '98765 43210')).toBe('+919876543210');
    expect(preferenceAddress('SMS', '+91 98765-43210')).toBe('+919876543210');
    expect(preferenceAddress('EMAIL', ' Asha@Example.COM ')).toBe('asha@example.com');
  });
});
