// Staff assign a legacy course to one student or to a whole batch, and take it back; every move
// is one course_assignment_history row (append-only) written in the same transaction as the
// enrollments it creates or deletes. A batch-wide row (userId null) is what batchCourseIds reads,
// so students enrolled in the batch later get the course too. Unassigning from a batch keeps the
// course for students who hold it another way (another enrolled batch teaching it, or a direct
// assignment).
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { batchCourseIds } from './batch-courses.js';
import { refreshProgress, type Tx } from './progress.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface AssignmentTarget {
  courseId: string;
  userId?: string | undefined;
  batchId?: string | undefined;
  reason?: string | undefined;
}

export interface AssignmentOutcome {
  action: 'ASSIGNED' | 'UNASSIGNED';
  courseId: string;
  userId: string | null;
  batchId: string | null;
  /** False when the course was already in (or already out of) that state: nothing was written. */
  changed: boolean;
  /** Students whose enrollment was created or deleted. */
  enrollmentsChanged: number;
}

async function assertCourse(tx: Tx, courseId: string) {
  const course = await tx.course.findUnique({ where: { id: courseId }, select: { id: true } });
  if (course) return;
  const mas = await tx.masCourse.findUnique({ where: { id: courseId }, select: { id: true } });
  const message = mas ? 'Only legacy courses (with modules and classes) can be assigned' : 'No such course';
  throw new DomainError('UNPROCESSABLE', message, [{ path: 'json.courseId', message }]);
}

function target(t: AssignmentTarget): { userId: string } | { batchId: string } {
  if (!!t.userId === !!t.batchId) throw new DomainError('VALIDATION_FAILED', 'Name exactly one of userId or batchId', [{ path: 'json.userId', message: 'Give userId or batchId, not both' }]);
  return t.userId ? { userId: t.userId } : { batchId: t.batchId! };
}

