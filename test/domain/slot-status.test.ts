import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { MeetingStatus as PrismaMeetingStatus } from '../../prisma/generated/enums.js';
import {
  assertTransition,
  canEndMeeting,
  canTransition,
  endTimeProblem,
  inNoticeWindow,
  isFarShorterThanBooked,
  MEETING_STATUSES,
  SLOT_TRANSITIONS,
  type MeetingStatus,
} from '../../domain/slot/status.js';

// The seed's Slot lifecycle, written out edge by edge, plus the edges we added.
const SEED_EDGES: [MeetingStatus, MeetingStatus][] = [
  ['TENTATIVE', 'MEETING_REQUESTED'],
  ['MEETING_REQUESTED', 'CONFIRMED'],
  ['TENTATIVE', 'CONFIRMED'],
  ['CONFIRMED', 'UNDER_REVIEW'],
  ['CONFIRMED', 'COMPLETED'],
  ['CONFIRMED', 'CANCELLATION_REQUESTED'],
  ['CANCELLATION_REQUESTED', 'CANCELLED'],
  ['CONFIRMED', 'CANCELLED'],
  // Ours, not the seed's: a lapsed hold puts the slot back on offer.
  ['MEETING_REQUESTED', 'TENTATIVE'],
  // Ours: a mentor (or admin) cancels an unbooked slot.
  ['TENTATIVE', 'CANCELLED'],
  // Ours: the mentor declines a cancellation request; the booking stands.
  ['CANCELLATION_REQUESTED', 'CONFIRMED'],
  // Ours: an admin's ruling ends a review, credit or refund.
  ['UNDER_REVIEW', 'COMPLETED'],
  ['UNDER_REVIEW', 'CANCELLED'],
];

describe('slot lifecycle', () => {
  it.each(SEED_EDGES)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition(from, to)).not.toThrow();
  });

  it('forbids every transition the seed does not draw', () => {
    const allowed = new Set(SEED_EDGES.map(([a, b]) => `${a}>${b}`));
    let forbidden = 0;
    for (const from of MEETING_STATUSES) {
      for (const to of MEETING_STATUSES) {
        if (allowed.has(`${from}>${to}`)) continue;
        forbidden++;
        expect(canTransition(from, to)).toBe(false);
        expect(() => assertTransition(from, to)).toThrowError(DomainError);
      }
    }
    expect(forbidden).toBe(MEETING_STATUSES.length ** 2 - SEED_EDGES.length);
  });

  it('treats COMPLETED and CANCELLED as terminal', () => {
    expect(SLOT_TRANSITIONS.COMPLETED).toEqual([]);
    expect(SLOT_TRANSITIONS.CANCELLED).toEqual([]);
  });

  it('refuses an illegal transition with the ILLEGAL_TRANSITION code', () => {
    try {
      assertTransition('COMPLETED', 'CONFIRMED');
      expect.unreachable();
    } catch (e) {
      expect((e as DomainError).code).toBe('ILLEGAL_TRANSITION');
    }
  });

  it('ends only CONFIRMED meetings, and calls a COMPLETED or UNDER_REVIEW one already ended', () => {
    expect(canEndMeeting('CONFIRMED')).toBe('end');
    expect(canEndMeeting('COMPLETED')).toBe('already-ended');
    expect(canEndMeeting('UNDER_REVIEW')).toBe('already-ended');
    for (const s of MEETING_STATUSES.filter((x) => x !== 'CONFIRMED' && x !== 'COMPLETED' && x !== 'UNDER_REVIEW')) {
      expect(canEndMeeting(s)).toBe('not-endable');
    }
  });

  it('every walk through the table stays inside the lifecycle and stops at a terminal state', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 10 }), (choices) => {
        let state: MeetingStatus = 'TENTATIVE';
        for (const c of choices) {
          const next: readonly MeetingStatus[] = SLOT_TRANSITIONS[state];
          if (next.length === 0) break;
          const to: MeetingStatus = next[c % next.length]!;
          assertTransition(state, to);
          state = to;
        }
        expect(MEETING_STATUSES).toContain(state);
      }),
    );
  });

  it('matches the Prisma MeetingStatus enum exactly', () => {
    expect(Object.values(PrismaMeetingStatus).sort()).toEqual([...MEETING_STATUSES].sort());
  });

  it('rejects end times in the future or before the slot starts', () => {
    const start = new Date('2026-01-01T10:00:00Z');
    const now = new Date('2026-01-01T11:00:00Z');
    expect(endTimeProblem(start, new Date('2026-01-01T11:00:00Z'), now)).toBeNull();
    expect(endTimeProblem(start, new Date('2026-01-01T12:00:00Z'), now)).toMatch(/future/);
    expect(endTimeProblem(start, new Date('2026-01-01T09:00:00Z'), now)).toMatch(/before/);
  });

  it('disputes a session under the minimum share of its booked length, from startedAt when given', () => {
    const bookedStart = new Date('2026-01-01T10:00:00Z');
    const bookedEnd = new Date('2026-01-01T11:00:00Z');
    const at = (m: number) => new Date(bookedStart.getTime() + m * 60_000);
    expect(isFarShorterThanBooked({ bookedStart, bookedEnd, endedAt: at(14), minPercent: 25 })).toBe(true);
    expect(isFarShorterThanBooked({ bookedStart, bookedEnd, endedAt: at(15), minPercent: 25 })).toBe(false);
    expect(isFarShorterThanBooked({ bookedStart, bookedEnd, startedAt: at(50), endedAt: at(60), minPercent: 25 })).toBe(true);
    expect(isFarShorterThanBooked({ bookedStart, bookedEnd, endedAt: at(1), minPercent: 0 })).toBe(false);
  });

  it('puts a student cancel inside the notice window after the full-refund cutoff', () => {
    const start = new Date('2026-01-02T10:00:00Z');
    const policy = { fullRefundHoursBefore: 24 };
    expect(inNoticeWindow(start, new Date('2026-01-01T10:00:00Z'), policy)).toBe(false);
    expect(inNoticeWindow(start, new Date('2026-01-01T10:00:01Z'), policy)).toBe(true);
    expect(inNoticeWindow(start, new Date('2026-01-02T12:00:00Z'), policy)).toBe(true);
  });
});
