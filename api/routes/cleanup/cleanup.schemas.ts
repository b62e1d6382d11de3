import { z } from '@hono/zod-openapi';
import { CLEANUP_TASKS } from '../../../services/cleanup/tasks.js';

export const TaskParam = z.object({ task: z.enum(CLEANUP_TASKS).openapi({ param: { name: 'task', in: 'path' }, description: 'A cleanup task' }) });

export const CleanupResultView = z
  .object({ task: z.enum(CLEANUP_TASKS), matched: z.number().int().openapi({ description: 'Rows the task’s condition matched when it started' }), changed: z.number().int().openapi({ description: 'Rows updated or deleted (0 for a preview)' }) })
  .openapi('CleanupResult');

export const CleanupOverview = z
  .object({
    tasks: z.array(z.object({ task: z.enum(CLEANUP_TASKS), description: z.string() })),
    schedule: z
      .object({
        scheduleId: z.string(),
        paused: z.boolean(),
        note: z.string().nullable(),
        nextRunAt: z.string().nullable(),
        recentRuns: z.array(z.object({ scheduledAt: z.string(), takenAt: z.string(), workflowId: z.string() })),
      })
      .nullable()
      .openapi({ description: 'The daily Schedule (null until a worker has created it)' }),
  })
  .openapi('CleanupOverview');

export const RunCleanupBody = z
  .object({ tasks: z.array(z.enum(CLEANUP_TASKS)).max(CLEANUP_TASKS.length).default([]).openapi({ description: 'Tasks to run, in their fixed order; empty or absent: every task' }) })
  .strict()
  .openapi('RunCleanupRequest');

export const CleanupRunView = z
  .object({
    workflowId: z.string(),
    status: z.enum(['COMPLETED', 'RUNNING']),
    results: z.array(CleanupResultView).nullable().openapi({ description: 'Per task, when the run finished within the wait' }),
  })
  .openapi('CleanupRun');
