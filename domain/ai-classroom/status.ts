// AI classrooms (seed: AiClassroomRequest.status, AiClassroom.status, AiClassroomProgress.status).
// A request is decided once by staff: approval creates its classroom (DRAFT) in the same
// transaction; a rejected request is final. The request follows its classroom afterwards: it
// is COMPLETED when the classroom is published (GENERATING and FAILED belong to a generation run).
// A classroom is edited in DRAFT or READY, published, and archived; ARCHIVED is final.
import { defineLifecycle } from '../lifecycle.js';

export const aiClassroomRequestLifecycle = defineLifecycle('AI classroom request', ['PENDING', 'APPROVED', 'REJECTED', 'GENERATING', 'COMPLETED', 'FAILED'], 'PENDING', {
  PENDING: ['APPROVED', 'REJECTED'],
  APPROVED: ['GENERATING', 'COMPLETED'],
  GENERATING: ['COMPLETED', 'FAILED'],
  FAILED: ['GENERATING'],
  REJECTED: [],
  COMPLETED: [],
});
export type AiClassroomRequestStatus = (typeof aiClassroomRequestLifecycle.states)[number];

export const aiClassroomLifecycle = defineLifecycle('AI classroom', ['DRAFT', 'GENERATING', 'READY', 'PUBLISHED', 'FAILED', 'ARCHIVED'], 'DRAFT', {
  DRAFT: ['GENERATING', 'READY', 'PUBLISHED', 'ARCHIVED'],
  GENERATING: ['READY', 'FAILED', 'DRAFT'],
  READY: ['DRAFT', 'PUBLISHED', 'ARCHIVED'],
  FAILED: ['DRAFT', 'GENERATING', 'ARCHIVED'],
  PUBLISHED: ['ARCHIVED'],
  ARCHIVED: [],
});
export type AiClassroomStatus = (typeof aiClassroomLifecycle.states)[number];

/** Where a classroom's fields may still be edited by staff. */
export const EDITABLE_CLASSROOM_STATUSES: readonly AiClassroomStatus[] = ['DRAFT', 'READY', 'FAILED'];

export const AI_CLASSROOM_PROGRESS_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] as const;
export type AiClassroomProgressStatus = (typeof AI_CLASSROOM_PROGRESS_STATUSES)[number];

// A student's progress only moves forward: percent, completed sections and time spent never drop
// (the larger of stored and reported is kept, in one upsert: services/ai/classroom-progress.ts),
// and COMPLETED is never left. The current section (the resume point) moves freely.
