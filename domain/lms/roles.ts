// Who may do what in the LMS learning slice. Experts author bank questions (shared content);
// quizzes, grading and class attendance are staff-only because a course or class records no
// instructor to check; an expert marks attendance only for the batch meetings they host.
import { EVERYONE, type Role } from '../auth/roles.js';

export const LMS_STAFF: readonly Role[] = ['ADMIN', 'SUPERADMIN'];
export const LMS_AUTHORS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'EXPERT'];
export const MEETING_MARKERS: readonly Role[] = ['ADMIN', 'SUPERADMIN', 'EXPERT'];
/** Learner routes: any signed-in user; what they reach depends on their own enrollments. */
export const LEARNERS: readonly Role[] = EVERYONE;
