// Quiz authoring (staff): a quiz is built from bank questions, picked by id and/or drawn at random
// from a category, and SNAPSHOTTED into quizzes.questions so later bank edits never change it.
// Invariants: totalMarks is the sum of the snapshot's marks, passingMarks ≤ totalMarks, and a quiz
// changes only while nobody has started it (its row is locked FOR UPDATE against attempt starts,
// which take it FOR SHARE). Publishing changes every enrolled student's progress denominator, so
// their progress is refreshed in the same transaction.
import { DomainError, type FieldError } from '../../domain/errors.js';
import { totalMarks, type SnapshotQuestion } from '../../domain/lms/grading.js';
import { questionShapeErrors, type QuestionOption } from '../../domain/lms/questions.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { QuestionDifficulty } from '../../prisma/generated/enums.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { refreshProgress, type Tx } from './progress.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const quizSelect = {
  id: true,
  moduleId: true,
  title: true,
  description: true,
  questions: true,
  totalMarks: true,
  passingMarks: true,
  timeLimitMinutes: true,
  maxAttempts: true,
  position: true,
  isPublished: true,
  createdAt: true,
  updatedAt: true,
  module: { select: { courseId: true, isPublished: true } },
} as const satisfies Prisma.QuizSelect;
export type QuizRow = Prisma.QuizGetPayload<{ select: typeof quizSelect }>;

export const snapshotOf = (q: Pick<QuizRow, 'questions'>) => q.questions as unknown as SnapshotQuestion[];

export const toQuizView = (q: QuizRow) => {
  const { module, questions: _questions, ...rest } = q;
  return { ...rest, courseId: module.courseId, questions: snapshotOf(q), createdAt: q.createdAt.toISOString(), updatedAt: q.updatedAt.toISOString() };
};

export interface QuestionPick {
  questionId: string;
  marks?: number | undefined;
}
export interface QuestionDraw {
  categoryId: string;
  difficulty?: QuestionDifficulty | undefined;
  count: number;
  marks?: number | undefined;
}
export interface QuizContent {
  questions?: QuestionPick[] | undefined;
  draw?: QuestionDraw | undefined;
}
export interface QuizSettings {
  title?: string | undefined;
  description?: string | null | undefined;
  passingMarks?: number | null | undefined;
  timeLimitMinutes?: number | null | undefined;
  maxAttempts?: number | null | undefined;
  position?: number | undefined;
}

interface BankRow {
  id: string;
  question: string;
  options: unknown;
  correctAnswer: unknown;
  isActive: boolean;
}

function snapshotQuestion(row: BankRow, marks: number, path: string): SnapshotQuestion {
  const options = row.options as QuestionOption[];
  const correct = row.correctAnswer as string[];
  const valid = Array.isArray(options) && Array.isArray(correct) && questionShapeErrors(options, correct).length === 0;
  if (!valid) throw new DomainError('UNPROCESSABLE', `Bank question ${row.id} is malformed; fix it before using it`, [{ path, message: 'Malformed bank question' }]);
  return { id: row.id, prompt: row.question, options: options.map((o) => ({ id: o.id, text: o.text })), correctOptionIds: [...correct], marks };
}

/** The snapshot: picked questions in the order given, then the random draw (never repeating a pick). */
async function buildSnapshot(tx: Tx, content: QuizContent): Promise<SnapshotQuestion[]> {
  const picks = content.questions ?? [];
  if (picks.length === 0 && !content.draw) throw new DomainError('UNPROCESSABLE', 'A quiz needs questions: pick bank ids, draw some, or both', [{ path: 'json.questions', message: 'No questions' }]);
  const ids = picks.map((p) => p.questionId);
  const errors: FieldError[] = [];
  if (new Set(ids).size !== ids.length) errors.push({ path: 'json.questions', message: 'A question is picked twice' });
  const rows = ids.length ? await tx.questionBankQuestion.findMany({ where: { id: { in: ids } }, select: { id: true, question: true, options: true, correctAnswer: true, isActive: true } }) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  picks.forEach((p, i) => {
    const row = byId.get(p.questionId);
    if (!row) errors.push({ path: `json.questions.${i}.questionId`, message: 'No such bank question' });
    else if (!row.isActive) errors.push({ path: `json.questions.${i}.questionId`, message: 'The question is inactive' });
  });
  if (errors.length) throw new DomainError('UNPROCESSABLE', 'Some picked questions cannot be used', errors);
  const snapshot = picks.map((p, i) => snapshotQuestion(byId.get(p.questionId)!, p.marks ?? 1, `json.questions.${i}`));
  if (content.draw) {
    const d = content.draw;
    const drawn = await tx.$queryRaw<BankRow[]>`
      SELECT "id"::text AS "id", "question", "options", "correctAnswer", "isActive" FROM "public"."question_bank_questions"
       WHERE "categoryId" = ${d.categoryId}::uuid AND "isActive"
         AND (${d.difficulty ?? null}::text IS NULL OR "difficulty"::text = ${d.difficulty ?? null}::text)
         AND NOT ("id"::text = ANY(${ids}::text[]))
       ORDER BY random() LIMIT ${d.count}`;
    if (drawn.length < d.count) {
      throw new DomainError('UNPROCESSABLE', `Only ${drawn.length} active question(s) match the draw; ${d.count} wanted`, [{ path: 'json.draw.count', message: `At most ${drawn.length}` }]);
    }
    snapshot.push(...drawn.map((r) => snapshotQuestion(r, d.marks ?? 1, 'json.draw')));
  }
  return snapshot;
}

