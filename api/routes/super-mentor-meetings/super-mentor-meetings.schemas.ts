// Super-mentor meeting bodies, filters and views.
import { z } from '@hono/zod-openapi';
import { MAX_SUPER_MENTOR_MEETING_MINUTES, MIN_SUPER_MENTOR_MEETING_MINUTES, superMentorMeetingLifecycle } from '../../../domain/super-mentor-meeting/status.js';
import { PageQuery } from '../../pagination.js';
import { HttpsUrl, Instant, Text } from '../lms-profiles/lms-fields.js';

const Status = z.enum(superMentorMeetingLifecycle.states);
const Duration = z.number().int().min(MIN_SUPER_MENTOR_MEETING_MINUTES).max(MAX_SUPER_MENTOR_MEETING_MINUTES);

export const ScheduleSuperMentorMeetingBody = z
  .object({
    studentId: z.uuid().optional().openapi({ description: 'A 1:1 with this student (one of your batches’)' }),
    batchId: z.uuid().optional().openapi({ description: 'A session for the whole batch you super-mentor: one row per allocated or enrolled student' }),
    title: Text(200),
    scheduledAt: Instant,
    durationMinutes: Duration.default(30),
    meetingLink: HttpsUrl.nullable().optional(),
  })
  .strict()
  .refine((b) => (b.studentId === undefined) !== (b.batchId === undefined), { message: 'Give exactly one of studentId or batchId', path: ['studentId'] })
  .openapi('SuperMentorMeetingCreate');

export const UpdateSuperMentorMeetingBody = z
  .object({ title: Text(200).optional(), scheduledAt: Instant.optional(), durationMinutes: Duration.optional(), meetingLink: HttpsUrl.nullable().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('SuperMentorMeetingUpdate');

export const CancelSuperMentorMeetingBody = z.object({ reason: Text(1000).optional() }).strict().openapi('SuperMentorMeetingCancel');
export const CompleteSuperMentorMeetingBody = z
  .object({ attended: z.boolean().openapi({ description: 'Whether the student attended' }), notes: Text(5000).nullable().optional() })
  .strict()
  .openapi('SuperMentorMeetingComplete');

export const MySuperMentorMeetingQuery = PageQuery.extend({
  as: z.enum(['student', 'mentor']).default('student').openapi({ description: 'student: meetings you attend; mentor: meetings you host' }),
  when: z.enum(['upcoming', 'past']).default('upcoming').openapi({ description: 'upcoming: SCHEDULED, soonest first; past: COMPLETED or CANCELLED, latest first' }),
});
export const AllSuperMentorMeetingQuery = PageQuery.extend({ superMentorId: z.uuid().optional(), studentId: z.uuid().optional(), status: Status.optional() });

export const SuperMentorMeetingView = z
  .object({
    id: z.uuid(),
    superMentorId: z.uuid(),
    studentId: z.uuid(),
    title: z.string(),
    scheduledAt: z.string(),
    durationMinutes: z.number().int(),
    meetingLink: z.string().nullable(),
    status: Status,
    notes: z.string().nullable(),
    attended: z.boolean().nullable().openapi({ description: 'Set on completion; null before' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('SuperMentorMeeting');
export const ScheduledSuperMentorMeetings = z.object({ items: z.array(SuperMentorMeetingView) }).openapi('SuperMentorMeetingsScheduled');
