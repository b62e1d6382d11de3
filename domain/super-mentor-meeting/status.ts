// Super-mentor meeting (seed: SuperMentorMeeting.status): a 1:1 (or one row per student of a batch
// session) between a batch's super-mentor and a student. SCHEDULED until it is held (COMPLETED,
// with attendance and notes) or called off (CANCELLED); both are final. Only a SCHEDULED meeting
// may be edited or rescheduled.
import { defineLifecycle } from '../lifecycle.js';

export const superMentorMeetingLifecycle = defineLifecycle('super-mentor meeting', ['SCHEDULED', 'COMPLETED', 'CANCELLED'], 'SCHEDULED', {
  SCHEDULED: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
});
export type SuperMentorMeetingStatus = (typeof superMentorMeetingLifecycle.states)[number];

export const MIN_SUPER_MENTOR_MEETING_MINUTES = 5;
export const MAX_SUPER_MENTOR_MEETING_MINUTES = 4 * 60;
/** A batch session writes one row per student: a cap keeps that transaction bounded. */
export const MAX_SUPER_MENTOR_BATCH_STUDENTS = 500;

/** Only a SCHEDULED meeting may change its title, time or link. */
export const isEditable = (status: SuperMentorMeetingStatus) => status === 'SCHEDULED';
