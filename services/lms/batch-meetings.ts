// Batch meetings (batch_meetings): live sessions of one batch, scheduled by staff or by the
// batch's super-mentor (an active super_mentor_assignments row, or batches.superMentorId).
// Invariants: start < end within MAX_BATCH_MEETING_MINUTES; no new meeting for a COMPLETED or
// CANCELLED batch; only a SCHEDULED meeting is rescheduled; status moves only along
// batchMeetingLifecycle (the row is locked while it is checked). googleCalendarEventId stays
// null: there is no calendar provider yet. Students see the meetings of their own batches only.
import { STAFF } from '../../domain/auth/roles.js';
import { batchMeetingLifecycle, meetingWindowProblem, type BatchMeetingStatus } from '../../domain/batch-meeting/status.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { Tx } from './progress.js';
import { memberBatchIds } from './batch-membership.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const batchMeetingSelect = {
  id: true,
  batchId: true,
  hostId: true,
  title: true,
  description: true,
  startTime: true,
  endTime: true,
  status: true,
  meetingLink: true,
  googleCalendarEventId: true,
  recordingUrl: true,
  recordingS3Key: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.BatchMeetingSelect;
type Row = Prisma.BatchMeetingGetPayload<{ select: typeof batchMeetingSelect }>;

export const toBatchMeetingView = (m: Row) => ({
  ...m,
  startTime: m.startTime.toISOString(),
  endTime: m.endTime.toISOString(),
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

/** What a student sees: the join link and the recording link, never the storage key. */
export const toStudentMeetingView = (m: Row) => {
  const { recordingS3Key: _key, googleCalendarEventId: _event, ...rest } = toBatchMeetingView(m);
  return rest;
};

const isStaff = (actor: AuthContext) => STAFF.includes(actor.role);

/** Staff manage every batch's meetings; anyone else only the batches they super-mentor. */
async function managesBatch(tx: Tx | Deps['db'], actor: AuthContext, batchId: string, superMentorId: string | null) {
  if (isStaff(actor) || superMentorId === actor.userId) return true;
  return (await tx.superMentorAssignment.count({ where: { batchId, superMentorId: actor.userId, isActive: true } })) > 0;
}

function assertWindow(start: Date, end: Date) {
  const problem = meetingWindowProblem(start, end);
  if (problem) throw new DomainError('UNPROCESSABLE', problem, [{ path: 'json.endTime', message: problem }]);
}

export interface MeetingInput {
  batchId: string;
  title: string;
  description?: string | null | undefined;
  startTime: Date;
  endTime: Date;
  meetingLink?: string | null | undefined;
}

export async function scheduleBatchMeeting({ db }: Deps, actor: AuthContext, input: MeetingInput) {
  assertWindow(input.startTime, input.endTime);
  const row = await db.$transaction(async (tx) => {
    // Locks the batch so it cannot be closed between this check and the insert.
    const [batch] = await tx.$queryRaw<{ status: string; superMentorId: string | null }[]>`
      SELECT "status"::text AS "status", "superMentorId"::text AS "superMentorId" FROM "public"."batches" WHERE "id" = ${input.batchId}::uuid FOR SHARE`;
    if (!batch) throw new DomainError('UNPROCESSABLE', 'No such batch', [{ path: 'json.batchId', message: 'Unknown batch' }]);
    if (!(await managesBatch(tx, actor, input.batchId, batch.superMentorId))) throw new DomainError('FORBIDDEN', 'Only staff or the batch’s super-mentor may schedule its meetings');
    if (batch.status === 'COMPLETED' || batch.status === 'CANCELLED') throw new DomainError('CONFLICT', `The batch is ${batch.status}; it takes no new meetings`);
    return tx.batchMeeting.create({ data: { ...input, hostId: actor.userId, googleCalendarEventId: null }, select: batchMeetingSelect });
  });
  return toBatchMeetingView(row);
}

/** Locks a meeting and checks the actor may manage it; to anyone else it does not exist. */
async function lockManaged(tx: Tx, actor: AuthContext, id: string) {
  const [row] = await tx.$queryRaw<{ status: BatchMeetingStatus; batchId: string; startTime: Date; endTime: Date; superMentorId: string | null }[]>`
    SELECT m."status"::text AS "status", m."batchId"::text AS "batchId", m."startTime", m."endTime", b."superMentorId"::text AS "superMentorId"
      FROM "public"."batch_meetings" m JOIN "public"."batches" b ON b."id" = m."batchId"
     WHERE m."id" = ${id}::uuid FOR UPDATE OF m`;
  if (!row || !(await managesBatch(tx, actor, row.batchId, row.superMentorId))) throw new DomainError('NOT_FOUND', 'No such batch meeting');
  return row;
}

export async function updateBatchMeeting(
  { db }: Deps,
  actor: AuthContext,
  id: string,
  input: { title?: string | undefined; description?: string | null | undefined; startTime?: Date | undefined; endTime?: Date | undefined; meetingLink?: string | null | undefined },
) {
  const row = await db.$transaction(async (tx) => {
    const m = await lockManaged(tx, actor, id);
    if (m.status !== 'SCHEDULED') throw new DomainError('ILLEGAL_TRANSITION', `A ${m.status} meeting can no longer be edited`);
    assertWindow(input.startTime ?? m.startTime, input.endTime ?? m.endTime);
    return tx.batchMeeting.update({ where: { id }, data: input, select: batchMeetingSelect });
  });
  return toBatchMeetingView(row);
}

export async function transitionBatchMeeting({ db }: Deps, actor: AuthContext, id: string, to: BatchMeetingStatus, recording: { recordingUrl?: string | undefined; recordingS3Key?: string | undefined } = {}) {
  const row = await db.$transaction(async (tx) => {
    const m = await lockManaged(tx, actor, id);
    batchMeetingLifecycle.assertTransition(m.status, to);
    return tx.batchMeeting.update({ where: { id }, data: { status: to, ...(to === 'COMPLETED' ? recording : {}) }, select: batchMeetingSelect });
  });
  return toBatchMeetingView(row);
}

/** A recording attached (or replaced) after the meeting: only a COMPLETED meeting has one. */
export async function attachBatchMeetingRecording({ db }: Deps, actor: AuthContext, id: string, recording: { recordingUrl?: string | undefined; recordingS3Key?: string | undefined }) {
  const row = await db.$transaction(async (tx) => {
    const m = await lockManaged(tx, actor, id);
    if (m.status !== 'COMPLETED') throw new DomainError('ILLEGAL_TRANSITION', `A ${m.status} meeting has no recording yet`);
    return tx.batchMeeting.update({ where: { id }, data: recording, select: batchMeetingSelect });
  });
  return toBatchMeetingView(row);
}

type Page = { where: Prisma.BatchMeetingWhereInput; orderBy: Prisma.BatchMeetingOrderByWithRelationInput[]; take: number };

/** Staff see any batch's meetings; a super-mentor only their batches' (others: 404). */
export async function listBatchMeetings({ db }: Deps, actor: AuthContext, f: { batchId: string; status?: BatchMeetingStatus | undefined }, page: Page) {
  const batch = await db.batch.findUnique({ where: { id: f.batchId }, select: { superMentorId: true } });
  if (!batch || !(await managesBatch(db, actor, f.batchId, batch.superMentorId))) throw new DomainError('NOT_FOUND', 'No such batch');
  const where: Prisma.BatchMeetingWhereInput[] = [page.where, { batchId: f.batchId }];
  if (f.status) where.push({ status: f.status });
  return db.batchMeeting.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: batchMeetingSelect });
}

export type MeetingWhen = 'upcoming' | 'past';
export const myMeetingOrder = (when: MeetingWhen) => (when === 'upcoming' ? 'asc' : 'desc');

/**
 * The meetings of the batches the caller belongs to. Upcoming: scheduled or live and not yet
 * over, soonest first. Past: the rest, latest first. No batch: an empty list.
 */
export async function listMyBatchMeetings({ db }: Deps, actor: AuthContext, when: MeetingWhen, page: Page) {
  const batchIds = await memberBatchIds(db, actor.userId);
  if (!batchIds.length) return [];
  const now = new Date();
  const upcoming: Prisma.BatchMeetingWhereInput = { status: { in: ['SCHEDULED', 'LIVE'] }, endTime: { gt: now } };
  return db.batchMeeting.findMany({ where: { AND: [page.where, { batchId: { in: batchIds } }, when === 'upcoming' ? upcoming : { NOT: upcoming }] }, orderBy: page.orderBy, take: page.take, select: batchMeetingSelect });
}
