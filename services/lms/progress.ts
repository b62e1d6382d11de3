// Enrollment progress, derived (never typed in): the share of a course's published work a student
// has done, where the work is its classes (attended: PRESENT or LATE), its quizzes (a passed
// submission) and its assignments (a hand-in). Every writer of attendance, quiz submissions or
// assignment submissions calls refreshProgress in its own transaction, so progress never lags.
// The enrollment moves NOT_STARTED → IN_PROGRESS at the first piece of work and → COMPLETED at 100%.
import type { Db } from '../../infra/prisma.js';
import { enrollmentLifecycle } from '../../domain/enrollment/status.js';

export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface CourseWork {
  done: number;
  total: number;
}

/** How much of a legacy course's published classes, quizzes and assignments one student has done. */
export async function courseWork(tx: Tx, userId: string, courseId: string): Promise<CourseWork> {
  const [row] = await tx.$queryRaw<{ total: bigint; done: bigint }[]>`
    WITH m AS (SELECT "id" FROM "public"."course_modules" WHERE "courseId" = ${courseId}::uuid AND "isPublished"),
         c AS (SELECT "id" FROM "public"."classes" WHERE "moduleId" IN (SELECT "id" FROM m) AND "isPublished"),
         q AS (SELECT "id" FROM "public"."quizzes" WHERE "moduleId" IN (SELECT "id" FROM m) AND "isPublished"),
         a AS (SELECT "id" FROM "public"."assignments" WHERE "moduleId" IN (SELECT "id" FROM m) AND "isPublished")
    SELECT (SELECT count(*) FROM c) + (SELECT count(*) FROM q) + (SELECT count(*) FROM a) AS "total",
           (SELECT count(*) FROM "public"."attendance" t WHERE t."userId" = ${userId}::uuid AND t."classId" IN (SELECT "id" FROM c) AND t."status" IN ('PRESENT', 'LATE'))
         + (SELECT count(DISTINCT s."quizId") FROM "public"."quiz_submissions" s WHERE s."userId" = ${userId}::uuid AND s."quizId" IN (SELECT "id" FROM q) AND s."passed")
         + (SELECT count(*) FROM "public"."assignment_submissions" h WHERE h."userId" = ${userId}::uuid AND h."assignmentId" IN (SELECT "id" FROM a)) AS "done"`;
  return { done: Number(row?.done ?? 0), total: Number(row?.total ?? 0) };
}

export const progressPercent = ({ done, total }: CourseWork) => (total === 0 ? 0 : Math.min(100, Math.round((done / total) * 10_000) / 100));

/**
 * Recomputes one student's enrollment in a course (no-op when they are not enrolled) and
 * returns the new percent. The status only moves forward.
 */
export async function refreshProgress(tx: Tx, userId: string, courseId: string): Promise<number | null> {
  const enrollment = await tx.enrollment.findUnique({ where: { userId_courseId: { userId, courseId } }, select: { id: true, status: true, startedAt: true } });
  if (!enrollment) return null;
  const work = await courseWork(tx, userId, courseId);
  const percent = progressPercent(work);
  const now = new Date();
  const target = percent >= 100 && work.total > 0 ? 'COMPLETED' : work.done > 0 ? 'IN_PROGRESS' : enrollment.status;
  const status = target !== enrollment.status && enrollmentLifecycle.canTransition(enrollment.status, target) ? target : enrollment.status;
  await tx.enrollment.update({
    where: { id: enrollment.id },
    data: {
      progressPercent: percent,
      status,
      lastAccessedAt: now,
      ...(status !== 'NOT_STARTED' && !enrollment.startedAt ? { startedAt: now } : {}),
      ...(status === 'COMPLETED' && enrollment.status !== 'COMPLETED' ? { completedAt: now } : {}),
    },
  });
  return percent;
}

/** The course a module belongs to, for callers that know a quiz's or an assignment's module. */
export async function courseOfModule(tx: Tx, moduleId: string): Promise<string | null> {
  return (await tx.module.findUnique({ where: { id: moduleId }, select: { courseId: true } }))?.courseId ?? null;
}
