// AI course plan (seed: CoursePlan.status). Staff start generation (DRAFT -> GENERATING); the
// run pauses (PAUSED) and resumes, fails on a lecture (FAILED, retried back to GENERATING), or
// finishes back in DRAFT for review, as does a cancel. A reviewed plan is APPROVED, and
// publishing it to the course (modules and classes made from its lectures) makes it COMPLETED.
import { defineLifecycle } from '../lifecycle.js';

export const coursePlanLifecycle = defineLifecycle('course plan', ['DRAFT', 'GENERATING', 'APPROVED', 'PAUSED', 'COMPLETED', 'FAILED'], 'DRAFT', {
  DRAFT: ['GENERATING', 'APPROVED'],
  GENERATING: ['DRAFT', 'PAUSED', 'FAILED'],
  PAUSED: ['GENERATING', 'DRAFT'],
  FAILED: ['GENERATING', 'DRAFT'],
  APPROVED: ['COMPLETED'],
  COMPLETED: [],
});
export type CoursePlanStatus = (typeof coursePlanLifecycle.states)[number];
