// Batch ↔ Mr Learn / Mr Test maps, a batch's synced progress and results, and the Mr Learn
// reminder log: bodies, filters and views.
import { z } from '@hono/zod-openapi';
import { PageQuery, pageSchema } from '../../pagination.js';

/** An external id as Mr Learn / Mr Test spell it: printable, no spaces. */
const ExternalId = z.string().trim().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'Printable characters, no spaces');
const Name = z.string().trim().min(1).max(300).nullable().optional().openapi({ description: 'Cached display name, used only while the id is not synced yet (a synced title wins)' });

export const MrLearnMapBody = z.object({ mrLearnCourseId: ExternalId.openapi({ description: 'mrlearn.courses.externalId' }), name: Name }).strict().openapi('BatchMrLearnCourseMapCreate');
export const MrTestMapBody = z.object({ mrTestExamId: ExternalId.openapi({ description: 'mrtest.online_exams.externalId' }), name: Name }).strict().openapi('BatchMrTestExamMapCreate');

export const MapListQuery = z.object({ activeOnly: z.enum(['true', 'false']).default('true').openapi({ description: 'Only active maps (default true)' }) });

const mapFields = {
  id: z.uuid(),
  batchId: z.uuid(),
  name: z.string().nullable().openapi({ description: 'The cached course / exam name' }),
  synced: z.boolean().openapi({ description: 'The external id names a synced row (not removed)' }),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const MrLearnMapView = z.object({ ...mapFields, mrLearnCourseId: z.string() }).openapi('BatchMrLearnCourseMap');
export const MrTestMapView = z.object({ ...mapFields, mrTestExamId: z.string() }).openapi('BatchMrTestExamMap');

export const BatchId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const BatchMapParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }), mapId: z.uuid().openapi({ param: { name: 'mapId', in: 'path' } }) });

export const StaffLearnQuery = PageQuery.extend({
  userId: z.uuid().optional().openapi({ description: 'Only this member' }),
  mrLearnCourseId: ExternalId.optional().openapi({ description: 'Only this mapped course' }),
});
export const MyLearnQuery = PageQuery.extend({ mrLearnCourseId: ExternalId.optional() });
export const StaffTestQuery = PageQuery.extend({
  userId: z.uuid().optional().openapi({ description: 'Only this member' }),
  mrTestExamId: ExternalId.optional().openapi({ description: 'Only this mapped exam' }),
});
export const MyTestQuery = PageQuery.extend({ mrTestExamId: ExternalId.optional() });

const member = {
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  mapId: z.uuid(),
  matchedBy: z.enum(['userId', 'email']).nullable().openapi({ description: 'How the member was matched to the synced row; null: not synced yet' }),
};
const num = z.number().nullable();
const when = z.string().nullable();

export const MrLearnProgressView = z
  .object({
    ...member,
    mrLearnCourseId: z.string(),
    courseName: z.string().nullable(),
    learnerId: z.uuid().nullable().openapi({ description: 'mrlearn.learners.id' }),
    learnerExternalId: z.string().nullable(),
    progressPercent: num.openapi({ description: '0-100; null: no report for the course yet' }),
    completedLessons: z.number().int().nullable(),
    totalLessons: z.number().int().nullable(),
    timeSpentMinutes: z.number().int().nullable(),
    score: num,
    status: z.string().nullable().openapi({ description: 'The report status, verbatim from Mr Learn' }),
    lastActivityAt: when,
    completedAt: when,
    lastSyncedAt: when,
  })
  .openapi('MrLearnProgress');

export const MrTestResultView = z
  .object({
    ...member,
    mrTestExamId: z.string(),
    examName: z.string().nullable(),
    studentId: z.uuid().nullable().openapi({ description: 'mrtest.students.id' }),
    studentExternalId: z.string().nullable(),
    submissionId: z.uuid().nullable().openapi({ description: 'The latest attempt' }),
    attemptNumber: z.number().int().nullable(),
    attempts: z.number().int(),
    status: z.string().nullable().openapi({ description: 'The submission status, verbatim from Mr Test' }),
    score: num,
    maxScore: num,
    percentage: num,
    passed: z.boolean().nullable().openapi({ description: 'score ≥ the exam’s passing marks; null when either is unknown' }),
    submittedAt: when,
    rank: z.number().int().nullable(),
    percentile: num,
    reportUrl: z.string().nullable(),
  })
  .openapi('MrTestResult');

export const MrLearnProgressPage = pageSchema(MrLearnProgressView).openapi('MrLearnProgressPage');
export const MrTestResultPage = pageSchema(MrTestResultView).openapi('MrTestResultPage');

export const ReminderLogQuery = PageQuery.extend({
  status: z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED']).optional(),
  batchId: z.uuid().optional(),
  learnerId: z.uuid().optional().openapi({ description: 'mrlearn.learners.id' }),
  reminderType: z.string().trim().min(1).max(64).optional().openapi({ description: 'e.g. inactive_7d' }),
});

export const ReminderLogView = z
  .object({
    id: z.uuid(),
    learnerId: z.uuid(),
    courseId: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    reminderType: z.string(),
    channel: z.enum(['EMAIL', 'WHATSAPP', 'SMS', 'IN_APP']),
    recipient: z.string(),
    status: z.enum(['PENDING', 'SENT', 'FAILED', 'SKIPPED']).openapi({ description: 'PENDING: logged before the send and never finished (a crash); it is not sent again' }),
    providerMessageId: z.string().nullable(),
    error: z.string().nullable(),
    dedupeKey: z.string().openapi({ description: 'inactive_<days>d:<learnerId>:<period start date>' }),
    sentAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MrLearnReminderLog');
export const ReminderLogPage = pageSchema(ReminderLogView).openapi('MrLearnReminderLogPage');