function assertPassingMarks(passingMarks: number | null, total: number) {
  if (passingMarks !== null && passingMarks > total) throw new DomainError('UNPROCESSABLE', `The pass mark exceeds the total of ${total}`, [{ path: 'json.passingMarks', message: `At most ${total}` }]);
}

export async function createQuiz({ db }: Deps, _actor: AuthContext, moduleId: string, input: QuizSettings & QuizContent & { title: string }) {
  const row = await db.$transaction(async (tx) => {
    if (!(await tx.module.findUnique({ where: { id: moduleId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such module');
    const questions = await buildSnapshot(tx, input);
    const total = totalMarks(questions);
    assertPassingMarks(input.passingMarks ?? null, total);
    return tx.quiz.create({
      data: {
        moduleId,
        title: input.title,
        description: input.description ?? null,
        questions: questions as unknown as Prisma.InputJsonValue,
        totalMarks: total,
        passingMarks: input.passingMarks ?? null,
        timeLimitMinutes: input.timeLimitMinutes ?? null,
        maxAttempts: input.maxAttempts ?? null,
        position: input.position ?? 0,
      },
      select: quizSelect,
    });
  });
  return toQuizView(row);
}

/** Locks the quiz against attempt starts; throws 404 when absent. */
async function lockQuiz(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."quizzes" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!row) throw new DomainError('NOT_FOUND', 'No such quiz');
}

async function assertUnattempted(tx: Tx, id: string) {
  const attempts = await tx.quizSubmission.count({ where: { quizId: id } });
  if (attempts > 0) throw new DomainError('CONFLICT', `The quiz has ${attempts} attempt(s); create a new quiz instead of changing this one`);
}

export async function updateQuiz({ db }: Deps, _actor: AuthContext, id: string, input: QuizSettings & QuizContent) {
  const row = await db.$transaction(async (tx) => {
    await lockQuiz(tx, id);
    await assertUnattempted(tx, id);
    const current = await tx.quiz.findUniqueOrThrow({ where: { id }, select: quizSelect });
    const questions = input.questions !== undefined || input.draw !== undefined ? await buildSnapshot(tx, input) : snapshotOf(current);
    const total = totalMarks(questions);
    const passingMarks = input.passingMarks !== undefined ? input.passingMarks : current.passingMarks;
    assertPassingMarks(passingMarks, total);
    return tx.quiz.update({
      where: { id },
      data: {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.timeLimitMinutes !== undefined ? { timeLimitMinutes: input.timeLimitMinutes } : {}),
        ...(input.maxAttempts !== undefined ? { maxAttempts: input.maxAttempts } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        questions: questions as unknown as Prisma.InputJsonValue,
        totalMarks: total,
        passingMarks,
      },
      select: quizSelect,
    });
  });
  return toQuizView(row);
}

export async function deleteQuiz({ db }: Deps, _actor: AuthContext, id: string) {
  await db.$transaction(async (tx) => {
    await lockQuiz(tx, id);
    await assertUnattempted(tx, id);
    const { module } = await tx.quiz.delete({ where: { id }, select: { module: { select: { courseId: true } } } });
    await refreshCourse(tx, module.courseId);
  });
}

/** Every enrolled student's progress, after the course's set of published work changed. */
async function refreshCourse(tx: Tx, courseId: string) {
  const enrolled = await tx.enrollment.findMany({ where: { courseId }, orderBy: { userId: 'asc' }, select: { userId: true } });
  for (const e of enrolled) await refreshProgress(tx, e.userId, courseId);
}

export async function setQuizPublished({ db }: Deps, _actor: AuthContext, id: string, isPublished: boolean) {
  const row = await db.$transaction(async (tx) => {
    await lockQuiz(tx, id);
    const updated = await tx.quiz.update({ where: { id }, data: { isPublished }, select: quizSelect });
    await refreshCourse(tx, updated.module.courseId);
    return updated;
  });
  return toQuizView(row);
}

export async function getQuiz({ db }: Deps, _actor: AuthContext, id: string) {
  const row = await db.quiz.findUnique({ where: { id }, select: quizSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such quiz');
  return toQuizView(row);
}

export function listQuizzes(
  { db }: Deps,
  _actor: AuthContext,
  f: { moduleId?: string | undefined; courseId?: string | undefined; isPublished?: boolean | undefined },
  page: { where: Prisma.QuizWhereInput; orderBy: Prisma.QuizOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.QuizWhereInput[] = [page.where];
  if (f.moduleId) where.push({ moduleId: f.moduleId });
  if (f.courseId) where.push({ module: { courseId: f.courseId } });
  if (f.isPublished !== undefined) where.push({ isPublished: f.isPublished });
  return db.quiz.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: quizSelect });
}
