// CRM workflow enrollment (seed: WorkflowEnrollment.status): the one table the workflow's
// pause/resume/cancel validators, the api, bulk operations and the row writes all consult.
// The seed draws only ACTIVE's edges plus WAITING/PAUSED → ACTIVE; the engine needs more, each
// marked below with why.
import { defineLifecycle } from '../lifecycle.js';

export const workflowEnrollmentLifecycle = defineLifecycle(
  'workflow enrollment',
  ['ACTIVE', 'WAITING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'],
  'ACTIVE',
  {
    ACTIVE: ['WAITING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'],
    WAITING: [
      'ACTIVE', // the delay ran out
      'PAUSED', // not in the seed: a pause during a delay stops the timer and keeps the time left
      'CANCELLED', // not in the seed: a cancel during a delay ends the enrollment at once
    ],
    PAUSED: [
      'ACTIVE', // resumed
      'CANCELLED', // not in the seed: a paused enrollment can be cancelled without resuming it
      // Not in the seed: a pause can land while a goal check or an action is already running
      // (the activity is not interrupted); that node's outcome still ends the enrollment.
      'COMPLETED',
      'FAILED',
    ],
    COMPLETED: [],
    FAILED: [],
    CANCELLED: [],
  },
);
export type WorkflowEnrollmentStatus = (typeof workflowEnrollmentLifecycle.states)[number];

/** What an operator (or a bulk operation) can ask of an enrollment. */
export type EnrollmentMove = 'pause' | 'resume' | 'cancel';

/** Why a move is refused: the workflow maps each to its REJECT message (409 at the api). */
export type EnrollmentMoveRefusal = 'ended' | 'alreadyPaused' | 'notPaused' | 'notAllowed';

const TARGET: Record<EnrollmentMove, WorkflowEnrollmentStatus> = { pause: 'PAUSED', resume: 'ACTIVE', cancel: 'CANCELLED' };

/**
 * Null when `move` may be applied to an enrollment in `status`. Resume is PAUSED → ACTIVE
 * only: WAITING → ACTIVE is the delay running out, not something an operator asks for.
 */
export function enrollmentMoveRefusal(move: EnrollmentMove, status: WorkflowEnrollmentStatus): EnrollmentMoveRefusal | null {
  if (workflowEnrollmentLifecycle.isTerminal(status)) return 'ended';
  if (move === 'pause' && status === 'PAUSED') return 'alreadyPaused';
  if (move === 'resume' && status !== 'PAUSED') return 'notPaused';
  return workflowEnrollmentLifecycle.canTransition(status, TARGET[move]) ? null : 'notAllowed';
}

/** The statuses `move` applies to: a bulk operation's targets. */
export const enrollmentMoveSources = (move: EnrollmentMove): WorkflowEnrollmentStatus[] =>
  workflowEnrollmentLifecycle.states.filter((s) => enrollmentMoveRefusal(move, s) === null);
