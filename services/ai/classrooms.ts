// AI classrooms: a mentor or staff member asks for a classroom on a course module
// (ai_classroom_requests), staff decide once, and approval creates the classroom (ai_classrooms,
// DRAFT) in the same transaction, with the requester notified in it too. Staff then edit,
// publish and archive the classroom; students enrolled in its course see it once PUBLISHED.
// Invariants: one classroom per request (the request row is locked, so parallel approvals
// yield one winner and ILLEGAL_TRANSITION for the rest); a classroom a caller may not see is
// NOT_FOUND, never FORBIDDEN. Progress lives in services/ai/classroom-progress.ts.
import { aiClassroomLifecycle, aiClassroomRequestLifecycle, EDITABLE_CLASSROOM_STATUSES, type AiClassroomRequestStatus, type AiClassroomStatus } from '../../domain/ai-classroom/status.js';
import { isStaff, type Role } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { notify } from '../notifications/centre.js';

type Deps = Pick<ServiceDeps, 'db'>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
type Reader = Db | Tx;

/** Who may ask for an AI classroom: mentors and staff (students ask their mentor). */
export const CLASSROOM_REQUESTERS: readonly Role[] = ['EXPERT', 'ADMIN', 'SUPERADMIN'];

/** What a request carries in its `preferences` json (the table has no course/module columns). */
export interface ClassroomPreferences {
  courseId: string;
  moduleId: string;
  level?: string | undefined;
  language?: string | undefined;
}

// ---------------------------------------------------------------------------------------------
// Requests

export const requestSelect = {
  id: true,
  requestedById: true,
  reviewedById: true,
  aiClassroomId: true,
  topic: true,
  description: true,
  preferences: true,
  status: true,
  reviewNote: true,
  reviewedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AiClassroomRequestSelect;
type RequestRow = Prisma.AiClassroomRequestGetPayload<{ select: typeof requestSelect }>;

const prefsOf = (p: Prisma.JsonValue | null): Partial<ClassroomPreferences> => (p && typeof p === 'object' && !Array.isArray(p) ? (p as Partial<ClassroomPreferences>) : {});

export const toRequestView = (r: RequestRow) => {
  const prefs = prefsOf(r.preferences);
  return {
    id: r.id,
    requestedById: r.requestedById,
    reviewedById: r.reviewedById,
    aiClassroomId: r.aiClassroomId,
    courseId: prefs.courseId ?? null,
    moduleId: prefs.moduleId ?? null,
    level: prefs.level ?? null,
    language: prefs.language ?? null,
    topic: r.topic,
    description: r.description,
    status: r.status,
    reviewNote: r.reviewNote,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
};

/** The module, checked to belong to the course; field errors name what is wrong. */
async function courseAndModule(db: Reader, courseId: string, moduleId: string) {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { id: true, title: true, language: true } });
  if (!course) throw new DomainError('UNPROCESSABLE', 'No such course', [{ path: 'json.courseId', message: 'Unknown course' }]);
  const mod = await db.module.findUnique({ where: { id: moduleId }, select: { id: true, courseId: true, title: true } });
  if (!mod || mod.courseId !== courseId) throw new DomainError('UNPROCESSABLE', 'No such module in this course', [{ path: 'json.moduleId', message: 'Not a module of the course' }]);
  return { course, module: mod };
}

export interface ClassroomRequestInput extends ClassroomPreferences {
  topic: string;
  description?: string | undefined;
}

export async function requestClassroom({ db }: Deps, actor: AuthContext, input: ClassroomRequestInput) {
  await courseAndModule(db, input.courseId, input.moduleId);
  const preferences: Prisma.InputJsonObject = {
    courseId: input.courseId,
    moduleId: input.moduleId,
    ...(input.level ? { level: input.level } : {}),
    ...(input.language ? { language: input.language } : {}),
  };
  const row = await db.aiClassroomRequest.create({
    data: { requestedById: actor.userId, topic: input.topic, description: input.description ?? null, preferences },
    select: requestSelect,
  });
  return toRequestView(row);
}

type Page<W, O> = { where: W; orderBy: O[]; take: number };

export function listMyRequests({ db }: Deps, actor: AuthContext, status: AiClassroomRequestStatus | undefined, page: Page<Prisma.AiClassroomRequestWhereInput, Prisma.AiClassroomRequestOrderByWithRelationInput>) {
  return db.aiClassroomRequest.findMany({
    where: { AND: [page.where, { requestedById: actor.userId }, status ? { status } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    select: requestSelect,
  });
}

export interface RequestFilters {
  status?: AiClassroomRequestStatus | undefined;
  requestedById?: string | undefined;
  courseId?: string | undefined;
  moduleId?: string | undefined;
}

export function listRequests({ db }: Deps, f: RequestFilters, page: Page<Prisma.AiClassroomRequestWhereInput, Prisma.AiClassroomRequestOrderByWithRelationInput>) {
  const where: Prisma.AiClassroomRequestWhereInput[] = [page.where];
  if (f.status) where.push({ status: f.status });
  if (f.requestedById) where.push({ requestedById: f.requestedById });
  if (f.courseId) where.push({ preferences: { path: ['courseId'], equals: f.courseId } });
  if (f.moduleId) where.push({ preferences: { path: ['moduleId'], equals: f.moduleId } });
  return db.aiClassroomRequest.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: requestSelect });
}

