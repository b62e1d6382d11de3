// Bodies, filters and views of batches and their staff (super-mentors, community managers).
import { z } from '@hono/zod-openapi';
import { batchLifecycle } from '../../../domain/batch/status.js';
import { PageQuery } from '../../pagination.js';

const Instant = z.iso.datetime({ offset: true }).openapi({ description: 'ISO 8601 instant' });
const Ref = z.uuid().nullable();
export const Rupees = z
  .union([z.string().trim().max(16), z.number().min(0).max(9_999_999_999)])
  .openapi({ description: 'Rupees (not paise), ≥ 0, at most 2 decimals, e.g. "2500.50"' });

const fields = {
  code: z.string().trim().min(2).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'Letters, digits, _ . -'),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).nullable(),
  program: z.string().trim().max(64).nullable().openapi({ description: 'Program key, e.g. "mas101"' }),
  platform: z.string().trim().max(64).nullable().openapi({ description: 'Tenant (Platform.key)' }),
  startDate: Instant.nullable(),
  endDate: Instant.nullable(),
  applicationDeadline: Instant.nullable(),
  capacity: z.number().int().min(0).max(100_000).nullable().openapi({ description: 'Seat cap; null = unlimited; never below the seats taken' }),
  enrollmentFee: Rupees,
  currency: z.string().trim().length(3).toUpperCase(),
  bannerS3Key: z.string().trim().max(1024).nullable(),
  courseId: Ref.openapi({ description: 'A legacy course (courses.id) the batch teaches' }),
  superMentorId: Ref.openapi({ description: 'An EXPERT user; also recorded as an active super-mentor assignment' }),
  cmId: Ref.openapi({ description: 'The community manager: a SALES user or staff; also recorded as an active assignment' }),
  batchLeadId: Ref.openapi({ description: 'The batch lead: a SALES user or staff' }),
};

export const CreateBatchBody = z
  .object({ ...fields, code: fields.code, name: fields.name })
  .partial()
  .required({ code: true, name: true })
  .strict()
  .openapi('BatchCreate');

export const UpdateBatchBody = z
  .object(fields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('BatchUpdate');

export const BatchStatusBody = z.object({ status: z.enum(batchLifecycle.states) }).strict().openapi('BatchStatusChange');

export const BatchQuery = PageQuery.extend({
  status: z.enum(batchLifecycle.states).optional(),
  q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Name or code contains (case-insensitive)' }),
  program: z.string().trim().max(64).optional(),
  courseId: z.uuid().optional(),
});

const Person = z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable();
const CourseRef = z.object({ id: z.uuid(), slug: z.string(), title: z.string() }).nullable();
const when = z.string().nullable();

export const BatchView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    program: z.string().nullable(),
    platform: z.string().nullable(),
    status: z.enum(batchLifecycle.states),
    startDate: when,
    endDate: when,
    applicationDeadline: when,
    capacity: z.number().int().nullable(),
    seatsTaken: z.number().int().openapi({ description: 'Applications BATCH_ALLOCATED or ENROLLED' }),
    seatsLeft: z.number().int().nullable().openapi({ description: 'null when unlimited' }),
    enrollmentFee: z.string().openapi({ description: 'Rupees, 2 decimals' }),
    currency: z.string(),
    bannerS3Key: z.string().nullable(),
    courseId: z.uuid().nullable(),
    superMentorId: z.uuid().nullable(),
    cmId: z.uuid().nullable(),
    batchLeadId: z.uuid().nullable(),
    course: CourseRef,
    superMentor: Person,
    communityManager: Person,
    batchLead: Person,
    danglingRefs: z.array(z.string()).openapi({ description: 'Stored references whose course or user no longer exists (shown as null above)' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Batch');

export const OpenBatchView = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    program: z.string().nullable(),
    status: z.enum(batchLifecycle.states),
    startDate: when,
    endDate: when,
    applicationDeadline: when,
    capacity: z.number().int().nullable(),
    seatsLeft: z.number().int().nullable(),
    enrollmentFee: z.string(),
    currency: z.string(),
    course: CourseRef,
  })
  .openapi('OpenBatch');

export const StaffAssignBody = z.object({ userId: z.uuid() }).strict().openapi('BatchStaffAssign');
export const StaffListQuery = z.object({ activeOnly: z.enum(['true', 'false']).default('true').openapi({ description: 'Only active assignments (default true)' }) });

export const StaffAssignmentView = z
  .object({
    id: z.uuid(),
    batchId: z.uuid(),
    userId: z.uuid(),
    user: z.object({ id: z.uuid(), name: z.string(), email: z.string(), role: z.string() }).nullable(),
    assignedById: z.uuid().nullable(),
    isActive: z.boolean(),
    assignedAt: z.string(),
    unassignedAt: z.string().nullable(),
  })
  .openapi('BatchStaffAssignment');

export const BatchId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const BatchUserParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }), userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });
