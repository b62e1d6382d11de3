// Mentor onboarding (seed: MentorApplication): a submission is reviewed once; the applicant
// may withdraw while it is pending.
import { defineLifecycle } from '../lifecycle.js';

export const mentorApplicationLifecycle = defineLifecycle('mentor application', ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'], 'PENDING', {
  PENDING: ['APPROVED', 'REJECTED', 'WITHDRAWN'],
  APPROVED: [],
  REJECTED: [],
  WITHDRAWN: [],
});
