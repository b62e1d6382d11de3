// Quiz template questions: the one schema recruiters write against and the pipeline grades
// against. `correct` holds indices into `options`; a candidate must never see it (publicQuestions).
import { z } from 'zod';

export const QUIZ_MAX_QUESTIONS = 50;

export const QuizQuestion = z
  .object({
    id: z.string().trim().min(1).max(40),
    question: z.string().trim().min(1).max(2000),
    type: z.enum(['single_choice', 'multiple_choice']),
    options: z.array(z.string().trim().min(1).max(500)).min(2).max(10),
    correct: z.array(z.number().int().min(0)).min(1).max(10),
    points: z.number().int().min(1).max(100),
  })
  .strict()
  .superRefine((q, ctx) => {
    q.correct.forEach((i, n) => {
      if (i >= q.options.length) ctx.addIssue({ code: 'custom', path: ['correct', n], message: `Index ${i} is not one of the ${q.options.length} options` });
    });
    if (new Set(q.correct).size !== q.correct.length) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'Indices must not repeat' });
    if (q.type === 'single_choice' && q.correct.length !== 1) ctx.addIssue({ code: 'custom', path: ['correct'], message: 'A single_choice question has exactly one correct option' });
  });
export type QuizQuestion = z.infer<typeof QuizQuestion>;

export const QuizQuestions = z
  .array(QuizQuestion)
  .min(1)
  .max(QUIZ_MAX_QUESTIONS)
  .superRefine((qs, ctx) => {
    const seen = new Set<string>();
    qs.forEach((q, n) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [n, 'id'], message: `Question id ${q.id} is used twice` });
      seen.add(q.id);
    });
  });

export type PublicQuizQuestion = Omit<QuizQuestion, 'correct'>;

/** The questions as a candidate may see them: without the answers. */
export function publicQuestions(questions: readonly QuizQuestion[]): PublicQuizQuestion[] {
  return questions.map(({ id, question, type, options, points }) => ({ id, question, type, options: [...options], points }));
}

/** The most points the questions can give. */
export const maxPoints = (questions: readonly QuizQuestion[]): number => questions.reduce((s, q) => s + q.points, 0);