export async function getRequest({ db }: Deps, id: string) {
  const row = await db.aiClassroomRequest.findUnique({ where: { id }, select: requestSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such AI classroom request');
  return toRequestView(row);
}

/** Locks the request row for the rest of the transaction: concurrent reviews queue here. */
async function lockRequest(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."ai_classroom_requests" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!row) throw new DomainError('NOT_FOUND', 'No such AI classroom request');
  return tx.aiClassroomRequest.findUniqueOrThrow({ where: { id }, select: requestSelect });
}

const REVIEW_TX = { maxWait: 10_000, timeout: 20_000 };

/**
 * Approves a PENDING request and creates its classroom (DRAFT, for the request's course and
 * module) in the same transaction. Approving again, or in parallel, is ILLEGAL_TRANSITION: the
 * request row lock makes every later approval see APPROVED, so there is never a second classroom.
 */
export async function approveRequest({ db }: Deps, actor: AuthContext, id: string, input: { note?: string | undefined; title?: string | undefined }) {
  return db.$transaction(async (tx) => {
    const req = await lockRequest(tx, id);
    aiClassroomRequestLifecycle.assertTransition(req.status, 'APPROVED');
    const prefs = prefsOf(req.preferences);
    if (!prefs.courseId || !prefs.moduleId) throw new DomainError('CONFLICT', 'The request names no course module');
    const course = await tx.course.findUnique({ where: { id: prefs.courseId }, select: { id: true, language: true } });
    const mod = await tx.module.findUnique({ where: { id: prefs.moduleId }, select: { id: true, courseId: true } });
    if (!course || !mod || mod.courseId !== course.id) throw new DomainError('CONFLICT', 'The request’s course or module no longer exists');
    const classroom = await tx.aiClassroom.create({
      data: {
        courseId: course.id,
        moduleId: mod.id,
        createdById: actor.userId,
        title: input.title ?? req.topic,
        description: req.description,
        topic: req.topic,
        language: prefs.language ?? course.language,
      },
      select: classroomSelect,
    });
    const now = new Date();
    const updated = await tx.aiClassroomRequest.update({
      where: { id },
      data: { status: 'APPROVED', aiClassroomId: classroom.id, reviewedById: actor.userId, reviewNote: input.note ?? null, reviewedAt: now },
      select: requestSelect,
    });
    await notify(tx, {
      userId: req.requestedById,
      type: 'SUCCESS',
      category: 'AI',
      title: 'Your AI classroom request was approved',
      message: `“${req.topic}” is approved; the classroom is being prepared.${input.note ? ` Note: ${input.note}` : ''}`,
      actionUrl: `/ai-classrooms/${classroom.id}`,
      data: { aiClassroomRequestId: id, aiClassroomId: classroom.id },
    });
    return { request: toRequestView(updated), classroom: toClassroomView(classroom) };
  }, REVIEW_TX);
}

export async function rejectRequest({ db }: Deps, actor: AuthContext, id: string, note: string) {
  return db.$transaction(async (tx) => {
    const req = await lockRequest(tx, id);
    aiClassroomRequestLifecycle.assertTransition(req.status, 'REJECTED');
    const updated = await tx.aiClassroomRequest.update({
      where: { id },
      data: { status: 'REJECTED', reviewedById: actor.userId, reviewNote: note, reviewedAt: new Date() },
      select: requestSelect,
    });
    await notify(tx, {
      userId: req.requestedById,
      type: 'WARNING',
      category: 'AI',
      title: 'Your AI classroom request was not approved',
      message: `“${req.topic}”: ${note}`,
      data: { aiClassroomRequestId: id },
    });
    return toRequestView(updated);
  }, REVIEW_TX);
}

// ---------------------------------------------------------------------------------------------
// Classrooms

export const classroomSelect = {
  id: true,
  courseId: true,
  moduleId: true,
  createdById: true,
  title: true,
  description: true,
  topic: true,
  language: true,
  status: true,
  content: true,
  thumbnailUrl: true,
  durationMinutes: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.AiClassroomSelect;
type ClassroomRow = Prisma.AiClassroomGetPayload<{ select: typeof classroomSelect }>;

export const toClassroomView = (r: ClassroomRow) => ({
  ...r,
  content: (r.content ?? null) as unknown,
  publishedAt: r.publishedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
/** A list row: everything but the (large) content. */
export const toClassroomSummary = (r: ClassroomRow) => {
  const { content: _c, ...rest } = toClassroomView(r);
  return rest;
};

/**
 * What a caller may see: staff every classroom; anyone else the PUBLISHED classrooms of the
 * courses they are enrolled in.
 */
export function visibleClassroomsWhere(actor: AuthContext): Prisma.AiClassroomWhereInput {
  if (isStaff(actor.role)) return {};
  return { status: 'PUBLISHED', course: { enrollments: { some: { userId: actor.userId } } } };
}

export interface ClassroomFilters {
  courseId?: string | undefined;
  moduleId?: string | undefined;
  /** Staff only; others see PUBLISHED whatever they ask. */
  status?: AiClassroomStatus | undefined;
}

export function listClassrooms({ db }: Deps, actor: AuthContext, f: ClassroomFilters, page: Page<Prisma.AiClassroomWhereInput, Prisma.AiClassroomOrderByWithRelationInput>) {
  const where: Prisma.AiClassroomWhereInput[] = [page.where, visibleClassroomsWhere(actor)];
  if (f.courseId) where.push({ courseId: f.courseId });
  if (f.moduleId) where.push({ moduleId: f.moduleId });
  if (f.status) where.push({ status: f.status });
  return db.aiClassroom.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: classroomSelect });
}

/** The classroom if the caller may see it; NOT_FOUND otherwise (never a hint that it exists). */
export async function findVisibleClassroom(db: Reader, actor: AuthContext, id: string) {
  const row = await db.aiClassroom.findFirst({ where: { AND: [{ id }, visibleClassroomsWhere(actor)] }, select: classroomSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such AI classroom');
  return row;
}

export async function getClassroom({ db }: Deps, actor: AuthContext, id: string) {
  return toClassroomView(await findVisibleClassroom(db, actor, id));
}

async function lockClassroom(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."ai_classrooms" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (!row) throw new DomainError('NOT_FOUND', 'No such AI classroom');
  return tx.aiClassroom.findUniqueOrThrow({ where: { id }, select: classroomSelect });
}

export interface ClassroomUpdate {
  title?: string | undefined;
  description?: string | null | undefined;
  topic?: string | null | undefined;
  language?: string | undefined;
  content?: Prisma.InputJsonValue | undefined;
  thumbnailUrl?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  /** DRAFT or READY (content checked by staff): the only moves an edit may make. */
  status?: 'DRAFT' | 'READY' | undefined;
}

/** Staff edit a classroom while it is DRAFT, READY or FAILED; a published or archived one is frozen (409). */
export async function updateClassroom({ db }: Deps, _actor: AuthContext, id: string, input: ClassroomUpdate) {
  return db.$transaction(async (tx) => {
    const row = await lockClassroom(tx, id);
    if (!EDITABLE_CLASSROOM_STATUSES.includes(row.status)) throw new DomainError('CONFLICT', `A ${row.status} classroom cannot be edited`);
    const { status, ...fields } = input;
    if (status && status !== row.status) aiClassroomLifecycle.assertTransition(row.status, status);
    if (status === 'READY' && (input.content ?? row.content) == null) throw new DomainError('CONFLICT', 'A classroom without content cannot be READY');
    const updated = await tx.aiClassroom.update({ where: { id }, data: { ...fields, ...(status ? { status } : {}) }, select: classroomSelect });
    return toClassroomView(updated);
  });
}

/**
 * Publishes a DRAFT or READY classroom that has content; the requests it came from are
 * COMPLETED in the same transaction. Publishing twice is ILLEGAL_TRANSITION.
 */
export async function publishClassroom({ db }: Deps, _actor: AuthContext, id: string) {
  return db.$transaction(async (tx) => {
    const row = await lockClassroom(tx, id);
    aiClassroomLifecycle.assertTransition(row.status, 'PUBLISHED');
    if (row.content == null) throw new DomainError('CONFLICT', 'A classroom without content cannot be published');
    const updated = await tx.aiClassroom.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date() }, select: classroomSelect });
    const requests = await tx.aiClassroomRequest.findMany({ where: { aiClassroomId: id }, select: { id: true, status: true } });
    const done = requests.filter((r) => aiClassroomRequestLifecycle.canTransition(r.status, 'COMPLETED')).map((r) => r.id);
    if (done.length) await tx.aiClassroomRequest.updateMany({ where: { id: { in: done } }, data: { status: 'COMPLETED' } });
    return toClassroomView(updated);
  });
}

export async function archiveClassroom({ db }: Deps, _actor: AuthContext, id: string) {
  return db.$transaction(async (tx) => {
    const row = await lockClassroom(tx, id);
    aiClassroomLifecycle.assertTransition(row.status, 'ARCHIVED');
    const updated = await tx.aiClassroom.update({ where: { id }, data: { status: 'ARCHIVED' }, select: classroomSelect });
    return toClassroomView(updated);
  });
}
