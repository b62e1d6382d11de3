// The CRM lead lifecycle (raw_leads.status): walked at random, a lead never leaves converted or
// invalid, never returns to new, and every refused step is ILLEGAL_TRANSITION.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { rawLeadLifecycle, type RawLeadStatus } from '../../domain/raw-lead/status.js';

const status = fc.constantFrom(...rawLeadLifecycle.states);

/** Applies each attempted step the lifecycle allows; returns the path actually taken. */
function walk(steps: RawLeadStatus[]): RawLeadStatus[] {
  const path: RawLeadStatus[] = [rawLeadLifecycle.initial];
  for (const to of steps) {
    const from = path.at(-1)!;
    try {
      rawLeadLifecycle.assertTransition(from, to);
      path.push(to);
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('ILLEGAL_TRANSITION');
      expect(rawLeadLifecycle.canTransition(from, to)).toBe(false);
    }
  }
  return path;
}

describe('raw lead lifecycle', () => {
  it('converted and invalid are final; nothing ever returns to new', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 40 }), (steps) => {
        const path = walk(steps);
        expect(path.slice(1)).not.toContain('new');
        const final = path.findIndex((s) => s === 'converted' || s === 'invalid');
        if (final >= 0) expect(path.length).toBe(final + 1);
      }),
    );
  });

  it('a worked lead can move between the working states and be won back from lost', () => {
    expect(walk(['contacted', 'not_interested', 'lost', 'interested', 'follow_up', 'converted'])).toEqual(['new', 'contacted', 'not_interested', 'lost', 'interested', 'follow_up', 'converted']);
    expect(() => rawLeadLifecycle.assertTransition('converted', 'contacted')).toThrow(/cannot go from converted to contacted/);
    expect(rawLeadLifecycle.canTransition('lost', 'converted')).toBe(false);
  });
});
