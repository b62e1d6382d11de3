// The question bank (question_bank_categories / question_bank_questions): authors (staff and
// experts) keep multiple-choice questions that quizzes snapshot. Invariant: every stored question
// has 2–10 options with unique ids and a non-empty correct subset of them. A question some quiz
// has snapshotted is deactivated instead of deleted, so its origin stays traceable.
import { DomainError } from '../../domain/errors.js';
import { questionShapeErrors, type QuestionOption } from '../../domain/lms/questions.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { QuestionDifficulty } from '../../prisma/generated/enums.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { Tx } from './progress.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Page<W, O> = { where: W; orderBy: O[]; take: number };

export const categorySelect = { id: true, name: true, description: true, createdAt: true, updatedAt: true, _count: { select: { questions: true } } } as const satisfies Prisma.QuestionBankCategorySelect;
type CategoryRow = Prisma.QuestionBankCategoryGetPayload<{ select: typeof categorySelect }>;
export const toCategoryView = ({ _count, ...c }: CategoryRow) => ({ ...c, questionCount: _count.questions, createdAt: c.createdAt.toISOString(), updatedAt: c.updatedAt.toISOString() });

export const questionSelect = {
  id: true,
  categoryId: true,
  question: true,
  options: true,
  correctAnswer: true,
  explanation: true,
  difficulty: true,
  tags: true,
  isActive: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.QuestionBankQuestionSelect;
type QuestionRow = Prisma.QuestionBankQuestionGetPayload<{ select: typeof questionSelect }>;
export const toQuestionView = (q: QuestionRow) => ({
  ...q,
  options: q.options as unknown as QuestionOption[],
  correctAnswer: q.correctAnswer as unknown as string[],
  createdAt: q.createdAt.toISOString(),
  updatedAt: q.updatedAt.toISOString(),
});

function assertShape(options: readonly QuestionOption[], correct: readonly string[]) {
  const errors = questionShapeErrors(options, correct);
  if (errors.length > 0) throw new DomainError('UNPROCESSABLE', 'The options and the correct answer do not make a valid question', errors);
}

const normaliseTags = (tags: readonly string[]) => [...new Set(tags.map((t) => t.trim().toLowerCase()).filter(Boolean))];

export async function createCategory({ db }: Deps, _actor: AuthContext, input: { name: string; description?: string | undefined }) {
  try {
    return toCategoryView(await db.questionBankCategory.create({ data: { name: input.name, description: input.description ?? null }, select: categorySelect }));
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `A category named "${input.name}" already exists`);
    throw err;
  }
}

export async function updateCategory({ db }: Deps, _actor: AuthContext, id: string, input: { name?: string | undefined; description?: string | null | undefined }) {
  try {
    const row = await db.questionBankCategory.update({
      where: { id },
      data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.description !== undefined ? { description: input.description } : {}) },
      select: categorySelect,
    });
    return toCategoryView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `A category named "${input.name}" already exists`);
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') throw new DomainError('NOT_FOUND', 'No such category');
    throw err;
  }
}

/** Only an empty category can go (deleting one would cascade to its questions). */
export async function deleteCategory({ db }: Deps, _actor: AuthContext, id: string) {
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."question_bank_categories" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!row) throw new DomainError('NOT_FOUND', 'No such category');
    const questions = await tx.questionBankQuestion.count({ where: { categoryId: id } });
    if (questions > 0) throw new DomainError('CONFLICT', `The category still has ${questions} question(s); deactivate or move them first`);
    await tx.questionBankCategory.delete({ where: { id } });
  });
}

export function listCategories({ db }: Deps, _actor: AuthContext, f: { q?: string | undefined }, page: Page<Prisma.QuestionBankCategoryWhereInput, Prisma.QuestionBankCategoryOrderByWithRelationInput>) {
  const where: Prisma.QuestionBankCategoryWhereInput[] = [page.where];
  if (f.q) where.push({ name: { contains: f.q, mode: 'insensitive' } });
  return db.questionBankCategory.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: categorySelect });
}

export interface QuestionInput {
  categoryId: string;
  question: string;
  options: QuestionOption[];
  correctAnswer: string[];
  explanation?: string | undefined;
  difficulty?: QuestionDifficulty | undefined;
  tags?: string[] | undefined;
  isActive?: boolean | undefined;
}

