// The CRM call status lifecycle agrees with the Prisma enum, only moves forward, and maps every
// Exotel status word.
import { describe, expect, it } from 'vitest';
import { fromProviderStatus, leadCallLifecycle, nextCallStatus } from '../../domain/lead-call/status.js';
import { LeadCallStatus } from '../../prisma/generated/enums.js';
import { EXOTEL_CALL_STATUSES } from '../../providers/exotel/interface.js';

describe('lead call status', () => {
  it('has exactly the states of the LeadCallStatus enum, and final states go nowhere', () => {
    expect([...leadCallLifecycle.states].sort()).toEqual(Object.values(LeadCallStatus).sort());
    for (const s of ['completed', 'busy', 'no_answer', 'failed', 'canceled'] as const) expect(leadCallLifecycle.isTerminal(s)).toBe(true);
  });

  it('a late in-progress never moves a final call back; forward moves are taken', () => {
    expect(nextCallStatus('completed', 'in_progress')).toBe('completed');
    expect(nextCallStatus('busy', 'completed')).toBe('busy');
    expect(nextCallStatus('in_progress', 'ringing')).toBe('in_progress');
    expect(nextCallStatus('queued', 'in_progress')).toBe('in_progress');
    expect(nextCallStatus('in_progress', 'no_answer')).toBe('no_answer');
  });

  it('maps every Exotel status word', () => {
    for (const s of EXOTEL_CALL_STATUSES) expect(fromProviderStatus(s)).not.toBeNull();
    expect(fromProviderStatus('no-answer')).toBe('no_answer');
    expect(fromProviderStatus('In-Progress')).toBe('in_progress');
    expect(fromProviderStatus('exploded')).toBeNull();
  });
});
