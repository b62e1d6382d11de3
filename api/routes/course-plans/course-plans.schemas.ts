import { z } from '@hono/zod-openapi';
import { coursePlanLifecycle } from '../../../domain/course-plan/status.js';

export const CreateCoursePlanBody = z
  .object({
    courseId: z.uuid(),
    title: z.string().trim().min(3).max(200),
    goals: z.string().trim().max(4_000).optional().openapi({ description: 'Topic, audience and goals given to the generator' }),
    lectureCount: z.number().int().min(1).max(60),
    model: z.string().trim().min(1).max(100).optional().openapi({ description: 'The LLM model (default LLM_MODEL)' }),
  })
  .strict()
  .openapi('CoursePlanCreate');

export const SendBackBody = z.object({ note: z.string().trim().min(3).max(2_000) }).strict().openapi('CoursePlanSendBack');

const LectureSchema = z.object({
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  learningObjectives: z.array(z.string()),
  status: z.enum(['PENDING', 'GENERATING', 'READY', 'FAILED']),
  errorMessage: z.string().nullable(),
  content: z.unknown().openapi({ description: 'The generated lecture (summary, sections, learningObjectives), or null' }),
  costPaise: z.number().int(),
  tokensUsed: z.number().int(),
  generatedAt: z.string().nullable(),
});

export const CoursePlanSchema = z
  .object({
    id: z.uuid(),
    courseId: z.uuid(),
    courseTitle: z.string(),
    title: z.string(),
    goals: z.string().nullable(),
    status: z.enum(coursePlanLifecycle.states),
    llmModel: z.string().nullable(),
    errorMessage: z.string().nullable(),
    reviewNote: z.string().nullable(),
    progress: z.object({ totalLectures: z.number().int(), generatedLectures: z.number().int(), percent: z.number().int() }),
    cost: z.object({ totalPaise: z.number().int(), tokensUsed: z.number().int() }),
    live: z
      .object({ status: z.enum(coursePlanLifecycle.states), currentLecture: z.number().int().nullable(), remaining: z.array(z.number().int()), pauseRequested: z.boolean(), cancelRequested: z.boolean() })
      .nullable()
      .openapi({ description: 'The open generation run’s live step, or null' }),
    lectures: z.array(LectureSchema),
    createdById: z.string().nullable(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    approvedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
  })
  .openapi('CoursePlan');

export const PlanActions = ['generate', 'retry', 'pause', 'resume', 'cancel', 'approve'] as const;
