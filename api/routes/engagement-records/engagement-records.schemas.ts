// Bodies and views of the staff-written records students read: ratings, progress, cards, eval tests.
import { z } from '@hono/zod-openapi';
import { DAILY_CARD_TYPES, evalTestLifecycle, SKILL_RATING_MAX, SKILL_RATING_MIN, WEEKLY_DIMENSIONS } from '../../../domain/engagement/records.js';
import { PageQuery } from '../../pagination.js';

const Rating = z.number().int().min(SKILL_RATING_MIN).max(SKILL_RATING_MAX);
const Day = z.iso.date();
const Text = (max: number) => z.string().trim().min(1).max(max);
const EvalStatus = z.enum(evalTestLifecycle.states);

export const StudentId = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const RecordId = StudentId;

export const SkillRatingView = z
  .object({ id: z.uuid(), userId: z.uuid(), ratedById: z.uuid().nullable(), batchId: z.uuid().nullable(), skill: z.string(), rating: z.number().int(), comment: z.string().nullable(), ratedAt: z.string(), createdAt: z.string() })
  .openapi('StudentSkillRating');
export const SkillRatingBody = z.object({ skill: Text(80), rating: Rating, comment: Text(2000).optional(), batchId: z.uuid().optional() }).strict().openapi('RateSkill');
export const SkillRatingsQuery = PageQuery.extend({ skill: Text(80).optional() });

const Breakdown = z.object(Object.fromEntries(WEEKLY_DIMENSIONS.map((d) => [d, Rating.optional()])) as Record<(typeof WEEKLY_DIMENSIONS)[number], z.ZodOptional<typeof Rating>>).strict();
export const WeeklyRatingView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    ratedById: z.uuid().nullable(),
    batchId: z.uuid().nullable(),
    weekStart: z.string(),
    rating: z.number().int(),
    breakdown: z.record(z.string(), z.number()).nullable(),
    feedback: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('WeeklyRating');
export const WeeklyRatingBody = z
  .object({ weekStart: Day.openapi({ description: 'Monday of the rated week' }), rating: Rating, breakdown: Breakdown.optional(), feedback: Text(2000).optional(), batchId: z.uuid().optional() })
  .strict()
  .openapi('RateWeek');

const Count = z.number().int().min(0).max(100_000);
export const ProgressView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    courseId: z.uuid(),
    batchId: z.uuid().nullable(),
    currentModuleId: z.string().nullable(),
    completedClasses: z.number().int(),
    totalClasses: z.number().int(),
    completedQuizzes: z.number().int(),
    completedAssignments: z.number().int(),
    progressPercent: z.number(),
    lastActivityAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('StudentProgress');
export const ProgressList = z.object({ items: z.array(ProgressView) }).openapi('StudentProgressList');
export const ProgressBody = z
  .object({ courseId: z.uuid(), batchId: z.uuid().nullable().optional(), currentModuleId: Text(100).nullable().optional(), completedClasses: Count, totalClasses: Count, completedQuizzes: Count, completedAssignments: Count })
  .strict()
  .openapi('PutStudentProgress');

const CardContent = z
  .object({ text: Text(5000).optional(), imageUrl: z.url().max(2000).optional(), question: Text(1000).optional(), options: z.array(Text(300)).max(10).optional(), answer: Text(300).optional() })
  .strict();
export const DailyCardView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    cardDate: z.string(),
    cardType: z.string(),
    title: z.string(),
    content: z.record(z.string(), z.unknown()),
    viewedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    xpAwarded: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('DailyCard');
export const DailyCardBody = z.object({ cardDate: Day, cardType: z.enum(DAILY_CARD_TYPES), title: Text(200), content: CardContent }).strict().openapi('PutDailyCard');
export const MarkDailyCardBody = z
  .object({ viewed: z.literal(true).optional(), completed: z.literal(true).optional() })
  .strict()
  .refine((b) => b.viewed || b.completed, { message: 'Nothing to mark' })
  .openapi('MarkDailyCard');

export const EvalTestView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    batchId: z.uuid().nullable(),
    title: z.string(),
    testType: z.string().nullable(),
    status: EvalStatus,
    score: z.number().nullable(),
    maxScore: z.number().nullable(),
    percentage: z.number().nullable(),
    feedback: z.string().nullable(),
    externalRef: z.string().nullable(),
    dueAt: z.string().nullable(),
    startedAt: z.string().nullable(),
    submittedAt: z.string().nullable(),
    evaluatedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('EvalTest');
const Score = z.number().min(0).max(100_000);
export const AssignEvalTestBody = z
  .object({ title: Text(200), testType: z.enum(['entrance', 'module', 'mock_interview', 'final']).optional(), batchId: z.uuid().optional(), maxScore: Score.positive().optional(), dueAt: z.iso.datetime({ offset: true }).optional(), externalRef: Text(200).optional() })
  .strict()
  .openapi('AssignEvalTest');
export const UpdateEvalTestBody = z
  .object({ status: EvalStatus.optional(), score: Score.optional(), maxScore: Score.positive().optional(), feedback: Text(5000).optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('UpdateEvalTest');
export const EvalTestsQuery = PageQuery.extend({ status: EvalStatus.optional() });
