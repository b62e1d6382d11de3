// Quiz attempts (quiz_submissions) by students enrolled in the quiz's course. Rules chosen:
// - Starting while an attempt is open returns that attempt (200), not a second one; an open attempt
//   already past its time limit + grace is closed uncredited first. Starts of one (quiz, student)
//   are serialised by an advisory lock, so maxAttempts holds under parallel starts (and the unique
//   (quizId, userId, attemptNumber) is the backstop); the quiz row is held FOR SHARE so it cannot be
//   edited under a start.
// - Submitting grades on the server (domain/lms/grading.ts) under a row lock: a second submit is
//   409 and never re-grades. A submission past the time limit + grace is accepted but scores 0.
// - Students never see correct answers while they may still retry; once their attempts are used up,
//   each submitted attempt shows the correct option ids. Other students' attempts are 404.
import { DomainError, type FieldError } from '../../domain/errors.js';
import { gradeQuiz, isLate, type Answer, type SnapshotQuestion } from '../../domain/lms/grading.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { awardQuizXp } from '../engagement/xp.js';
import { refreshProgress, type Tx } from './progress.js';
import { quizSelect, snapshotOf, type QuizRow } from './quizzes.js';

type Deps = Pick<ServiceDeps, 'db'>;

const attemptSelect = {
  id: true,
  quizId: true,
  userId: true,
  attemptNumber: true,
  answers: true,
  score: true,
  maxScore: true,
  passed: true,
  startedAt: true,
  submittedAt: true,
  timeTakenSeconds: true,
  createdAt: true,
} as const satisfies Prisma.QuizSubmissionSelect;
type AttemptRow = Prisma.QuizSubmissionGetPayload<{ select: typeof attemptSelect }>;

const publicQuestions = (questions: SnapshotQuestion[]) => questions.map(({ correctOptionIds: _hidden, ...q }) => q);
const attemptsLeft = (quiz: Pick<QuizRow, 'maxAttempts'>, used: number) => (quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - used));
const deadlineOf = (quiz: Pick<QuizRow, 'timeLimitMinutes'>, startedAt: Date) => (quiz.timeLimitMinutes === null ? null : new Date(startedAt.getTime() + quiz.timeLimitMinutes * 60_000));
const secondsSince = (startedAt: Date, now: Date) => Math.max(0, Math.floor((now.getTime() - startedAt.getTime()) / 1000));

/** The learner's view of a quiz: no correct answers. */
export function toLearnerQuiz(quiz: QuizRow) {
  return {
    id: quiz.id,
    moduleId: quiz.moduleId,
    courseId: quiz.module.courseId,
    title: quiz.title,
    description: quiz.description,
    questions: publicQuestions(snapshotOf(quiz)),
    totalMarks: quiz.totalMarks,
    passingMarks: quiz.passingMarks,
    timeLimitMinutes: quiz.timeLimitMinutes,
    maxAttempts: quiz.maxAttempts,
  };
}

/** One attempt as its student sees it; `reveal` adds the correct option ids to the results. */
export function toAttemptView(a: AttemptRow, quiz: QuizRow, reveal: boolean) {
  const base = {
    id: a.id,
    quizId: a.quizId,
    attemptNumber: a.attemptNumber,
    startedAt: a.startedAt.toISOString(),
    deadline: deadlineOf(quiz, a.startedAt)?.toISOString() ?? null,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    timeTakenSeconds: a.timeTakenSeconds,
    score: a.score,
    maxScore: a.maxScore,
    passed: a.passed,
  };
  if (!a.submittedAt) return { ...base, status: 'IN_PROGRESS' as const, late: false, answers: [] as Answer[], results: null };
  const answers = a.answers as unknown as Answer[];
  const questions = snapshotOf(quiz);
  const late = isLate(quiz.timeLimitMinutes, a.timeTakenSeconds ?? 0);
  const grade = gradeQuiz(questions, answers, { passingMarks: quiz.passingMarks, late });
  const correctById = new Map(questions.map((q) => [q.id, q.correctOptionIds]));
  return {
    ...base,
    status: 'SUBMITTED' as const,
    late,
    answers,
    results: grade.results.map((r) => ({ ...r, correctOptionIds: reveal ? (correctById.get(r.questionId) ?? []) : null })),
  };
}

