// Staff-written records a student reads: course progress, daily learning cards and evaluation
// tests. ADMIN/SUPERADMIN write them about a student (a USER; anyone else 404); the student reads
// only their own — another student's card or test is 404 — and marks their own card viewed or done.
import { isStaff } from '../../domain/auth/roles.js';
import { assertScoreFits, evalTestLifecycle, percentageOf, type EvalTestStatus } from '../../domain/engagement/records.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Page<W, O> = { where: W; orderBy: O[]; take: number };

async function assertStudent(db: Deps['db'], studentId: string) {
  const user = await db.user.findUnique({ where: { id: studentId }, select: { role: true } });
  if (!user || user.role !== 'USER') throw new DomainError('NOT_FOUND', 'No such student');
}
const iso = (d: Date | null) => d?.toISOString() ?? null;

// Progress ------------------------------------------------------------------------------------

const progressSelect = {
  id: true,
  userId: true,
  courseId: true,
  batchId: true,
  currentModuleId: true,
  completedClasses: true,
  totalClasses: true,
  completedQuizzes: true,
  completedAssignments: true,
  progressPercent: true,
  lastActivityAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.StudentProgressSelect;
type ProgressRow = Prisma.StudentProgressGetPayload<{ select: typeof progressSelect }>;
export const toProgressView = (r: ProgressRow) => ({ ...r, lastActivityAt: iso(r.lastActivityAt), completedAt: iso(r.completedAt), createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

export interface ProgressInput {
  courseId: string;
  batchId?: string | null | undefined;
  currentModuleId?: string | null | undefined;
  completedClasses: number;
  totalClasses: number;
  completedQuizzes: number;
  completedAssignments: number;
}

/** One row per (student, course): writing again replaces the counts; the percent follows from classes done. */
export async function putProgress({ db }: Deps, _actor: AuthContext, studentId: string, input: ProgressInput) {
  await assertStudent(db, studentId);
  if (input.completedClasses > input.totalClasses) throw new DomainError('UNPROCESSABLE', 'More classes completed than there are', [{ path: 'json.completedClasses', message: 'At most totalClasses' }]);
  const progressPercent = input.totalClasses === 0 ? 0 : Math.round((input.completedClasses / input.totalClasses) * 10_000) / 100;
  const now = new Date();
  const data = {
    batchId: input.batchId ?? null,
    currentModuleId: input.currentModuleId ?? null,
    completedClasses: input.completedClasses,
    totalClasses: input.totalClasses,
    completedQuizzes: input.completedQuizzes,
    completedAssignments: input.completedAssignments,
    progressPercent,
    lastActivityAt: now,
    completedAt: progressPercent >= 100 ? now : null,
  };
  const row = await db.studentProgress.upsert({ where: { userId_courseId: { userId: studentId, courseId: input.courseId } }, create: { userId: studentId, courseId: input.courseId, ...data }, update: data, select: progressSelect });
  return toProgressView(row);
}

export async function listProgress({ db }: Deps, userId: string) {
  const rows = await db.studentProgress.findMany({ where: { userId }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }], take: 200, select: progressSelect });
  return rows.map(toProgressView);
}

// Daily cards ---------------------------------------------------------------------------------

const cardSelect = { id: true, userId: true, cardDate: true, cardType: true, title: true, content: true, viewedAt: true, completedAt: true, xpAwarded: true, createdAt: true, updatedAt: true } as const satisfies Prisma.DailyCardSelect;
type CardRow = Prisma.DailyCardGetPayload<{ select: typeof cardSelect }>;
export const toDailyCardView = (r: CardRow) => ({
  ...r,
  cardDate: r.cardDate.toISOString().slice(0, 10),
  content: r.content as Record<string, unknown>,
  viewedAt: iso(r.viewedAt),
  completedAt: iso(r.completedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface DailyCardInput {
  cardDate: string;
  cardType: string;
  title: string;
  content: Prisma.InputJsonObject;
}

/** One card per (student, day): writing that day again replaces it (and clears its read state). */
export async function putDailyCard({ db }: Deps, _actor: AuthContext, studentId: string, input: DailyCardInput) {
  await assertStudent(db, studentId);
  const cardDate = new Date(`${input.cardDate}T00:00:00Z`);
  const data = { cardType: input.cardType, title: input.title, content: input.content, viewedAt: null, completedAt: null };
  const row = await db.dailyCard.upsert({ where: { userId_cardDate: { userId: studentId, cardDate } }, create: { userId: studentId, cardDate, ...data }, update: data, select: cardSelect });
  return toDailyCardView(row);
}

export function listDailyCards({ db }: Deps, userId: string, page: Page<Prisma.DailyCardWhereInput, Prisma.DailyCardOrderByWithRelationInput>) {
  return db.dailyCard.findMany({ where: { AND: [page.where, { userId }] }, orderBy: page.orderBy, take: page.take, select: cardSelect });
}

/** The student marks their own card viewed or completed; the first time sticks. Another's card is 404. */
export async function markMyDailyCard({ db }: Deps, actor: AuthContext, id: string, input: { viewed?: boolean | undefined; completed?: boolean | undefined }) {
  const card = await db.dailyCard.findFirst({ where: { id, userId: actor.userId }, select: cardSelect });
  if (!card) throw new DomainError('NOT_FOUND', 'No such card of yours');
  const now = new Date();
  const row = await db.dailyCard.update({
    where: { id },
    data: { ...((input.viewed || input.completed) && !card.viewedAt ? { viewedAt: now } : {}), ...(input.completed && !card.completedAt ? { completedAt: now } : {}) },
    select: cardSelect,
  });
  return toDailyCardView(row);
}

// Eval tests ----------------------------------------------------------------------------------

const testSelect = {
  id: true,
  userId: true,
  batchId: true,
  title: true,
  testType: true,
  status: true,
  score: true,
  maxScore: true,
  percentage: true,
  feedback: true,
  externalRef: true,
  dueAt: true,
  startedAt: true,
  submittedAt: true,
  evaluatedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.EvalTestSelect;
type TestRow = Prisma.EvalTestGetPayload<{ select: typeof testSelect }>;
export const toEvalTestView = (r: TestRow) => ({
  ...r,
  dueAt: iso(r.dueAt),
  startedAt: iso(r.startedAt),
  submittedAt: iso(r.submittedAt),
  evaluatedAt: iso(r.evaluatedAt),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function assignEvalTest({ db }: Deps, _actor: AuthContext, studentId: string, input: { title: string; testType?: string | undefined; batchId?: string | undefined; maxScore?: number | undefined; dueAt?: string | undefined; externalRef?: string | undefined }) {
  await assertStudent(db, studentId);
  const row = await db.evalTest.create({
    data: { userId: studentId, title: input.title, testType: input.testType ?? null, batchId: input.batchId ?? null, maxScore: input.maxScore ?? null, dueAt: input.dueAt ? new Date(input.dueAt) : null, externalRef: input.externalRef ?? null },
    select: testSelect,
  });
  return toEvalTestView(row);
}

const STAMP: Partial<Record<EvalTestStatus, 'startedAt' | 'submittedAt' | 'evaluatedAt'>> = { IN_PROGRESS: 'startedAt', SUBMITTED: 'submittedAt', EVALUATED: 'evaluatedAt' };

/** Staff move a test forward (lifecycle in domain/engagement/records.ts) and score it; an EVALUATED test is frozen. */
export async function updateEvalTest({ db }: Deps, _actor: AuthContext, id: string, patch: { status?: EvalTestStatus | undefined; score?: number | undefined; maxScore?: number | undefined; feedback?: string | undefined }) {
  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."eval_tests" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', 'No such eval test');
    const current = await tx.evalTest.findUniqueOrThrow({ where: { id }, select: testSelect });
    if (current.status === 'EVALUATED') throw new DomainError('CONFLICT', 'This test is evaluated; it can no longer change');
    if (patch.status && patch.status !== current.status) evalTestLifecycle.assertTransition(current.status, patch.status);
    const score = patch.score ?? current.score;
    const maxScore = patch.maxScore ?? current.maxScore;
    assertScoreFits(score, maxScore);
    if (patch.status === 'EVALUATED' && score === null) throw new DomainError('UNPROCESSABLE', 'An evaluated test needs a score', [{ path: 'json.score', message: 'Required to evaluate' }]);
    const stamp = patch.status && patch.status !== current.status ? STAMP[patch.status] : undefined;
    const row = await tx.evalTest.update({
      where: { id },
      data: {
        ...(patch.status ? { status: patch.status } : {}),
        score,
        maxScore,
        percentage: percentageOf(score, maxScore),
        ...(patch.feedback !== undefined ? { feedback: patch.feedback } : {}),
        ...(stamp ? { [stamp]: new Date() } : {}),
      },
      select: testSelect,
    });
    return toEvalTestView(row);
  });
}

export function listEvalTests({ db }: Deps, userId: string, f: { status?: EvalTestStatus | undefined }, page: Page<Prisma.EvalTestWhereInput, Prisma.EvalTestOrderByWithRelationInput>) {
  return db.evalTest.findMany({ where: { AND: [page.where, { userId }, ...(f.status ? [{ status: f.status }] : [])] }, orderBy: page.orderBy, take: page.take, select: testSelect });
}

/** One test: its student, or staff; anyone else 404. */
export async function getEvalTest({ db }: Deps, actor: AuthContext, id: string) {
  const row = await db.evalTest.findUnique({ where: { id }, select: testSelect });
  if (!row || (!isStaff(actor.role) && row.userId !== actor.userId)) throw new DomainError('NOT_FOUND', 'No such eval test');
  return toEvalTestView(row);
}