async function lockUser(tx: Tx, userId: string) {
  const [u] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."users" WHERE "id" = ${userId}::uuid FOR NO KEY UPDATE`;
  if (!u) throw new DomainError('UNPROCESSABLE', 'No such user', [{ path: 'json.userId', message: 'No such user' }]);
}

/**
 * Locks the batch and its seated applications (the lock enrollApplication and deboard take on
 * each), so a student enrolled or deboarded concurrently is seen either before or after this
 * change, never missed between our read of ENROLLED students and their read of the batch's courses.
 */
async function lockBatch(tx: Tx, batchId: string) {
  const [b] = await tx.$queryRaw<{ courseId: string | null }[]>`SELECT "courseId"::text AS "courseId" FROM "public"."batches" WHERE "id" = ${batchId}::uuid FOR UPDATE`;
  if (!b) throw new DomainError('UNPROCESSABLE', 'No such batch', [{ path: 'json.batchId', message: 'No such batch' }]);
  await tx.$queryRaw`SELECT "id" FROM "public"."applications" WHERE "batchId" = ${batchId}::uuid AND "status" IN ('BATCH_ALLOCATED', 'ENROLLED') ORDER BY "id" FOR NO KEY UPDATE`;
  return b;
}

const reasonOf = (t: AssignmentTarget) => t.reason?.trim() || null;

export async function assignCourse({ db }: Deps, actor: AuthContext, t: AssignmentTarget): Promise<AssignmentOutcome> {
  const who = target(t);
  return db.$transaction(async (tx) => {
    await assertCourse(tx, t.courseId);
    const now = new Date();
    const base = { courseId: t.courseId, action: 'ASSIGNED' as const, performedById: actor.userId, reason: reasonOf(t), occurredAt: now };
    if ('userId' in who) {
      await lockUser(tx, who.userId);
      const existing = await tx.enrollment.findUnique({ where: { userId_courseId: { userId: who.userId, courseId: t.courseId } }, select: { id: true } });
      if (existing) return { action: 'ASSIGNED', courseId: t.courseId, userId: who.userId, batchId: null, changed: false, enrollmentsChanged: 0 };
      await tx.enrollment.create({ data: { userId: who.userId, courseId: t.courseId, enrolledAt: now } });
      await tx.courseAssignmentHistory.create({ data: { ...base, userId: who.userId } });
      await refreshProgress(tx, who.userId, t.courseId);
      return { action: 'ASSIGNED', courseId: t.courseId, userId: who.userId, batchId: null, changed: true, enrollmentsChanged: 1 };
    }
    await lockBatch(tx, who.batchId);
    if ((await batchCourseIds(tx, who.batchId)).includes(t.courseId)) return { action: 'ASSIGNED', courseId: t.courseId, userId: null, batchId: who.batchId, changed: false, enrollmentsChanged: 0 };
    await tx.courseAssignmentHistory.create({ data: { ...base, batchId: who.batchId, userId: null } });
    const students = await enrolledStudents(tx, who.batchId);
    const have = new Set((await tx.enrollment.findMany({ where: { courseId: t.courseId, userId: { in: students } }, select: { userId: true } })).map((e) => e.userId));
    const fresh = students.filter((u) => !have.has(u));
    await tx.enrollment.createMany({ data: fresh.map((userId) => ({ userId, courseId: t.courseId, enrolledAt: now })), skipDuplicates: true });
    await tx.courseAssignmentHistory.createMany({ data: fresh.map((userId) => ({ ...base, userId, batchId: who.batchId })) });
    for (const userId of fresh) await refreshProgress(tx, userId, t.courseId);
    return { action: 'ASSIGNED', courseId: t.courseId, userId: null, batchId: who.batchId, changed: true, enrollmentsChanged: fresh.length };
  });
}

async function enrolledStudents(tx: Tx, batchId: string): Promise<string[]> {
  const apps = await tx.application.findMany({ where: { batchId, status: 'ENROLLED' }, select: { userId: true }, distinct: ['userId'] });
  return apps.map((a) => a.userId);
}

/** Whether the student holds the course other than through `exceptBatchId`. */
async function holdsOtherwise(tx: Tx, userId: string, courseId: string, exceptBatchId: string): Promise<boolean> {
  const [direct] = await tx.courseAssignmentHistory.findMany({ where: { userId, courseId, batchId: null }, orderBy: [{ occurredAt: 'desc' }, { createdAt: 'desc' }], take: 1, select: { action: true } });
  if (direct?.action === 'ASSIGNED') return true;
  const others = await tx.application.findMany({ where: { userId, status: 'ENROLLED', batchId: { not: exceptBatchId } }, select: { batchId: true } });
  for (const o of others) if (o.batchId && (await batchCourseIds(tx, o.batchId)).includes(courseId)) return true;
  return false;
}

export async function unassignCourse({ db }: Deps, actor: AuthContext, t: AssignmentTarget): Promise<AssignmentOutcome> {
  const who = target(t);
  return db.$transaction(async (tx) => {
    await assertCourse(tx, t.courseId);
    const now = new Date();
    const base = { courseId: t.courseId, action: 'UNASSIGNED' as const, performedById: actor.userId, reason: reasonOf(t), occurredAt: now };
    if ('userId' in who) {
      await lockUser(tx, who.userId);
      const gone = await tx.enrollment.deleteMany({ where: { userId: who.userId, courseId: t.courseId } });
      if (gone.count === 0) return { action: 'UNASSIGNED', courseId: t.courseId, userId: who.userId, batchId: null, changed: false, enrollmentsChanged: 0 };
      await tx.courseAssignmentHistory.create({ data: { ...base, userId: who.userId } });
      return { action: 'UNASSIGNED', courseId: t.courseId, userId: who.userId, batchId: null, changed: true, enrollmentsChanged: 1 };
    }
    const batch = await lockBatch(tx, who.batchId);
    if (!(await batchCourseIds(tx, who.batchId)).includes(t.courseId)) return { action: 'UNASSIGNED', courseId: t.courseId, userId: null, batchId: who.batchId, changed: false, enrollmentsChanged: 0 };
    // The batch's own soft courseId counts as teaching it; unassigning clears it too.
    if (batch.courseId === t.courseId) await tx.batch.update({ where: { id: who.batchId }, data: { courseId: null } });
    await tx.courseAssignmentHistory.create({ data: { ...base, batchId: who.batchId, userId: null } });
    const removed: string[] = [];
    for (const userId of await enrolledStudents(tx, who.batchId)) if (!(await holdsOtherwise(tx, userId, t.courseId, who.batchId))) removed.push(userId);
    await tx.enrollment.deleteMany({ where: { courseId: t.courseId, userId: { in: removed } } });
    await tx.courseAssignmentHistory.createMany({ data: removed.map((userId) => ({ ...base, userId, batchId: who.batchId })) });
    return { action: 'UNASSIGNED', courseId: t.courseId, userId: null, batchId: who.batchId, changed: true, enrollmentsChanged: removed.length };
  });
}

export interface HistoryFilters {
  userId?: string | undefined;
  batchId?: string | undefined;
  courseId?: string | undefined;
  action?: 'ASSIGNED' | 'UNASSIGNED' | undefined;
}

export async function listAssignmentHistory({ db }: Deps, filters: HistoryFilters, page: { where: Prisma.CourseAssignmentHistoryWhereInput; orderBy: Prisma.CourseAssignmentHistoryOrderByWithRelationInput[]; take: number }) {
  const rows = await db.courseAssignmentHistory.findMany({
    where: {
      AND: [page.where, filters.userId ? { userId: filters.userId } : {}, filters.batchId ? { batchId: filters.batchId } : {}, filters.courseId ? { courseId: filters.courseId } : {}, filters.action ? { action: filters.action } : {}],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  const courseIds = [...new Set(rows.map((r) => r.courseId))];
  const [legacy, mas] = await Promise.all([
    db.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, slug: true, title: true } }),
    db.masCourse.findMany({ where: { id: { in: courseIds } }, select: { id: true, slug: true, title: true } }),
  ]);
  const courses = new Map([...legacy, ...mas].map((c) => [c.id, c]));
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    batchId: r.batchId,
    courseId: r.courseId,
    course: courses.get(r.courseId) ?? null,
    action: r.action,
    performedById: r.performedById,
    reason: r.reason,
    occurredAt: r.occurredAt,
  }));
}
