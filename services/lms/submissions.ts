// Assignment hand-ins (assignment_submissions), one per (assignment, student). Rules chosen: a
// student enrolled in the course hands in work for a PUBLISHED assignment (in a published module);
// re-submitting before grading replaces it; after grading it is frozen (409). Past dueAt the
// hand-in is accepted and flagged late (submittedAt > dueAt). The upsert and the "not graded yet"
// guard are one INSERT … ON CONFLICT … WHERE statement, so a re-submit can never overwrite a
// grade that lands at the same moment; progress is refreshed in the same transaction.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { awardAssignmentXp } from '../engagement/xp.js';
import { refreshProgress, type Tx } from './progress.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface Link {
  title: string;
  url: string;
}

/** When an assignment has no maxScore, grades are out of this. */
export const DEFAULT_MAX_SCORE = 100;

const submissionSelect = {
  id: true,
  assignmentId: true,
  userId: true,
  content: true,
  links: true,
  submittedAt: true,
  score: true,
  feedback: true,
  gradedById: true,
  gradedAt: true,
  createdAt: true,
  updatedAt: true,
  assignment: { select: { dueAt: true, maxScore: true } },
} as const satisfies Prisma.AssignmentSubmissionSelect;
type SubmissionRow = Prisma.AssignmentSubmissionGetPayload<{ select: typeof submissionSelect }>;

export const toSubmissionView = ({ assignment, ...s }: SubmissionRow) => ({
  ...s,
  links: (s.links as unknown as Link[] | null) ?? [],
  maxScore: assignment.maxScore ?? DEFAULT_MAX_SCORE,
  late: assignment.dueAt !== null && s.submittedAt > assignment.dueAt,
  status: s.gradedAt ? ('GRADED' as const) : ('SUBMITTED' as const),
  submittedAt: s.submittedAt.toISOString(),
  gradedAt: s.gradedAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

async function assignmentForLearner(tx: Tx, actor: AuthContext, assignmentId: string) {
  const a = await tx.assignment.findUnique({ where: { id: assignmentId }, select: { id: true, title: true, isPublished: true, module: { select: { courseId: true, isPublished: true } } } });
  const enrolled = a && (await tx.enrollment.findUnique({ where: { userId_courseId: { userId: actor.userId, courseId: a.module.courseId } }, select: { id: true } }));
  if (!a || !a.isPublished || !a.module.isPublished || !enrolled) throw new DomainError('NOT_FOUND', 'No such published assignment, or you are not enrolled in its course');
  return a;
}

export async function submitAssignment({ db }: Deps, actor: AuthContext, assignmentId: string, input: { content?: string | undefined; links?: Link[] | undefined }) {
  const row = await db.$transaction(async (tx) => {
    const a = await assignmentForLearner(tx, actor, assignmentId);
    const links = JSON.stringify(input.links ?? []);
    const [saved] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "public"."assignment_submissions" ("assignmentId", "userId", "content", "links", "submittedAt", "updatedAt")
      VALUES (${assignmentId}::uuid, ${actor.userId}::uuid, ${input.content ?? null}, ${links}::jsonb, now(), now())
      ON CONFLICT ("assignmentId", "userId") DO UPDATE
        SET "content" = EXCLUDED."content", "links" = EXCLUDED."links", "submittedAt" = now(), "updatedAt" = now()
        WHERE "assignment_submissions"."gradedAt" IS NULL
      RETURNING "id"::text AS "id"`;
    if (!saved) throw new DomainError('CONFLICT', 'Your submission is already graded; it can no longer change');
    await refreshProgress(tx, actor.userId, a.module.courseId);
    await awardAssignmentXp(tx, { userId: actor.userId, assignmentId, courseId: a.module.courseId, title: a.title });
    return tx.assignmentSubmission.findUniqueOrThrow({ where: { id: saved.id }, select: submissionSelect });
  });
  return toSubmissionView(row);
}

/** The actor's own hand-in for an assignment (404 when none). */
export async function getMySubmission({ db }: Deps, actor: AuthContext, assignmentId: string) {
  const row = await db.assignmentSubmission.findUnique({ where: { assignmentId_userId: { assignmentId, userId: actor.userId } }, select: submissionSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'You have not handed in this assignment');
  return toSubmissionView(row);
}

export async function gradeSubmission({ db }: Deps, actor: AuthContext, submissionId: string, input: { score: number; feedback?: string | undefined }) {
  const row = await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."assignment_submissions" WHERE "id" = ${submissionId}::uuid FOR UPDATE`;
    if (!locked) throw new DomainError('NOT_FOUND', 'No such submission');
    const current = await tx.assignmentSubmission.findUniqueOrThrow({ where: { id: submissionId }, select: submissionSelect });
    const max = current.assignment.maxScore ?? DEFAULT_MAX_SCORE;
    if (input.score > max) throw new DomainError('UNPROCESSABLE', `The score exceeds the assignment's maximum of ${max}`, [{ path: 'json.score', message: `At most ${max}` }]);
    return tx.assignmentSubmission.update({
      where: { id: submissionId },
      data: { score: input.score, feedback: input.feedback ?? null, gradedById: actor.userId, gradedAt: new Date() },
      select: submissionSelect,
    });
  });
  return toSubmissionView(row);
}

/** Staff: an assignment's hand-ins, newest first. */
export async function listAssignmentSubmissions(
  { db }: Deps,
  _actor: AuthContext,
  assignmentId: string,
  f: { graded?: boolean | undefined; userId?: string | undefined },
  page: { where: Prisma.AssignmentSubmissionWhereInput; orderBy: Prisma.AssignmentSubmissionOrderByWithRelationInput[]; take: number },
) {
  if (!(await db.assignment.findUnique({ where: { id: assignmentId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such assignment');
  const where: Prisma.AssignmentSubmissionWhereInput[] = [page.where, { assignmentId }];
  if (f.graded !== undefined) where.push({ gradedAt: f.graded ? { not: null } : null });
  if (f.userId) where.push({ userId: f.userId });
  return db.assignmentSubmission.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: submissionSelect });
}
