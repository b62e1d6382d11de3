// Attendance at live sessions: a class (course work: PRESENT or LATE counts toward progress) or a
// batch meeting. Staff mark in bulk; an expert marks only the meetings they host (classes record no
// host, so class attendance is staff-only). Marking is an upsert — one row per (class, student) or
// (meeting, student), so marking twice updates — done as one INSERT … ON CONFLICT over unnest()ed
// arrays, with every marked student's progress refreshed in the same transaction.
import { STAFF } from '../../domain/auth/roles.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AttendanceStatus } from '../../prisma/generated/enums.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { awardAttendanceXp } from '../engagement/xp.js';
import { refreshProgress, type Tx } from './progress.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Page = { where: Prisma.AttendanceWhereInput; orderBy: Prisma.AttendanceOrderByWithRelationInput[]; take: number };

export interface AttendanceEntry {
  userId: string;
  status: AttendanceStatus;
  remarks?: string | undefined;
}

export const attendanceSelect = {
  id: true,
  userId: true,
  markedById: true,
  batchId: true,
  batchMeetingId: true,
  classId: true,
  sessionDate: true,
  status: true,
  remarks: true,
  joinedAt: true,
  leftAt: true,
  durationMinutes: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AttendanceSelect;
type AttendanceRow = Prisma.AttendanceGetPayload<{ select: typeof attendanceSelect }>;

export const toAttendanceView = (a: AttendanceRow) => ({
  ...a,
  sessionDate: a.sessionDate.toISOString().slice(0, 10),
  joinedAt: a.joinedAt?.toISOString() ?? null,
  leftAt: a.leftAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** Upper- and lower-case spellings of a uuid are one student to PostgreSQL, so to us too. */
const normalise = (entries: readonly AttendanceEntry[]) => entries.map((e) => ({ ...e, userId: e.userId.toLowerCase() }));

function assertDistinct(entries: readonly AttendanceEntry[]) {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  entries.forEach((e, i) => {
    if (seen.has(e.userId)) errors.push({ path: `json.entries.${i}.userId`, message: 'This student is listed twice' });
    seen.add(e.userId);
  });
  if (errors.length) throw new DomainError('UNPROCESSABLE', 'Each student may appear once', errors);
}

function assertAllKnown(entries: readonly AttendanceEntry[], allowed: ReadonlySet<string>, what: string) {
  const errors = entries.flatMap((e, i) => (allowed.has(e.userId) ? [] : [{ path: `json.entries.${i}.userId`, message: `Not ${what}` }]));
  if (errors.length) throw new DomainError('UNPROCESSABLE', `Some students are not ${what}`, errors);
}

/** Rows are locked in user-id order, so two concurrent markings cannot deadlock. */
const byUser = (entries: readonly AttendanceEntry[]) => [...entries].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));

interface Upserted {
  inserted: boolean;
  id: string;
  userId: string;
  status: string;
}

/** One statement for the whole list; `xmax = 0` tells a fresh row from an updated one. */
async function upsertRows(tx: Tx, target: { classId: string } | { batchMeetingId: string; batchId: string }, unsorted: readonly AttendanceEntry[], markerId: string, sessionDate: Date, xp: { courseId: string | null; title: string }) {
  const entries = byUser(unsorted);
  const userIds = entries.map((e) => e.userId);
  const statuses = entries.map((e) => e.status);
  const remarks = entries.map((e) => e.remarks ?? null);
  const rows =
    'classId' in target
      ? await tx.$queryRaw<Upserted[]>`
          INSERT INTO "public"."attendance" ("userId", "markedById", "classId", "sessionDate", "status", "remarks", "updatedAt")
          SELECT t.u::uuid, ${markerId}::uuid, ${target.classId}::uuid, ${sessionDate}::date, t.s::"public"."AttendanceStatus", t.r, now()
            FROM unnest(${userIds}::text[], ${statuses}::text[], ${remarks}::text[]) AS t(u, s, r)
          ON CONFLICT ("userId", "classId") DO UPDATE
            SET "status" = EXCLUDED."status", "remarks" = EXCLUDED."remarks", "markedById" = EXCLUDED."markedById", "sessionDate" = EXCLUDED."sessionDate", "updatedAt" = now()
          RETURNING (xmax = 0) AS "inserted", "id"::text AS "id", "userId"::text AS "userId", "status"::text AS "status"`
      : await tx.$queryRaw<Upserted[]>`
          INSERT INTO "public"."attendance" ("userId", "markedById", "batchMeetingId", "batchId", "sessionDate", "status", "remarks", "updatedAt")
          SELECT t.u::uuid, ${markerId}::uuid, ${target.batchMeetingId}::uuid, ${target.batchId}::uuid, ${sessionDate}::date, t.s::"public"."AttendanceStatus", t.r, now()
            FROM unnest(${userIds}::text[], ${statuses}::text[], ${remarks}::text[]) AS t(u, s, r)
          ON CONFLICT ("userId", "batchMeetingId") DO UPDATE
            SET "status" = EXCLUDED."status", "remarks" = EXCLUDED."remarks", "markedById" = EXCLUDED."markedById", "batchId" = EXCLUDED."batchId", "sessionDate" = EXCLUDED."sessionDate", "updatedAt" = now()
          RETURNING (xmax = 0) AS "inserted", "id"::text AS "id", "userId"::text AS "userId", "status"::text AS "status"`;
  await awardAttendanceXp(tx, rows, { batchId: 'batchId' in target ? target.batchId : null, courseId: xp.courseId, title: xp.title, occurredAt: sessionDate });
  const created = rows.filter((r) => r.inserted).length;
  return { marked: rows.length, created, updated: rows.length - created, sessionDate: sessionDate.toISOString().slice(0, 10) };
}

/** Staff mark a class; every student must be enrolled in the class's course. */
export async function markClassAttendance({ db }: Deps, actor: AuthContext, classId: string, input: AttendanceEntry[]) {
  const entries = normalise(input);
  return db.$transaction(async (tx) => {
    const cls = await tx.class.findUnique({ where: { id: classId }, select: { title: true, scheduledAt: true, module: { select: { courseId: true } } } });
    if (!cls) throw new DomainError('NOT_FOUND', 'No such class');
    assertDistinct(entries);
    const courseId = cls.module.courseId;
    const enrolled = await tx.enrollment.findMany({ where: { courseId, userId: { in: entries.map((e) => e.userId) } }, select: { userId: true } });
    assertAllKnown(entries, new Set(enrolled.map((e) => e.userId)), 'enrolled in the class’s course');
    const result = await upsertRows(tx, { classId }, entries, actor.userId, cls.scheduledAt ?? new Date(), { courseId, title: cls.title });
    for (const e of byUser(entries)) await refreshProgress(tx, e.userId, courseId);
    return result;
  });
}

const meetingSelect = { id: true, batchId: true, hostId: true, startTime: true, title: true } as const satisfies Prisma.BatchMeetingSelect;

function assertMayMark<T extends { hostId: string | null }>(actor: AuthContext, meeting: T | null): asserts meeting is T {
  if (!meeting) throw new DomainError('NOT_FOUND', 'No such batch meeting');
  if (!STAFF.includes(actor.role) && meeting.hostId !== actor.userId) throw new DomainError('FORBIDDEN', 'Only staff or the meeting’s host may see or mark its attendance');
}

/** Staff, or the expert hosting it, mark a batch meeting; every student must be ENROLLED in the batch. */
export async function markMeetingAttendance({ db }: Deps, actor: AuthContext, meetingId: string, input: AttendanceEntry[]) {
  const entries = normalise(input);
  return db.$transaction(async (tx) => {
    const meeting = await tx.batchMeeting.findUnique({ where: { id: meetingId }, select: meetingSelect });
    assertMayMark(actor, meeting);
    assertDistinct(entries);
    const members = await tx.application.findMany({ where: { batchId: meeting.batchId, status: 'ENROLLED', userId: { in: entries.map((e) => e.userId) } }, select: { userId: true } });
    assertAllKnown(entries, new Set(members.map((m) => m.userId)), 'enrolled in the meeting’s batch');
    return upsertRows(tx, { batchMeetingId: meetingId, batchId: meeting.batchId }, entries, actor.userId, meeting.startTime, { courseId: null, title: meeting.title });
  });
}

const list = (db: Deps['db'], where: Prisma.AttendanceWhereInput[], page: Page) =>
  db.attendance.findMany({ where: { AND: [page.where, ...where] }, orderBy: page.orderBy, take: page.take, select: attendanceSelect });

/** The actor's own attendance rows only. */
export function listMyAttendance({ db }: Deps, actor: AuthContext, f: { classId?: string | undefined; batchMeetingId?: string | undefined; batchId?: string | undefined }, page: Page) {
  return list(db, [{ userId: actor.userId }, ...(f.classId ? [{ classId: f.classId }] : []), ...(f.batchMeetingId ? [{ batchMeetingId: f.batchMeetingId }] : []), ...(f.batchId ? [{ batchId: f.batchId }] : [])], page);
}

export async function listClassAttendance({ db }: Deps, _actor: AuthContext, classId: string, page: Page) {
  if (!(await db.class.findUnique({ where: { id: classId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such class');
  return list(db, [{ classId }], page);
}

export async function listMeetingAttendance({ db }: Deps, actor: AuthContext, meetingId: string, page: Page) {
  assertMayMark(actor, await db.batchMeeting.findUnique({ where: { id: meetingId }, select: meetingSelect }));
  return list(db, [{ batchMeetingId: meetingId }], page);
}

/** A batch's meeting attendance (class rows belong to a course, not a batch). */
export async function listBatchAttendance({ db }: Deps, _actor: AuthContext, batchId: string, f: { userId?: string | undefined; status?: AttendanceStatus | undefined }, page: Page) {
  if (!(await db.batch.findUnique({ where: { id: batchId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such batch');
  return list(db, [{ batchId }, ...(f.userId ? [{ userId: f.userId }] : []), ...(f.status ? [{ status: f.status }] : [])], page);
}
