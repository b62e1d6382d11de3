// Where a job is posted outside (JobPlatformPosting.status). A failed or expired posting may be
// retried (back to pending); a removed one is final.
import { defineLifecycle } from '../lifecycle.js';

export const jobPlatformPostingLifecycle = defineLifecycle('job platform posting', ['pending', 'posted', 'failed', 'expired', 'removed'], 'pending', {
  pending: ['posted', 'failed', 'removed'],
  posted: ['expired', 'removed', 'failed'],
  failed: ['pending', 'removed'],
  expired: ['pending', 'removed'],
  removed: [],
});
export type JobPlatformPostingStatus = (typeof jobPlatformPostingLifecycle.states)[number];
