// The batch lead pool's weighted round robin: shares follow weights, picks interleave, caps stop
// a member, and the member assigned longest ago goes first.
import { describe, expect, it } from 'vitest';
import { weightedPicks } from '../../domain/crm/batch-pool.js';

const m = (userId: string, weight = 1, remainingToday: number | null = null, lastAssignedAt: Date | null = null) => ({ userId, weight, remainingToday, lastAssignedAt });

describe('weightedPicks', () => {
  it('gives leads in proportion to weight, interleaved', () => {
    const picks = weightedPicks([m('a', 2), m('b', 1)], 6);
    expect(picks.filter((p) => p === 'a')).toHaveLength(4);
    expect(picks.filter((p) => p === 'b')).toHaveLength(2);
    expect(picks.slice(0, 3).sort()).toEqual(['a', 'a', 'b']);
  });

  it('starts with the member assigned longest ago (never first)', () => {
    expect(weightedPicks([m('a', 1, null, new Date(2_000)), m('b', 1, null, new Date(1_000)), m('c')], 3)).toEqual(['c', 'b', 'a']);
  });

  it('stops a member at its daily cap and ends when all are capped', () => {
    expect(weightedPicks([m('a', 1, 1), m('b', 1, 2)], 10)).toEqual(['a', 'b', 'b']);
    expect(weightedPicks([m('a', 1, 0), m('b', 0)], 3)).toEqual([]);
  });
});
