// Webinar bodies, filters and views (staff, public), and the progress report.
import { z } from '@hono/zod-openapi';
import { webinarLifecycle } from '../../../domain/webinar/status.js';
import { PageQuery } from '../../pagination.js';
import { HttpsUrl, Instant, Recording, S3Key, Text } from '../lms-profiles/lms-fields.js';

const Slug = z.string().trim().min(3).max(120).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lower-case words joined by hyphens');
const Platform = z.string().trim().min(1).max(64);
const Status = z.enum(webinarLifecycle.states);

const fields = {
  slug: Slug,
  title: Text(200),
  description: Text(5000).nullable().optional(),
  hostName: Text(120).nullable().optional(),
  hostBio: Text(2000).nullable().optional(),
  thumbnailUrl: HttpsUrl.nullable().optional(),
  platform: Platform.nullable().optional().openapi({ description: 'Platform key it is listed on; null lists it on every platform' }),
  startsAt: Instant,
  durationMinutes: z.number().int().min(5).max(600).optional().openapi({ description: 'Default 60' }),
  meetingLink: HttpsUrl.nullable().optional(),
  recordingUrl: HttpsUrl.nullable().optional(),
  recordingS3Key: S3Key.nullable().optional(),
};

export const CreateWebinarBody = z.object(fields).strict().openapi('WebinarCreate');

export const UpdateWebinarBody = z
  .object({ ...fields, slug: Slug.optional(), title: Text(200).optional(), startsAt: Instant.optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('WebinarUpdate');

export const CompleteWebinarBody = Recording.openapi('WebinarCompletion');

export const StaffWebinarQuery = PageQuery.extend({ status: Status.optional(), platform: Platform.optional() });
export const PublicWebinarQuery = PageQuery.extend({
  kind: z.enum(['upcoming', 'recorded']).default('upcoming').openapi({ description: 'upcoming: scheduled or live, soonest first; recorded: completed with a recording, newest first' }),
});

export const ProgressBody = z
  .object({
    positionSeconds: z.number().int().min(0).max(86_400).openapi({ description: 'Current playback position' }),
    watchedSeconds: z.number().int().min(0).max(86_400).openapi({ description: 'Total seconds watched so far' }),
  })
  .strict()
  .openapi('WebinarProgressReport');

const base = {
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  hostName: z.string().nullable(),
  hostBio: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  platform: z.string().nullable(),
  startsAt: z.string(),
  durationMinutes: z.number().int(),
  status: Status,
  meetingLink: z.string().nullable(),
  recordingUrl: z.string().nullable(),
};

export const WebinarView = z.object({ ...base, recordingS3Key: z.string().nullable(), createdAt: z.string(), updatedAt: z.string() }).openapi('Webinar');
export const PublicWebinarView = z.object(base).openapi('PublicWebinar');

export const ProgressView = z
  .object({
    webinarId: z.uuid(),
    watchedSeconds: z.number().int(),
    lastPositionSeconds: z.number().int(),
    progressPercent: z.number(),
    completed: z.boolean(),
    completedAt: z.string().nullable(),
    lastWatchedAt: z.string().nullable(),
  })
  .openapi('WebinarProgress');

export const MyWebinarView = ProgressView.extend({ webinar: PublicWebinarView }).openapi('MyWebinar');
