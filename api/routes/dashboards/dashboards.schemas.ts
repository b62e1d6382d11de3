import { z } from '@hono/zod-openapi';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const DayRangeQuery = z.object({
  from: Day.openapi({ description: 'First IST day (YYYY-MM-DD), included' }),
  to: Day.openapi({ description: 'Last IST day, included; at most 366 days after from' }),
});

export const MentorDashboardQuery = DayRangeQuery.extend({ mentorId: z.uuid().optional().openapi({ description: 'Staff: the mentor; an expert sees only their own' }) });

export const MentorDashboard = z
  .object({
    mentorId: z.uuid(),
    from: z.string(),
    to: z.string(),
    totals: z.object({ sessionsCompleted: z.number(), earningsPaise: z.number() }),
    days: z.array(z.object({ day: z.string(), sessionsCompleted: z.number(), earningsPaise: z.number() })),
    computedAt: z.string().nullable().openapi({ description: 'When the newest figure was rolled up' }),
  })
  .openapi('MentorDashboard');

export const SalesDashboard = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string().nullable(),
        callsMade: z.number(),
        callsConnected: z.number(),
        leadsAssigned: z.number(),
        leadsConverted: z.number(),
        connectRatePct: z.number().nullable(),
        conversionPct: z.number().nullable(),
      }),
    ),
  })
  .openapi('SalesDashboard');

export const JobParam = z.object({ jobId: z.uuid().openapi({ param: { name: 'jobId', in: 'path' } }) });
export const PipelineDashboard = z
  .object({ jobPostId: z.uuid(), title: z.string(), stages: z.record(z.string(), z.number()), total: z.number(), computedAt: z.string().nullable() })
  .openapi('JobPipelineDashboard');

export const BatchParam = z.object({ batchId: z.uuid().openapi({ param: { name: 'batchId', in: 'path' } }) });
const AttendanceFigure = { marked: z.number(), attended: z.number(), attendancePct: z.number().nullable() };
export const BatchAttendanceDashboard = z
  .object({
    batch: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
    from: z.string(),
    to: z.string(),
    attendancePct: z.number().nullable(),
    days: z.array(z.object({ day: z.string(), ...AttendanceFigure })),
    students: z.array(z.object({ userId: z.uuid(), name: z.string().nullable(), ...AttendanceFigure })),
  })
  .openapi('BatchAttendanceDashboard');

export const KpiBackfillBody = DayRangeQuery.strict().openapi('KpiBackfillRequest');
export const KpiBackfillView = z.object({ workflowId: z.string(), days: z.number().int() }).openapi('KpiBackfill');
