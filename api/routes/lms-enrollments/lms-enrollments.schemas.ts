// Enrollments (a student's own, and staff lists) and course assignment to a student or a batch.
import { z } from '@hono/zod-openapi';
import { enrollmentLifecycle } from '../../../domain/enrollment/status.js';
import { PageQuery } from '../../pagination.js';
import { CourseTreeView } from '../lms-courses/lms-courses.schemas.js';

const when = z.string().nullable();
const Status = z.enum(enrollmentLifecycle.states);

export const EnrollmentQuery = PageQuery.extend({ status: Status.optional() });

const EnrolledCourse = z.object({ id: z.uuid(), slug: z.string(), title: z.string(), thumbnailUrl: z.string().nullable(), level: z.enum(['BEGINNER', 'INTERMEDIATE', 'ADVANCED']), status: z.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED']) });

const enrollmentFields = {
  id: z.uuid(),
  userId: z.uuid(),
  courseId: z.uuid(),
  status: Status.openapi({ description: 'Derived from the work done: NOT_STARTED → IN_PROGRESS → COMPLETED' }),
  progressPercent: z.number().openapi({ description: '0–100, derived' }),
  enrolledAt: z.string(),
  startedAt: when,
  completedAt: when,
  lastAccessedAt: when,
};

export const MyCourseView = z.object({ ...enrollmentFields, course: EnrolledCourse }).openapi('MyCourse');
export const EnrollmentView = z.object({ ...enrollmentFields, course: EnrolledCourse, user: z.object({ id: z.uuid(), name: z.string(), email: z.string() }) }).openapi('Enrollment');

const StudentClass = CourseTreeView.shape.modules.element.shape.classes.element.omit({ recordingS3Key: true });
export const MyCourseTreeView = z
  .object({
    enrollment: z.object(enrollmentFields),
    course: CourseTreeView.omit({ enrollmentCount: true, createdAt: true, updatedAt: true, modules: true }).extend({
      modules: z.array(CourseTreeView.shape.modules.element.extend({ classes: z.array(StudentClass) })),
    }),
  })
  .openapi('MyCourseTree');

export const CourseAssignmentBody = z
  .object({
    courseId: z.uuid().openapi({ description: 'A legacy course (courses.id)' }),
    userId: z.uuid().optional().openapi({ description: 'The student; or give batchId' }),
    batchId: z.uuid().optional().openapi({ description: 'The whole batch: its ENROLLED students now and those enrolled later' }),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((b) => !!b.userId !== !!b.batchId, { message: 'Give exactly one of userId or batchId', path: ['userId'] })
  .openapi('CourseAssignmentRequest');

export const CourseAssignmentOutcome = z
  .object({
    action: z.enum(['ASSIGNED', 'UNASSIGNED']),
    courseId: z.uuid(),
    userId: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    changed: z.boolean().openapi({ description: 'False when it already was so (nothing written)' }),
    enrollmentsChanged: z.number().int().openapi({ description: 'Enrollments created or deleted' }),
  })
  .openapi('CourseAssignmentOutcome');

export const HistoryQuery = PageQuery.extend({
  userId: z.uuid().optional(),
  batchId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  action: z.enum(['ASSIGNED', 'UNASSIGNED']).optional(),
});

export const HistoryView = z
  .object({
    id: z.uuid(),
    userId: z.uuid().nullable().openapi({ description: 'null for a batch-wide row' }),
    batchId: z.uuid().nullable(),
    courseId: z.uuid(),
    course: z.object({ id: z.uuid(), slug: z.string(), title: z.string() }).nullable(),
    action: z.enum(['ASSIGNED', 'UNASSIGNED']),
    performedById: z.uuid().nullable(),
    reason: z.string().nullable(),
    occurredAt: z.string(),
  })
  .openapi('CourseAssignmentHistory');

export const CourseIdParam = z.object({ courseId: z.uuid().openapi({ param: { name: 'courseId', in: 'path' } }) });
export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
