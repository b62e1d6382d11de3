// MAS program application (seed: ApplicationStatus), exactly as the seed draws it.
import { defineLifecycle } from '../lifecycle.js';

export const applicationLifecycle = defineLifecycle(
  'program application',
  ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'PAYMENT_RECEIVED', 'PAID', 'BATCH_ALLOCATED', 'ENROLLED', 'DEBOARDED'],
  'DRAFT',
  {
    DRAFT: ['SUBMITTED'],
    SUBMITTED: ['UNDER_REVIEW'],
    UNDER_REVIEW: ['APPROVED', 'REJECTED'],
    APPROVED: ['PAYMENT_RECEIVED'],
    PAYMENT_RECEIVED: ['PAID'],
    PAID: ['BATCH_ALLOCATED'],
    BATCH_ALLOCATED: ['ENROLLED'],
    ENROLLED: ['DEBOARDED'],
    REJECTED: [],
    DEBOARDED: [],
  },
);
export type ApplicationStatus = (typeof applicationLifecycle.states)[number];
