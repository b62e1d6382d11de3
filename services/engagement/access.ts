// Who may see or write engagement records about whom. A batch's rows: ADMIN/SUPERADMIN, the
// batch's active community managers (SALES) and its ENROLLED students (read-only leaderboard).
// A student's rows: ADMIN/SUPERADMIN any student; a community manager students of a batch they
// manage; a mentor (EXPERT) students they have had a COMPLETED session with. Anyone else gets 404
// (the student or batch is not theirs), never a hint that it exists.
import { isStaff } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Db = ServiceDeps['db'];

export async function managedBatchIds(db: Db, actor: AuthContext): Promise<string[]> {
  const rows = await db.communityManagerAssignment.findMany({ where: { communityManagerId: actor.userId, isActive: true }, select: { batchId: true } });
  return rows.map((r) => r.batchId);
}

/** 404 unless the batch exists and the actor is staff, one of its community managers or (when `members`) an ENROLLED student. */
export async function assertBatchVisible(db: Db, actor: AuthContext, batchId: string, opts: { members: boolean }): Promise<void> {
  const batch = await db.batch.findUnique({ where: { id: batchId }, select: { id: true } });
  if (batch && isStaff(actor.role)) return;
  if (batch && actor.role === 'SALES' && (await managedBatchIds(db, actor)).includes(batchId)) return;
  if (batch && opts.members && actor.role === 'USER' && (await db.application.findFirst({ where: { batchId, userId: actor.userId, status: 'ENROLLED' }, select: { id: true } }))) return;
  throw new DomainError('NOT_FOUND', 'No such batch of yours');
}

/** The student (a USER) when the actor may write about them (see the header); 404 otherwise. */
export async function assertMayRateStudent(db: Db, actor: AuthContext, studentId: string): Promise<void> {
  const student = await db.user.findUnique({ where: { id: studentId }, select: { role: true } });
  const notYours = new DomainError('NOT_FOUND', 'No such student of yours');
  if (!student || student.role !== 'USER') throw notYours;
  if (isStaff(actor.role)) return;
  if (actor.role === 'EXPERT') {
    const session = await db.slot.findFirst({ where: { mentorId: actor.userId, studentId, status: 'COMPLETED' }, select: { id: true } });
    if (session) return;
  }
  if (actor.role === 'SALES') {
    const managed = await managedBatchIds(db, actor);
    if (managed.length && (await db.application.findFirst({ where: { userId: studentId, batchId: { in: managed } }, select: { id: true } }))) return;
  }
  throw notYours;
}
