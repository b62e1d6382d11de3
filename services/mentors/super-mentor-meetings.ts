// Super-mentor meetings (super_mentor_meetings): a batch's super-mentor (an active
// super_mentor_assignments row, or batches.superMentorId) meets a student of that batch 1:1, or
// holds a session for the whole batch, stored as one row per member student, written in one
// transaction. Invariants: the host is always the caller and must super-mentor a batch the
// student belongs to (allocated or enrolled); status moves only along superMentorMeetingLifecycle
// with the row locked; only a SCHEDULED meeting is edited or rescheduled; the student is notified
// (notifications centre, same transaction) on schedule, reschedule and cancel. Visibility: the
// host and the student see a meeting, staff see all; to anyone else it does not exist (404).
import { STAFF } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { MAX_SUPER_MENTOR_BATCH_STUDENTS, superMentorMeetingLifecycle, type SuperMentorMeetingStatus } from '../../domain/super-mentor-meeting/status.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { MEMBER_STATUSES, memberBatchIds } from '../lms/batch-membership.js';
import type { Tx } from '../lms/progress.js';
import { notify } from '../notifications/centre.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const superMentorMeetingSelect = {
  id: true,
  superMentorId: true,
  studentId: true,
  title: true,
  scheduledAt: true,
  durationMinutes: true,
  meetingLink: true,
  status: true,
  notes: true,
  attended: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.SuperMentorMeetingSelect;
type Row = Prisma.SuperMentorMeetingGetPayload<{ select: typeof superMentorMeetingSelect }>;

