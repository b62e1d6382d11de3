// Course publication (seed: Course.status, shared by legacy courses and MasCourse): a DRAFT is
// published, can be taken back to DRAFT (unpublish) or ARCHIVED; an archived course can be revived as a DRAFT.
import { defineLifecycle } from '../lifecycle.js';

export const courseLifecycle = defineLifecycle('course', ['DRAFT', 'PUBLISHED', 'ARCHIVED'], 'DRAFT', {
  DRAFT: ['PUBLISHED', 'ARCHIVED'],
  PUBLISHED: ['DRAFT', 'ARCHIVED'],
  ARCHIVED: ['DRAFT'],
});
export type CourseStatus = (typeof courseLifecycle.states)[number];