/** The quiz, if the actor may take it: published, in a published module, and the actor enrolled in its course. */
async function quizForLearner(tx: Tx, actor: AuthContext, quizId: string, lock: boolean): Promise<QuizRow> {
  if (lock) await tx.$queryRaw`SELECT 1 FROM "public"."quizzes" WHERE "id" = ${quizId}::uuid FOR SHARE`;
  const quiz = await tx.quiz.findUnique({ where: { id: quizId }, select: quizSelect });
  const enrolled = quiz && (await tx.enrollment.findUnique({ where: { userId_courseId: { userId: actor.userId, courseId: quiz.module.courseId } }, select: { id: true } }));
  if (!quiz || !quiz.isPublished || !quiz.module.isPublished || !enrolled) throw new DomainError('NOT_FOUND', 'No such quiz, or you are not enrolled in its course');
  return quiz;
}

const countAttempts = (tx: Tx, quizId: string, userId: string) => tx.quizSubmission.count({ where: { quizId, userId } });

/** The quiz for taking (no answers) with the actor's attempts so far, newest first. */
export async function getLearnerQuiz({ db }: Deps, actor: AuthContext, quizId: string) {
  return db.$transaction(async (tx) => {
    const quiz = await quizForLearner(tx, actor, quizId, false);
    const attempts = await tx.quizSubmission.findMany({ where: { quizId, userId: actor.userId }, orderBy: { attemptNumber: 'desc' }, take: 100, select: attemptSelect });
    const used = await countAttempts(tx, quizId, actor.userId);
    const left = attemptsLeft(quiz, used);
    return {
      ...toLearnerQuiz(quiz),
      attemptsUsed: used,
      attemptsLeft: left,
      attempts: attempts.map((a) => toAttemptView(a, quiz, left === 0)),
    };
  });
}

