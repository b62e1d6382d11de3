// Bodies and views of quizzes (staff authoring) and quiz attempts (learners). All structured;
// the learner views never carry correctOptionIds except in results once no attempts remain.
import { z } from '@hono/zod-openapi';
import { PageQuery, pageSchema } from '../../pagination.js';
import { Difficulty, OptionSchema } from '../lms-question-bank/lms-question-bank.schemas.js';

export const MAX_QUIZ_QUESTIONS = 200;
const Marks = z.number().int().min(1).max(100);
const Minutes = z.number().int().min(1).max(24 * 60);

const Pick = z.object({ questionId: z.uuid(), marks: Marks.optional().openapi({ description: 'Default 1' }) }).strict();
const Draw = z
  .object({ categoryId: z.uuid(), difficulty: Difficulty.optional(), count: z.number().int().min(1).max(100), marks: Marks.optional().openapi({ description: 'Marks of each drawn question; default 1' }) })
  .strict()
  .openapi('QuizQuestionDraw', { description: 'A random draw of `count` active bank questions of a category (and difficulty), never repeating a picked one' });

const content = {
  questions: z.array(Pick).max(MAX_QUIZ_QUESTIONS).optional().openapi({ description: 'Bank questions by id, in quiz order' }),
  draw: Draw.optional(),
};
const settings = {
  description: z.string().trim().max(5000).nullable().optional(),
  passingMarks: z.number().int().min(0).max(20_000).nullable().optional().openapi({ description: 'At most totalMarks; null: every graded (on-time) attempt passes' }),
  timeLimitMinutes: Minutes.nullable().optional().openapi({ description: 'Null: no limit. Submissions later than the limit + 60 s score 0' }),
  maxAttempts: z.number().int().min(1).max(100).nullable().optional().openapi({ description: 'Null: unlimited' }),
  position: z.number().int().min(0).max(10_000).optional(),
};

export const CreateQuizBody = z
  .object({ title: z.string().trim().min(1).max(300), ...settings, ...content })
  .strict()
  .openapi('QuizCreate', { description: 'Questions are snapshotted from the bank; later bank edits do not change the quiz.' });

export const UpdateQuizBody = z
  .object({ title: z.string().trim().min(1).max(300).optional(), ...settings, ...content })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('QuizUpdate', { description: 'Giving questions and/or draw replaces the whole snapshot.' });

const SnapshotQuestion = z.object({ id: z.string(), prompt: z.string(), options: z.array(OptionSchema), correctOptionIds: z.array(z.string()), marks: z.number().int() }).openapi('QuizQuestion');
const PublicQuestion = SnapshotQuestion.omit({ correctOptionIds: true }).openapi('QuizQuestionForLearner');

const quizFields = {
  id: z.uuid(),
  moduleId: z.uuid(),
  courseId: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  totalMarks: z.number().int(),
  passingMarks: z.number().int().nullable(),
  timeLimitMinutes: z.number().int().nullable(),
  maxAttempts: z.number().int().nullable(),
};

export const QuizView = z
  .object({ ...quizFields, questions: z.array(SnapshotQuestion), position: z.number().int(), isPublished: z.boolean(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('Quiz');

export const QuizQuery = PageQuery.extend({
  moduleId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  isPublished: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

const LearnerQuiz = z.object({ ...quizFields, questions: z.array(PublicQuestion) }).openapi('QuizForLearner');

const Answer = z.object({ questionId: z.string().max(64), selectedOptionIds: z.array(z.string().max(64)).max(10) }).strict();

export const AttemptView = z
  .object({
    id: z.uuid(),
    quizId: z.uuid(),
    attemptNumber: z.number().int(),
    status: z.enum(['IN_PROGRESS', 'SUBMITTED']),
    startedAt: z.string(),
    deadline: z.string().nullable().openapi({ description: 'startedAt + the time limit (a 60 s grace follows)' }),
    submittedAt: z.string().nullable(),
    timeTakenSeconds: z.number().int().nullable(),
    score: z.number().nullable(),
    maxScore: z.number().nullable(),
    passed: z.boolean().nullable(),
    late: z.boolean().openapi({ description: 'Submitted after the limit + grace: scored 0' }),
    answers: z.array(Answer),
    results: z
      .array(
        z.object({
          questionId: z.string(),
          marks: z.number().int(),
          awarded: z.number().int(),
          correct: z.boolean(),
          correctOptionIds: z.array(z.string()).nullable().openapi({ description: 'Shown only once you have no attempts left' }),
        }),
      )
      .nullable(),
  })
  .openapi('QuizAttempt');

export const LearnerQuizView = LearnerQuiz.extend({
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int().nullable().openapi({ description: 'Null: unlimited' }),
  attempts: z.array(AttemptView),
}).openapi('QuizWithMyAttempts');

export const AttemptWithQuiz = z.object({ quiz: LearnerQuiz, attempt: AttemptView }).openapi('QuizAttemptWithQuiz');

export const SubmitAttemptBody = z.object({ answers: z.array(Answer).max(MAX_QUIZ_QUESTIONS) }).strict().openapi('QuizAttemptSubmit');

const StaffAttempt = z
  .object({
    id: z.uuid(),
    quizId: z.uuid(),
    userId: z.uuid(),
    attemptNumber: z.number().int(),
    answers: z.array(Answer),
    score: z.number().nullable(),
    maxScore: z.number().nullable(),
    passed: z.boolean().nullable(),
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
    timeTakenSeconds: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .openapi('QuizSubmission');

export const QuizStats = z
  .object({
    attempts: z.number().int(),
    submitted: z.number().int(),
    inProgress: z.number().int(),
    students: z.number().int(),
    passedStudents: z.number().int(),
    passRate: z.number().nullable().openapi({ description: 'Percent of students with a passed attempt' }),
    averageScore: z.number().nullable(),
    minScore: z.number().nullable(),
    maxScore: z.number().nullable(),
  })
  .openapi('QuizStats');

export const SubmissionPage = pageSchema(StaffAttempt).extend({ stats: QuizStats }).openapi('QuizSubmissionPage');

export const SubmissionQuery = PageQuery.extend({
  userId: z.uuid().optional(),
  submitted: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
