// After payment: allocate a seat in a batch (PAID → BATCH_ALLOCATED), enroll (→ ENROLLED: course
// access), deboard (→ DEBOARDED: access ends). Invariants: a batch never holds more allocated or
// enrolled applications than its capacity (its row is locked while seats are counted), and the
// status, the enrollments and the course_assignment_history rows change in one transaction.
import { applicationLifecycle } from '../../domain/application/status.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceDeps } from '../deps.js';
import { batchCourseIds } from '../lms/batch-courses.js';
import type { Tx } from '../lms/progress.js';
import { applicationSelect, lockApplication, toAdminApplicationView } from './application-view.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** Statuses that hold a seat in their batch. */
const SEATED = ['BATCH_ALLOCATED', 'ENROLLED'] as const;

async function lockedOrMissing(tx: Tx, id: string) {
  const app = await lockApplication(tx, id);
  if (!app) throw new DomainError('NOT_FOUND', 'No such application');
  return app;
}

/** PAID → BATCH_ALLOCATED into `batchId` (default: the batch applied for), if it has a free seat. */
export async function allocateBatch({ db }: Deps, _adminId: string, id: string, batchId?: string) {
  const allocated = await db.$transaction(async (tx) => {
    const app = await lockedOrMissing(tx, id);
    applicationLifecycle.assertTransition(app.status, 'BATCH_ALLOCATED');
    const target = batchId ?? app.batchId;
    if (!target) throw new DomainError('UNPROCESSABLE', 'The application has no batch; name one', [{ path: 'json.batchId', message: 'Required' }]);
    // Every allocator of this batch queues here, so the count below cannot go stale before the update.
    const [batch] = await tx.$queryRaw<{ status: string; capacity: number | null }[]>`
      SELECT "status"::text AS "status", "capacity" FROM "public"."batches" WHERE "id" = ${target}::uuid FOR NO KEY UPDATE`;
    if (!batch) throw new DomainError('UNPROCESSABLE', 'No such batch', [{ path: 'json.batchId', message: 'No such batch' }]);
    if (batch.status !== 'UPCOMING' && batch.status !== 'ACTIVE') throw new DomainError('UNPROCESSABLE', `The batch is ${batch.status}; only an UPCOMING or ACTIVE batch takes students`);
    if (batch.capacity !== null) {
      const seated = await tx.application.count({ where: { batchId: target, status: { in: [...SEATED] } } });
      if (seated >= batch.capacity) throw new DomainError('CONFLICT', `The batch is full (${seated} of ${batch.capacity} seats taken)`);
    }
    return tx.application.update({ where: { id }, data: { status: 'BATCH_ALLOCATED', batchId: target }, select: applicationSelect });
  });
  return toAdminApplicationView(allocated);
}

/** BATCH_ALLOCATED → ENROLLED: one enrollment and one ASSIGNED history row per course the batch teaches. */
export async function enrollApplication({ db }: Deps, adminId: string, id: string) {
  const enrolled = await db.$transaction(async (tx) => {
    const app = await lockedOrMissing(tx, id);
    applicationLifecycle.assertTransition(app.status, 'ENROLLED');
    if (!app.batchId) throw new DomainError('UNPROCESSABLE', 'The batch of this application no longer exists');
    const now = new Date();
    const courseIds = await batchCourseIds(tx, app.batchId);
    await tx.enrollment.createMany({ data: courseIds.map((courseId) => ({ userId: app.userId, courseId, enrolledAt: now })), skipDuplicates: true });
    await tx.courseAssignmentHistory.createMany({
      data: courseIds.map((courseId) => ({ userId: app.userId, batchId: app.batchId, courseId, action: 'ASSIGNED' as const, performedById: adminId, reason: `enrolled via application ${id}`, occurredAt: now })),
    });
    return tx.application.update({ where: { id }, data: { status: 'ENROLLED', enrolledAt: now }, select: applicationSelect });
  });
  return toAdminApplicationView(enrolled);
}

/** Courses the student holds through this batch: what it teaches now and what they were assigned through it. */
async function coursesThroughBatch(tx: Tx, userId: string, batchId: string): Promise<Set<string>> {
  const assigned = await tx.$queryRaw<{ courseId: string }[]>`
    SELECT "courseId"::text AS "courseId" FROM (
      SELECT DISTINCT ON ("courseId") "courseId", "action" FROM "public"."course_assignment_history"
       WHERE "userId" = ${userId}::uuid AND "batchId" = ${batchId}::uuid
       ORDER BY "courseId", "occurredAt" DESC, "createdAt" DESC) last
     WHERE last."action" = 'ASSIGNED'`;
  return new Set([...(await batchCourseIds(tx, batchId)), ...assigned.map((r) => r.courseId)]);
}

/**
 * ENROLLED → DEBOARDED: the batch's enrollments are deleted (access ends) with an UNASSIGNED row
 * each, except courses another batch the student is still enrolled in also teaches.
 */
export async function deboardApplication({ db }: Deps, adminId: string, id: string, reason: string) {
  if (!reason.trim()) throw new DomainError('VALIDATION_FAILED', 'Deboarding needs a reason', [{ path: 'json.reason', message: 'Required' }]);
  const deboarded = await db.$transaction(async (tx) => {
    const app = await lockedOrMissing(tx, id);
    applicationLifecycle.assertTransition(app.status, 'DEBOARDED');
    const now = new Date();
    if (app.batchId) {
      const courses = await coursesThroughBatch(tx, app.userId, app.batchId);
      const others = await tx.application.findMany({ where: { userId: app.userId, status: 'ENROLLED', id: { not: id }, batchId: { not: null } }, select: { batchId: true } });
      for (const o of others) for (const c of await batchCourseIds(tx, o.batchId!)) courses.delete(c);
      const courseIds = [...courses].sort();
      await tx.enrollment.deleteMany({ where: { userId: app.userId, courseId: { in: courseIds } } });
      await tx.courseAssignmentHistory.createMany({
        data: courseIds.map((courseId) => ({ userId: app.userId, batchId: app.batchId, courseId, action: 'UNASSIGNED' as const, performedById: adminId, reason: `deboarded via application ${id}: ${reason.trim()}`.slice(0, 1000), occurredAt: now })),
      });
    }
    return tx.application.update({ where: { id }, data: { status: 'DEBOARDED', deboardedAt: now, deboardReason: reason.trim() }, select: applicationSelect });
  });
  return toAdminApplicationView(deboarded);
}