async function assertCategory(db: Pick<Tx, 'questionBankCategory'>, categoryId: string) {
  if (!(await db.questionBankCategory.findUnique({ where: { id: categoryId }, select: { id: true } }))) {
    throw new DomainError('UNPROCESSABLE', 'No such category', [{ path: 'json.categoryId', message: 'Unknown category' }]);
  }
}

export async function createQuestion({ db }: Deps, _actor: AuthContext, input: QuestionInput) {
  assertShape(input.options, input.correctAnswer);
  await assertCategory(db, input.categoryId);
  const row = await db.questionBankQuestion.create({
    data: {
      categoryId: input.categoryId,
      question: input.question,
      options: input.options as unknown as Prisma.InputJsonValue,
      correctAnswer: input.correctAnswer,
      explanation: input.explanation ?? null,
      difficulty: input.difficulty ?? 'MEDIUM',
      tags: normaliseTags(input.tags ?? []),
      isActive: input.isActive ?? true,
    },
    select: questionSelect,
  });
  return toQuestionView(row);
}

export async function getQuestion({ db }: Deps, _actor: AuthContext, id: string) {
  const row = await db.questionBankQuestion.findUnique({ where: { id }, select: questionSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such question');
  return toQuestionView(row);
}

/** Options and the correct answer are checked together, as they will be stored. */
export async function updateQuestion({ db }: Deps, _actor: AuthContext, id: string, input: Partial<Omit<QuestionInput, 'explanation'>> & { explanation?: string | null | undefined }) {
  const row = await db.$transaction(async (tx) => {
    const current = await tx.questionBankQuestion.findUnique({ where: { id }, select: questionSelect });
    if (!current) throw new DomainError('NOT_FOUND', 'No such question');
    const options = input.options ?? (current.options as unknown as QuestionOption[]);
    const correct = input.correctAnswer ?? (current.correctAnswer as unknown as string[]);
    assertShape(options, correct);
    if (input.categoryId && input.categoryId !== current.categoryId) await assertCategory(tx, input.categoryId);
    return tx.questionBankQuestion.update({
      where: { id },
      data: {
        ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
        ...(input.question !== undefined ? { question: input.question } : {}),
        ...(input.options !== undefined ? { options: input.options as unknown as Prisma.InputJsonValue } : {}),
        ...(input.correctAnswer !== undefined ? { correctAnswer: input.correctAnswer } : {}),
        ...(input.explanation !== undefined ? { explanation: input.explanation } : {}),
        ...(input.difficulty !== undefined ? { difficulty: input.difficulty } : {}),
        ...(input.tags !== undefined ? { tags: normaliseTags(input.tags) } : {}),
        ...(input.isActive !== undefined ? { isActive: input.isActive } : {}),
      },
      select: questionSelect,
    });
  });
  return toQuestionView(row);
}

/** Deletes an unused question; one a quiz has snapshotted is deactivated instead. */
export async function deleteQuestion({ db }: Deps, _actor: AuthContext, id: string) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."question_bank_questions" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!row) throw new DomainError('NOT_FOUND', 'No such question');
    const [used] = await tx.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS "n" FROM "public"."quizzes" WHERE "questions" @> ${JSON.stringify([{ id }])}::jsonb`;
    if (Number(used?.n ?? 0) > 0) {
      await tx.questionBankQuestion.update({ where: { id }, data: { isActive: false } });
      return { id, deleted: false, isActive: false };
    }
    await tx.questionBankQuestion.delete({ where: { id } });
    return { id, deleted: true, isActive: false };
  });
}

export interface QuestionFilters {
  categoryId?: string | undefined;
  difficulty?: QuestionDifficulty | undefined;
  tag?: string | undefined;
  q?: string | undefined;
  isActive?: boolean | undefined;
}

export function listQuestions({ db }: Deps, _actor: AuthContext, f: QuestionFilters, page: Page<Prisma.QuestionBankQuestionWhereInput, Prisma.QuestionBankQuestionOrderByWithRelationInput>) {
  const where: Prisma.QuestionBankQuestionWhereInput[] = [page.where];
  if (f.categoryId) where.push({ categoryId: f.categoryId });
  if (f.difficulty) where.push({ difficulty: f.difficulty });
  if (f.tag) where.push({ tags: { has: f.tag.trim().toLowerCase() } });
  if (f.q) where.push({ question: { contains: f.q, mode: 'insensitive' } });
  if (f.isActive !== undefined) where.push({ isActive: f.isActive });
  return db.questionBankQuestion.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: questionSelect });
}