export async function startAttempt({ db }: Deps, actor: AuthContext, quizId: string) {
  return db.$transaction(async (tx) => {
    const quiz = await quizForLearner(tx, actor, quizId, true);
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`quiz-attempt:${quizId}:${actor.userId}`}, 0))`;
    const now = new Date();
    const open = await tx.quizSubmission.findFirst({ where: { quizId, userId: actor.userId, submittedAt: null }, select: attemptSelect });
    if (open) {
      const seconds = secondsSince(open.startedAt, now);
      if (!isLate(quiz.timeLimitMinutes, seconds)) return { created: false, quiz: toLearnerQuiz(quiz), attempt: toAttemptView(open, quiz, false) };
      // Expired unsubmitted: closed with no credit, so it no longer blocks a new attempt.
      await tx.quizSubmission.update({ where: { id: open.id }, data: { answers: [], score: 0, maxScore: quiz.totalMarks, passed: false, submittedAt: now, timeTakenSeconds: seconds } });
      await refreshProgress(tx, actor.userId, quiz.module.courseId);
    }
    const last = await tx.quizSubmission.aggregate({ where: { quizId, userId: actor.userId }, _max: { attemptNumber: true }, _count: true });
    if (quiz.maxAttempts !== null && last._count >= quiz.maxAttempts) throw new DomainError('CONFLICT', `All ${quiz.maxAttempts} attempt(s) of this quiz are used`);
    const attempt = await tx.quizSubmission.create({
      data: { quizId, userId: actor.userId, attemptNumber: (last._max.attemptNumber ?? 0) + 1, startedAt: now },
      select: attemptSelect,
    });
    return { created: true, quiz: toLearnerQuiz(quiz), attempt: toAttemptView(attempt, quiz, false) };
  });
}

/** The actor's own attempt; anyone else's is 404. */
export async function getAttempt({ db }: Deps, actor: AuthContext, attemptId: string) {
  return db.$transaction(async (tx) => {
    const attempt = await tx.quizSubmission.findFirst({ where: { id: attemptId, userId: actor.userId }, select: attemptSelect });
    if (!attempt) throw new DomainError('NOT_FOUND', 'No such attempt of yours');
    const quiz = await tx.quiz.findUniqueOrThrow({ where: { id: attempt.quizId }, select: quizSelect });
    const left = attemptsLeft(quiz, await countAttempts(tx, quiz.id, actor.userId));
    return { quiz: toLearnerQuiz(quiz), attempt: toAttemptView(attempt, quiz, left === 0) };
  });
}

function answerErrors(questions: SnapshotQuestion[], answers: Answer[]): FieldError[] {
  const byId = new Map(questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))]));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  answers.forEach((a, i) => {
    const options = byId.get(a.questionId);
    if (!options) errors.push({ path: `json.answers.${i}.questionId`, message: 'Not a question of this quiz' });
    else if (a.selectedOptionIds.some((o) => !options.has(o))) errors.push({ path: `json.answers.${i}.selectedOptionIds`, message: 'Not an option of this question' });
    if (seen.has(a.questionId)) errors.push({ path: `json.answers.${i}.questionId`, message: 'Answered twice' });
    seen.add(a.questionId);
  });
  return errors;
}

export async function submitAttempt({ db }: Deps, actor: AuthContext, attemptId: string, answers: Answer[]) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id"::text AS "id" FROM "public"."quiz_submissions" WHERE "id" = ${attemptId}::uuid AND "userId" = ${actor.userId}::uuid FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', 'No such attempt of yours');
    const attempt = await tx.quizSubmission.findUniqueOrThrow({ where: { id: attemptId }, select: attemptSelect });
    if (attempt.submittedAt) throw new DomainError('CONFLICT', 'This attempt is already submitted');
    const quiz = await tx.quiz.findUniqueOrThrow({ where: { id: attempt.quizId }, select: quizSelect });
    const questions = snapshotOf(quiz);
    const errors = answerErrors(questions, answers);
    if (errors.length) throw new DomainError('UNPROCESSABLE', 'Some answers do not fit the quiz', errors);
    const now = new Date();
    const seconds = secondsSince(attempt.startedAt, now);
    const clean = answers.map((a) => ({ questionId: a.questionId, selectedOptionIds: [...new Set(a.selectedOptionIds)] }));
    const grade = gradeQuiz(questions, clean, { passingMarks: quiz.passingMarks, late: isLate(quiz.timeLimitMinutes, seconds) });
    const graded = await tx.quizSubmission.update({
      where: { id: attemptId },
      data: { answers: clean, score: grade.score, maxScore: grade.maxScore, passed: grade.passed, submittedAt: now, timeTakenSeconds: seconds },
      select: attemptSelect,
    });
    await refreshProgress(tx, actor.userId, quiz.module.courseId);
    if (grade.passed) await awardQuizXp(tx, { userId: actor.userId, quizId: quiz.id, courseId: quiz.module.courseId, title: quiz.title });
    const left = attemptsLeft(quiz, await countAttempts(tx, quiz.id, actor.userId));
    return { quiz: toLearnerQuiz(quiz), attempt: toAttemptView(graded, quiz, left === 0) };
  });
}

/** Staff: a quiz's attempts (any student), newest first. */
export async function listQuizSubmissions(
  { db }: Deps,
  _actor: AuthContext,
  quizId: string,
  f: { userId?: string | undefined; submitted?: boolean | undefined },
  page: { where: Prisma.QuizSubmissionWhereInput; orderBy: Prisma.QuizSubmissionOrderByWithRelationInput[]; take: number },
) {
  if (!(await db.quiz.findUnique({ where: { id: quizId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such quiz');
  const where: Prisma.QuizSubmissionWhereInput[] = [page.where, { quizId }];
  if (f.userId) where.push({ userId: f.userId });
  if (f.submitted !== undefined) where.push({ submittedAt: f.submitted ? { not: null } : null });
  return db.quizSubmission.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: attemptSelect });
}

export const toStaffAttemptView = (a: AttemptRow) => ({
  ...a,
  answers: a.answers as unknown as Answer[],
  startedAt: a.startedAt.toISOString(),
  submittedAt: a.submittedAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

/** Staff: attempt counts, score spread and the share of students who passed. */
export async function quizStats({ db }: Deps, _actor: AuthContext, quizId: string) {
  const [row] = await db.$queryRaw<{ attempts: bigint; submitted: bigint; students: bigint; passedStudents: bigint; avg: number | null; min: number | null; max: number | null }[]>`
    SELECT count(*) AS "attempts", count("submittedAt") AS "submitted", count(DISTINCT "userId") AS "students",
           count(DISTINCT "userId") FILTER (WHERE "passed") AS "passedStudents",
           avg("score") FILTER (WHERE "submittedAt" IS NOT NULL) AS "avg", min("score") AS "min", max("score") AS "max"
      FROM "public"."quiz_submissions" WHERE "quizId" = ${quizId}::uuid`;
  const students = Number(row?.students ?? 0);
  const passed = Number(row?.passedStudents ?? 0);
  return {
    attempts: Number(row?.attempts ?? 0),
    submitted: Number(row?.submitted ?? 0),
    inProgress: Number(row?.attempts ?? 0) - Number(row?.submitted ?? 0),
    students,
    passedStudents: passed,
    passRate: students === 0 ? null : Math.round((passed / students) * 10_000) / 100,
    averageScore: row?.avg === null || row?.avg === undefined ? null : Math.round(Number(row.avg) * 100) / 100,
    minScore: row?.min ?? null,
    maxScore: row?.max ?? null,
  };
}
