// Mr-Hire job post (seed: JobPost.status). A closed post stays closed.
import { defineLifecycle } from '../lifecycle.js';

export const jobPostLifecycle = defineLifecycle('job post', ['draft', 'active', 'paused', 'closed'], 'draft', {
  draft: ['active', 'closed'],
  active: ['paused', 'closed'],
  paused: ['active', 'closed'],
  closed: [],
});
export type JobPostStatus = (typeof jobPostLifecycle.states)[number];
