// Bodies, filters and views of AI classroom requests, classrooms and progress.
import { z } from '@hono/zod-openapi';
import { aiClassroomLifecycle, aiClassroomRequestLifecycle, AI_CLASSROOM_PROGRESS_STATUSES } from '../../../domain/ai-classroom/status.js';
import { boundedJson, type JsonBounds } from '../../../domain/json-bounds.js';
import { PageQuery } from '../../pagination.js';
import { HttpsUrl, Text } from '../lms-profiles/lms-fields.js';

const RequestStatus = z.enum(aiClassroomRequestLifecycle.states);
const ClassroomStatus = z.enum(aiClassroomLifecycle.states);
const ProgressStatus = z.enum(AI_CLASSROOM_PROGRESS_STATUSES);
const Language = z.string().trim().min(2).max(10).regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,4})?$/, 'A language tag such as en or hi-IN');

/** A generated lesson: sections, slides, narration, quiz items. */
const CONTENT_BOUNDS: JsonBounds = { maxDepth: 8, maxBytes: 256 * 1024 };

export const ClassroomRequestBody = z
  .object({
    courseId: z.uuid().openapi({ description: 'A courses id; checked' }),
    moduleId: z.uuid().openapi({ description: 'A module of that course; checked' }),
    topic: Text(200),
    description: Text(4000).optional(),
    level: z.enum(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']).optional(),
    language: Language.optional().openapi({ description: 'Default: the course’s language' }),
  })
  .strict()
  .openapi('AiClassroomRequestCreate');

export const ApproveRequestBody = z
  .object({ note: Text(2000).optional(), title: Text(200).optional().openapi({ description: 'The classroom’s title; default the request’s topic' }) })
  .strict()
  .openapi('AiClassroomRequestApproval');

export const RejectRequestBody = z.object({ note: z.string().trim().min(3).max(2000) }).strict().openapi('AiClassroomRequestRejection');

export const MyRequestsQuery = PageQuery.extend({ status: RequestStatus.optional() });
export const RequestsQuery = PageQuery.extend({
  status: RequestStatus.optional(),
  requestedById: z.uuid().optional(),
  courseId: z.uuid().optional(),
  moduleId: z.uuid().optional(),
});

export const RequestView = z
  .object({
    id: z.uuid(),
    requestedById: z.uuid(),
    reviewedById: z.uuid().nullable(),
    aiClassroomId: z.uuid().nullable().openapi({ description: 'The classroom approval created' }),
    courseId: z.uuid().nullable(),
    moduleId: z.uuid().nullable(),
    level: z.string().nullable(),
    language: z.string().nullable(),
    topic: z.string(),
    description: z.string().nullable(),
    status: RequestStatus,
    reviewNote: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('AiClassroomRequest');

const classroomFields = {
  id: z.uuid(),
  courseId: z.uuid().nullable(),
  moduleId: z.uuid().nullable(),
  createdById: z.uuid().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  topic: z.string().nullable(),
  language: z.string(),
  status: ClassroomStatus,
  thumbnailUrl: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const ClassroomSummary = z.object(classroomFields).openapi('AiClassroomSummary');
export const ClassroomView = z.object({ ...classroomFields, content: z.unknown().openapi({ description: 'The lesson: { sections: [...] , ... }; null until written' }) }).openapi('AiClassroom');

export const ApprovedView = z.object({ request: RequestView, classroom: ClassroomView }).openapi('AiClassroomRequestApproved');

export const ClassroomsQuery = PageQuery.extend({
  courseId: z.uuid().optional(),
  moduleId: z.uuid().optional(),
  status: ClassroomStatus.optional().openapi({ description: 'Staff only filter; others only ever see PUBLISHED' }),
});

export const ClassroomUpdateBody = z
  .object({
    title: Text(200).optional(),
    description: Text(4000).nullable().optional(),
    topic: Text(200).nullable().optional(),
    language: Language.optional(),
    content: boundedJson(CONTENT_BOUNDS, z.record(z.string(), z.unknown())).optional().openapi({ description: 'The lesson; `sections` (an array) drives the progress bounds' }),
    thumbnailUrl: HttpsUrl.nullable().optional(),
    durationMinutes: z.number().int().min(1).max(10_000).nullable().optional(),
    status: z.enum(['DRAFT', 'READY']).optional().openapi({ description: 'Mark the content checked (READY) or back to DRAFT' }),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('AiClassroomUpdate');

const Percent = z.number().min(0).max(100).multipleOf(0.01);
export const ProgressBody = z
  .object({
    progressPercent: Percent.optional().openapi({ description: 'Never goes down: a lower value keeps the stored one. Default: derived from completedSections' }),
    currentSection: z.number().int().min(0).max(10_000).optional().openapi({ description: 'The resume point; moves freely' }),
    completedSections: z.number().int().min(0).max(10_000).optional().openapi({ description: 'Never goes down' }),
    timeSpentSeconds: z.number().int().min(0).max(10_000_000).optional().openapi({ description: 'The total so far (not a delta); never goes down' }),
    quizScore: Percent.optional(),
  })
  .strict()
  .openapi('AiClassroomProgressUpdate');

const progressFields = {
  userId: z.uuid(),
  aiClassroomId: z.uuid(),
  status: ProgressStatus,
  progressPercent: z.number(),
  currentSection: z.number().int(),
  completedSections: z.number().int(),
  timeSpentSeconds: z.number().int(),
  quizScore: z.number().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  lastAccessedAt: z.string().nullable(),
};
export const MyProgressView = z
  .object({ ...progressFields, id: z.uuid().nullable().openapi({ description: 'null before the first report' }), createdAt: z.string().nullable(), updatedAt: z.string().nullable() })
  .openapi('AiClassroomMyProgress');
export const ProgressView = z
  .object({ ...progressFields, id: z.uuid(), createdAt: z.string(), updatedAt: z.string(), user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }) })
  .openapi('AiClassroomProgress');
export const ProgressQuery = PageQuery.extend({ status: ProgressStatus.optional() });

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
