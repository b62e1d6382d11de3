// Course enrollment (seed: Enrollment.status): progress only moves forward.
import { defineLifecycle } from '../lifecycle.js';

export const enrollmentLifecycle = defineLifecycle('enrollment', ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'], 'NOT_STARTED', {
  NOT_STARTED: ['IN_PROGRESS', 'COMPLETED'],
  IN_PROGRESS: ['COMPLETED'],
  COMPLETED: [],
});
export type EnrollmentStatus = (typeof enrollmentLifecycle.states)[number];
