// Cohort batch (seed: Batch.status): a batch starts, finishes, or is cancelled before it does.
import { defineLifecycle } from '../lifecycle.js';

export const batchLifecycle = defineLifecycle('batch', ['UPCOMING', 'ACTIVE', 'COMPLETED', 'CANCELLED'], 'UPCOMING', {
  UPCOMING: ['ACTIVE', 'CANCELLED'],
  ACTIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
});
export type BatchStatus = (typeof batchLifecycle.states)[number];
