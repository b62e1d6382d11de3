// The enrollment lifecycle is the one table pause/resume/cancel and the row writes consult:
// every edge, allowed or not, and what each operator move is refused with from each state.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.js';
import { enrollmentMoveRefusal, enrollmentMoveSources, workflowEnrollmentLifecycle, type WorkflowEnrollmentStatus } from '../../domain/workflow-enrollment/status.js';

const ALLOWED: Record<WorkflowEnrollmentStatus, WorkflowEnrollmentStatus[]> = {
  ACTIVE: ['WAITING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'],
  WAITING: ['ACTIVE', 'PAUSED', 'CANCELLED'],
  PAUSED: ['ACTIVE', 'CANCELLED', 'COMPLETED', 'FAILED'],
  COMPLETED: [],
  FAILED: [],
  CANCELLED: [],
};
const states = workflowEnrollmentLifecycle.states;
const edges = states.flatMap((from) => states.map((to) => [from, to, ALLOWED[from].includes(to)] as const));

describe('workflow enrollment lifecycle', () => {
  it.each(edges)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(workflowEnrollmentLifecycle.canTransition(from, to)).toBe(allowed);
    if (allowed) expect(() => workflowEnrollmentLifecycle.assertTransition(from, to)).not.toThrow();
    else expect(() => workflowEnrollmentLifecycle.assertTransition(from, to)).toThrowError(DomainError);
  });

  it('ends only in COMPLETED, FAILED and CANCELLED', () => {
    expect(states.filter((s) => workflowEnrollmentLifecycle.isTerminal(s))).toEqual(['COMPLETED', 'FAILED', 'CANCELLED']);
  });
});

describe('operator moves', () => {
  const cases: [WorkflowEnrollmentStatus, ReturnType<typeof enrollmentMoveRefusal>, ReturnType<typeof enrollmentMoveRefusal>, ReturnType<typeof enrollmentMoveRefusal>][] = [
    // status,      pause,           resume,      cancel
    ['ACTIVE', null, 'notPaused', null],
    ['WAITING', null, 'notPaused', null],
    ['PAUSED', 'alreadyPaused', null, null],
    ['COMPLETED', 'ended', 'ended', 'ended'],
    ['FAILED', 'ended', 'ended', 'ended'],
    ['CANCELLED', 'ended', 'ended', 'ended'],
  ];
  it.each(cases)('from %s: pause %s, resume %s, cancel %s', (status, pause, resume, cancel) => {
    expect(enrollmentMoveRefusal('pause', status)).toBe(pause);
    expect(enrollmentMoveRefusal('resume', status)).toBe(resume);
    expect(enrollmentMoveRefusal('cancel', status)).toBe(cancel);
  });

  it('a move allowed from a state is an edge of the table', () => {
    const target = { pause: 'PAUSED', resume: 'ACTIVE', cancel: 'CANCELLED' } as const;
    for (const move of ['pause', 'resume', 'cancel'] as const) {
      for (const s of enrollmentMoveSources(move)) expect(workflowEnrollmentLifecycle.canTransition(s, target[move])).toBe(true);
    }
  });

  it('bulk operations target exactly the states a move applies to', () => {
    expect(enrollmentMoveSources('pause')).toEqual(['ACTIVE', 'WAITING']);
    expect(enrollmentMoveSources('resume')).toEqual(['PAUSED']);
    expect(enrollmentMoveSources('cancel')).toEqual(['ACTIVE', 'WAITING', 'PAUSED']);
  });
});
