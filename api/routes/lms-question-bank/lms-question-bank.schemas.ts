// Bodies, filters and views of the question bank. Options are structured (no free JSON):
// 2–10 of { id, text }; the service checks unique ids and the correct subset (422).
import { z } from '@hono/zod-openapi';
import { MAX_OPTIONS } from '../../../domain/lms/questions.js';
import { QuestionDifficulty } from '../../../prisma/generated/enums.js';
import { PageQuery } from '../../pagination.js';

const DIFFICULTIES = Object.values(QuestionDifficulty) as [QuestionDifficulty, ...QuestionDifficulty[]];
export const Difficulty = z.enum(DIFFICULTIES);

export const OptionSchema = z
  .object({ id: z.string().trim().min(1).max(64), text: z.string().trim().min(1).max(1000) })
  .strict()
  .openapi('QuestionOption');

// The array bound is loose on purpose (MAX_OPTIONS + a margin) so that too many options is a 422 naming the rule.
const Options = z.array(OptionSchema).max(MAX_OPTIONS + 10).openapi({ description: '2–10 options with unique ids' });
const Correct = z.array(z.string().trim().min(1).max(64)).max(MAX_OPTIONS + 10).openapi({ description: 'The correct option ids: a non-empty subset of the option ids' });
const Tags = z.array(z.string().trim().min(1).max(50)).max(20);

export const CreateCategoryBody = z.object({ name: z.string().trim().min(1).max(200), description: z.string().trim().max(2000).optional() }).strict().openapi('QuestionCategoryCreate');
export const UpdateCategoryBody = z
  .object({ name: z.string().trim().min(1).max(200).optional(), description: z.string().trim().max(2000).nullable().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('QuestionCategoryUpdate');

export const CategoryView = z
  .object({ id: z.uuid(), name: z.string(), description: z.string().nullable(), questionCount: z.number().int(), createdAt: z.string(), updatedAt: z.string() })
  .openapi('QuestionCategory');

export const CategoryQuery = PageQuery.extend({ q: z.string().trim().min(1).max(200).optional() });

export const CreateQuestionBody = z
  .object({
    categoryId: z.uuid(),
    question: z.string().trim().min(1).max(5000),
    options: Options,
    correctAnswer: Correct,
    explanation: z.string().trim().max(5000).optional(),
    difficulty: Difficulty.optional().openapi({ description: 'Default MEDIUM' }),
    tags: Tags.optional(),
    isActive: z.boolean().optional(),
  })
  .strict()
  .openapi('BankQuestionCreate');

export const UpdateQuestionBody = z
  .object({
    categoryId: z.uuid().optional(),
    question: z.string().trim().min(1).max(5000).optional(),
    options: Options.optional(),
    correctAnswer: Correct.optional(),
    explanation: z.string().trim().max(5000).nullable().optional(),
    difficulty: Difficulty.optional(),
    tags: Tags.optional(),
    isActive: z.boolean().optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' })
  .openapi('BankQuestionUpdate');

export const QuestionView = z
  .object({
    id: z.uuid(),
    categoryId: z.uuid(),
    question: z.string(),
    options: z.array(OptionSchema),
    correctAnswer: z.array(z.string()),
    explanation: z.string().nullable(),
    difficulty: Difficulty,
    tags: z.array(z.string()),
    isActive: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('BankQuestion');

export const QuestionQuery = PageQuery.extend({
  categoryId: z.uuid().optional(),
  difficulty: Difficulty.optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Text the question contains (case-insensitive)' }),
  isActive: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});

export const DeleteQuestionView = z
  .object({ id: z.uuid(), deleted: z.boolean().openapi({ description: 'false: a quiz has snapshotted it, so it was deactivated instead' }), isActive: z.boolean() })
  .openapi('BankQuestionDeletion');

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
