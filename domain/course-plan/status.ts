// AI course plan (seed: CoursePlan.status). Generation returns to DRAFT for review, or FAILS
// and can be retried; an approved plan can pause, resume and complete.
import { defineLifecycle } from '../lifecycle.js';

export const coursePlanLifecycle = defineLifecycle('course plan', ['DRAFT', 'GENERATING', 'APPROVED', 'PAUSED', 'COMPLETED', 'FAILED'], 'DRAFT', {
  DRAFT: ['GENERATING', 'APPROVED'],
  GENERATING: ['DRAFT', 'FAILED'],
  FAILED: ['GENERATING'],
  APPROVED: ['PAUSED', 'COMPLETED'],
  PAUSED: ['APPROVED'],
  COMPLETED: [],
});
export type CoursePlanStatus = (typeof coursePlanLifecycle.states)[number];
