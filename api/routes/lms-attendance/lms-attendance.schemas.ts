// Bodies and views of attendance marking and lists.
import { z } from '@hono/zod-openapi';
import { AttendanceStatus } from '../../../prisma/generated/enums.js';
import { PageQuery } from '../../pagination.js';

export const MAX_ATTENDANCE_ENTRIES = 500;
const Status = z.enum(Object.values(AttendanceStatus) as [AttendanceStatus, ...AttendanceStatus[]]);

export const MarkAttendanceBody = z
  .object({
    entries: z
      .array(z.object({ userId: z.uuid(), status: Status, remarks: z.string().trim().max(1000).optional() }).strict())
      .min(1)
      .max(MAX_ATTENDANCE_ENTRIES)
      .openapi({ description: `1–${MAX_ATTENDANCE_ENTRIES} students, each once; marking a student again updates their row` }),
  })
  .strict()
  .openapi('AttendanceMark');

export const MarkResult = z
  .object({ marked: z.number().int(), created: z.number().int(), updated: z.number().int(), sessionDate: z.string().openapi({ description: 'YYYY-MM-DD' }) })
  .openapi('AttendanceMarkResult');

export const AttendanceView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    markedById: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    batchMeetingId: z.uuid().nullable(),
    classId: z.uuid().nullable(),
    sessionDate: z.string().openapi({ description: 'YYYY-MM-DD' }),
    status: Status,
    remarks: z.string().nullable(),
    joinedAt: z.string().nullable(),
    leftAt: z.string().nullable(),
    durationMinutes: z.number().int().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Attendance');

export const MyAttendanceQuery = PageQuery.extend({ classId: z.uuid().optional(), batchMeetingId: z.uuid().optional(), batchId: z.uuid().optional() });
export const BatchAttendanceQuery = PageQuery.extend({ userId: z.uuid().optional(), status: Status.optional() });

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
