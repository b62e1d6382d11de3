// Batch meeting bodies, filters and views (manager and student).
import { z } from '@hono/zod-openapi';
import { batchMeetingLifecycle, MAX_BATCH_MEETING_MINUTES } from '../../../domain/batch-meeting/status.js';
import { PageQuery } from '../../pagination.js';
import { HttpsUrl, Instant, Recording, Text } from '../lms-profiles/lms-fields.js';

const Status = z.enum(batchMeetingLifecycle.states);

export const ScheduleMeetingBody = z
  .object({
    batchId: z.uuid(),
    title: Text(200),
    description: Text(5000).nullable().optional(),
    startTime: Instant,
    endTime: Instant.openapi({ description: `After startTime, at most ${MAX_BATCH_MEETING_MINUTES} minutes later` }),
    meetingLink: HttpsUrl.nullable().optional(),
  })
  .strict()
  .openapi('BatchMeetingCreate');

export const UpdateMeetingBody = z
  .object({ title: Text(200).optional(), description: Text(5000).nullable().optional(), startTime: Instant.optional(), endTime: Instant.optional(), meetingLink: HttpsUrl.nullable().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('BatchMeetingUpdate');

export const RecordingBody = Recording.openapi('BatchMeetingRecording');
export const AttachRecordingBody = Recording.refine((b) => b.recordingUrl !== undefined || b.recordingS3Key !== undefined, { message: 'Give recordingUrl or recordingS3Key' }).openapi('BatchMeetingRecordingAttach');

export const BatchMeetingQuery = PageQuery.extend({ batchId: z.uuid(), status: Status.optional() });
export const MyMeetingQuery = PageQuery.extend({
  when: z.enum(['upcoming', 'past']).default('upcoming').openapi({ description: 'upcoming: scheduled or live and not over, soonest first; past: the rest, latest first' }),
});

const base = {
  id: z.uuid(),
  batchId: z.uuid(),
  hostId: z.uuid().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  status: Status,
  meetingLink: z.string().nullable(),
  recordingUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const BatchMeetingView = z
  .object({ ...base, recordingS3Key: z.string().nullable(), googleCalendarEventId: z.string().nullable().openapi({ description: 'Always null for now: no calendar provider yet' }) })
  .openapi('BatchMeeting');
export const StudentMeetingView = z.object(base).openapi('StudentBatchMeeting');
