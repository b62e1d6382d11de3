// CRM workflow enrollment (seed: WorkflowEnrollment.status), exactly as the seed draws it.
// WAITING is a delay in progress; pause/resume happen from ACTIVE.
import { defineLifecycle } from '../lifecycle.js';

export const workflowEnrollmentLifecycle = defineLifecycle(
  'workflow enrollment',
  ['ACTIVE', 'WAITING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'],
  'ACTIVE',
  {
    ACTIVE: ['WAITING', 'PAUSED', 'COMPLETED', 'FAILED', 'CANCELLED'],
    WAITING: ['ACTIVE'],
    PAUSED: ['ACTIVE'],
    COMPLETED: [],
    FAILED: [],
    CANCELLED: [],
  },
);
export type WorkflowEnrollmentStatus = (typeof workflowEnrollmentLifecycle.states)[number];