export const toSuperMentorMeetingView = (m: Row) => ({
  ...m,
  scheduledAt: m.scheduledAt.toISOString(),
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

const isStaff = (actor: AuthContext) => STAFF.includes(actor.role);

/** The open batches (not COMPLETED or CANCELLED) `userId` super-mentors. */
async function superMentoredBatchIds(tx: Tx | Deps['db'], userId: string, batchIds?: string[]): Promise<string[]> {
  const scope = batchIds ? { id: { in: batchIds } } : {};
  const rows = await tx.batch.findMany({
    where: { ...scope, status: { notIn: ['COMPLETED', 'CANCELLED'] }, OR: [{ superMentorId: userId }, { superMentorAssignments: { some: { superMentorId: userId, isActive: true } } }] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export interface ScheduleSuperMentorMeetingInput {
  studentId?: string | undefined;
  batchId?: string | undefined;
  title: string;
  scheduledAt: Date;
  durationMinutes: number;
  meetingLink?: string | null | undefined;
}

const when = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** Schedules a 1:1 (studentId) or a batch session (batchId: one row per member student), notifying each student. */
export async function scheduleSuperMentorMeetings({ db }: Deps, actor: AuthContext, input: ScheduleSuperMentorMeetingInput) {
  const rows = await db.$transaction(async (tx) => {
    let studentIds: string[];
    if (input.batchId) {
      // Locks the batch so it cannot be closed (or its super-mentor changed) between the check and the inserts.
      await tx.$executeRaw`SELECT 1 FROM "public"."batches" WHERE "id" = ${input.batchId}::uuid FOR SHARE`;
      if (!(await superMentoredBatchIds(tx, actor.userId, [input.batchId])).length) throw new DomainError('FORBIDDEN', 'You are not the super-mentor of this batch, or it is closed');
      const members = await tx.application.findMany({ where: { batchId: input.batchId, status: { in: MEMBER_STATUSES } }, select: { userId: true }, distinct: ['userId'], take: MAX_SUPER_MENTOR_BATCH_STUDENTS + 1 });
      studentIds = members.map((m) => m.userId).filter((id) => id !== actor.userId);
      if (!studentIds.length) throw new DomainError('UNPROCESSABLE', 'The batch has no allocated or enrolled students', [{ path: 'json.batchId', message: 'No students' }]);
      if (studentIds.length > MAX_SUPER_MENTOR_BATCH_STUDENTS) throw new DomainError('UNPROCESSABLE', `A batch session is limited to ${MAX_SUPER_MENTOR_BATCH_STUDENTS} students`, [{ path: 'json.batchId', message: 'Too many students' }]);
    } else {
      const studentId = input.studentId!;
      if (studentId === actor.userId) throw new DomainError('UNPROCESSABLE', 'You cannot meet yourself', [{ path: 'json.studentId', message: 'Your own id' }]);
      const theirs = await memberBatchIds(tx, studentId);
      if (!theirs.length || !(await superMentoredBatchIds(tx, actor.userId, theirs)).length) throw new DomainError('FORBIDDEN', 'The student is not in a batch you super-mentor');
      studentIds = [studentId];
    }
    const created: Row[] = [];
    for (const studentId of studentIds) {
      const row = await tx.superMentorMeeting.create({
        data: { superMentorId: actor.userId, studentId, title: input.title, scheduledAt: input.scheduledAt, durationMinutes: input.durationMinutes, meetingLink: input.meetingLink ?? null },
        select: superMentorMeetingSelect,
      });
      await notify(tx, {
        userId: studentId,
        type: 'REMINDER',
        category: 'MENTORSHIP',
        title: `Meeting scheduled: ${input.title}`,
        message: `Your super-mentor scheduled "${input.title}" for ${when(input.scheduledAt)} (${input.durationMinutes} min).`,
        data: { superMentorMeetingId: row.id, event: 'scheduled', scheduledAt: input.scheduledAt.toISOString() },
      });
      created.push(row);
    }
    return created;
  });
  return rows.map(toSuperMentorMeetingView);
}

/** Locks a meeting the actor hosts (staff: any); to anyone else it does not exist. */
async function lockHosted(tx: Tx, actor: AuthContext, id: string) {
  const [row] = await tx.$queryRaw<{ status: SuperMentorMeetingStatus; superMentorId: string; studentId: string; title: string; scheduledAt: Date }[]>`
    SELECT "status"::text AS "status", "superMentorId"::text AS "superMentorId", "studentId"::text AS "studentId", "title", "scheduledAt"
      FROM "public"."super_mentor_meetings" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!row || (row.superMentorId !== actor.userId && !isStaff(actor))) throw new DomainError('NOT_FOUND', 'No such super-mentor meeting');
  return row;
}

export interface UpdateSuperMentorMeetingInput {
  title?: string | undefined;
  scheduledAt?: Date | undefined;
  durationMinutes?: number | undefined;
  meetingLink?: string | null | undefined;
}

/** Edits or reschedules a SCHEDULED meeting (its host); the student is told when the time moves. */
export async function updateSuperMentorMeeting({ db }: Deps, actor: AuthContext, id: string, input: UpdateSuperMentorMeetingInput) {
  const row = await db.$transaction(async (tx) => {
    const m = await lockHosted(tx, actor, id);
    if (m.status !== 'SCHEDULED') throw new DomainError('ILLEGAL_TRANSITION', `A ${m.status} meeting can no longer be edited`);
    const updated = await tx.superMentorMeeting.update({ where: { id }, data: input, select: superMentorMeetingSelect });
    if (input.scheduledAt && input.scheduledAt.getTime() !== m.scheduledAt.getTime()) {
      await notify(tx, {
        userId: m.studentId,
        type: 'REMINDER',
        category: 'MENTORSHIP',
        title: `Meeting rescheduled: ${updated.title}`,
        message: `"${updated.title}" moved from ${when(m.scheduledAt)} to ${when(input.scheduledAt)}.`,
        data: { superMentorMeetingId: id, event: 'rescheduled', from: m.scheduledAt.toISOString(), scheduledAt: input.scheduledAt.toISOString() },
      });
    }
    return updated;
  });
  return toSuperMentorMeetingView(row);
}

/** SCHEDULED → CANCELLED (the host or staff); the student is notified. */
export async function cancelSuperMentorMeeting({ db }: Deps, actor: AuthContext, id: string, reason?: string | undefined) {
  const row = await db.$transaction(async (tx) => {
    const m = await lockHosted(tx, actor, id);
    superMentorMeetingLifecycle.assertTransition(m.status, 'CANCELLED');
    const updated = await tx.superMentorMeeting.update({ where: { id }, data: { status: 'CANCELLED', ...(reason ? { notes: reason } : {}) }, select: superMentorMeetingSelect });
    await notify(tx, {
      userId: m.studentId,
      type: 'WARNING',
      category: 'MENTORSHIP',
      title: `Meeting cancelled: ${m.title}`,
      message: `"${m.title}" on ${when(m.scheduledAt)} was cancelled${reason ? `: ${reason}` : '.'}`,
      data: { superMentorMeetingId: id, event: 'cancelled' },
    });
    return updated;
  });
  return toSuperMentorMeetingView(row);
}

/** SCHEDULED → COMPLETED with attendance and notes (the host or staff). */
export async function completeSuperMentorMeeting({ db }: Deps, actor: AuthContext, id: string, input: { attended: boolean; notes?: string | null | undefined }) {
  const row = await db.$transaction(async (tx) => {
    const m = await lockHosted(tx, actor, id);
    superMentorMeetingLifecycle.assertTransition(m.status, 'COMPLETED');
    return tx.superMentorMeeting.update({ where: { id }, data: { status: 'COMPLETED', attended: input.attended, ...(input.notes !== undefined ? { notes: input.notes } : {}) }, select: superMentorMeetingSelect });
  });
  return toSuperMentorMeetingView(row);
}

/** One meeting: its host, its student, or staff; anyone else 404. */
export async function getSuperMentorMeeting({ db }: Deps, actor: AuthContext, id: string) {
  const row = await db.superMentorMeeting.findUnique({ where: { id }, select: superMentorMeetingSelect });
  if (!row || (!isStaff(actor) && row.superMentorId !== actor.userId && row.studentId !== actor.userId)) throw new DomainError('NOT_FOUND', 'No such super-mentor meeting');
  return toSuperMentorMeetingView(row);
}

type Page = { where: Prisma.SuperMentorMeetingWhereInput; orderBy: Prisma.SuperMentorMeetingOrderByWithRelationInput[]; take: number };
export type MeetingWhen = 'upcoming' | 'past';
/** Upcoming: SCHEDULED, soonest first. Past: COMPLETED or CANCELLED, latest first. */
export const myMeetingOrder = (w: MeetingWhen) => (w === 'upcoming' ? 'asc' : 'desc');
const whenFilter = (w: MeetingWhen): Prisma.SuperMentorMeetingWhereInput => (w === 'upcoming' ? { status: 'SCHEDULED' } : { status: { in: ['COMPLETED', 'CANCELLED'] } });

/** The caller's meetings, as their super-mentor (host) or as the student: never anyone else's. */
export async function listMySuperMentorMeetings({ db }: Deps, actor: AuthContext, f: { as: 'student' | 'mentor'; when: MeetingWhen }, page: Page) {
  const mine: Prisma.SuperMentorMeetingWhereInput = f.as === 'mentor' ? { superMentorId: actor.userId } : { studentId: actor.userId };
  return db.superMentorMeeting.findMany({ where: { AND: [page.where, mine, whenFilter(f.when)] }, orderBy: page.orderBy, take: page.take, select: superMentorMeetingSelect });
}

/** Staff: every meeting, newest first, filtered by host, student or status. */
export async function listAllSuperMentorMeetings({ db }: Deps, f: { superMentorId?: string | undefined; studentId?: string | undefined; status?: SuperMentorMeetingStatus | undefined }, page: Page) {
  const where: Prisma.SuperMentorMeetingWhereInput[] = [page.where];
  if (f.superMentorId) where.push({ superMentorId: f.superMentorId });
  if (f.studentId) where.push({ studentId: f.studentId });
  if (f.status) where.push({ status: f.status });
  return db.superMentorMeeting.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: superMentorMeetingSelect });
}
