// Batches, the cohort spine: staff create and edit them and move them UPCOMING → ACTIVE →
// COMPLETED / CANCELLED (domain/batch/status.ts); students list the open ones. Invariant: a
// batch's capacity never drops below the seats taken (BATCH_ALLOCATED or ENROLLED applications),
// checked under the same row lock allocation takes (services/admissions/placement.ts).
import { batchLifecycle, type BatchStatus } from '../../domain/batch/status.js';
import { DomainError } from '../../domain/errors.js';
import { batchDateErrors, normaliseRupees, seatsLeft } from '../../domain/lms/batch-rules.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { assertBatchRefs, resolveRefs, type ResolvedRefs } from './batch-refs.js';
import type { Tx } from './progress.js';
import { syncLeadRef } from './staff-assignments.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** Application statuses that hold a seat in their batch (as placement.ts counts them). */
export const SEATED = ['BATCH_ALLOCATED', 'ENROLLED'] as const;

export interface BatchInput {
  code?: string | undefined;
  name?: string | undefined;
  description?: string | null | undefined;
  program?: string | null | undefined;
  platform?: string | null | undefined;
  startDate?: string | null | undefined;
  endDate?: string | null | undefined;
  applicationDeadline?: string | null | undefined;
  capacity?: number | null | undefined;
  enrollmentFee?: string | number | undefined;
  currency?: string | undefined;
  bannerS3Key?: string | null | undefined;
  courseId?: string | null | undefined;
  superMentorId?: string | null | undefined;
  cmId?: string | null | undefined;
  batchLeadId?: string | null | undefined;
}

export interface BatchFilters {
  status?: BatchStatus | undefined;
  q?: string | undefined;
  program?: string | undefined;
  courseId?: string | undefined;
}

type BatchRow = Prisma.BatchGetPayload<object>;

const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));
const iso = (d: Date | null) => d?.toISOString() ?? null;

function fee(v: string | number | undefined): string | undefined {
  if (v === undefined) return undefined;
  const rupees = normaliseRupees(v);
  if (rupees === null) throw new DomainError('VALIDATION_FAILED', 'The enrollment fee must be rupees ≥ 0 with at most 2 decimals', [{ path: 'json.enrollmentFee', message: 'Invalid amount' }]);
  return rupees;
}

const codeTaken = (code: string | undefined) => new DomainError('CONFLICT', `A batch with code ${code ?? ''} already exists`, [{ path: 'json.code', message: 'Already taken' }]);

function data(input: BatchInput) {
  return {
    code: input.code,
    name: input.name,
    description: input.description,
    program: input.program,
    platform: input.platform,
    startDate: date(input.startDate),
    endDate: date(input.endDate),
    applicationDeadline: date(input.applicationDeadline),
    capacity: input.capacity,
    enrollmentFee: fee(input.enrollmentFee),
    currency: input.currency,
    bannerS3Key: input.bannerS3Key,
    courseId: input.courseId,
    superMentorId: input.superMentorId,
    cmId: input.cmId,
    batchLeadId: input.batchLeadId,
  };
}

async function seatedCount(tx: Tx, batchIds: string[]): Promise<Map<string, number>> {
  if (batchIds.length === 0) return new Map();
  const rows = await tx.application.groupBy({ by: ['batchId'], where: { batchId: { in: batchIds }, status: { in: [...SEATED] } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.batchId!, r._count._all]));
}

export function toBatchView(b: BatchRow, refs: ResolvedRefs, seated: number) {
  const course = b.courseId ? (refs.courses.get(b.courseId) ?? null) : null;
  const person = (id: string | null) => (id ? (refs.users.get(id) ?? null) : null);
  const danglingRefs = [
    b.courseId && !course ? 'courseId' : null,
    ...(['superMentorId', 'cmId', 'batchLeadId'] as const).map((f) => (b[f] && !refs.users.has(b[f]) ? f : null)),
  ].filter((x): x is string => x !== null);
  return {
    id: b.id,
    code: b.code,
    name: b.name,
    description: b.description,
    program: b.program,
    platform: b.platform,
    status: b.status,
    startDate: iso(b.startDate),
    endDate: iso(b.endDate),
    applicationDeadline: iso(b.applicationDeadline),
    capacity: b.capacity,
    seatsTaken: seated,
    seatsLeft: seatsLeft(b.capacity, seated),
    enrollmentFee: b.enrollmentFee.toFixed(2),
    currency: b.currency,
    bannerS3Key: b.bannerS3Key,
    courseId: b.courseId,
    superMentorId: b.superMentorId,
    cmId: b.cmId,
    batchLeadId: b.batchLeadId,
    course,
    superMentor: person(b.superMentorId),
    communityManager: person(b.cmId),
    batchLead: person(b.batchLeadId),
    danglingRefs,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

async function views(tx: Tx, rows: BatchRow[]) {
  const [refs, seated] = await Promise.all([resolveRefs(tx, rows), seatedCount(tx, rows.map((r) => r.id))]);
  return rows.map((r) => toBatchView(r, refs, seated.get(r.id) ?? 0));
}

async function view(tx: Tx, row: BatchRow) {
  return (await views(tx, [row]))[0]!;
}

export async function createBatch({ db }: Deps, actor: AuthContext, input: BatchInput & { code: string; name: string }) {
  const fields = data(input);
  const dateErrors = batchDateErrors({ startDate: fields.startDate ?? null, endDate: fields.endDate ?? null, applicationDeadline: fields.applicationDeadline ?? null });
  if (dateErrors.length) throw new DomainError('UNPROCESSABLE', 'The batch dates are out of order', dateErrors);
  try {
    return await db.$transaction(async (tx) => {
      await assertBatchRefs(tx, input);
      const batch = await tx.batch.create({ data: { ...fields, code: input.code, name: input.name, status: batchLifecycle.initial } });
      if (batch.superMentorId) await syncLeadRef(tx, 'superMentor', batch.id, batch.superMentorId, actor.userId);
      if (batch.cmId) await syncLeadRef(tx, 'communityManager', batch.id, batch.cmId, actor.userId);
      return view(tx, batch);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(input.code);
    throw err;
  }
}

/** Locks the batch row for the rest of the transaction (the lock allocation also takes). */
export async function lockBatch(tx: Tx, id: string): Promise<BatchRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "public"."batches" WHERE "id" = ${id}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new DomainError('NOT_FOUND', 'No such batch');
  return tx.batch.findUniqueOrThrow({ where: { id } });
}

export async function updateBatch({ db }: Deps, actor: AuthContext, id: string, input: BatchInput) {
  const fields = data(input);
  try {
    return await db.$transaction(async (tx) => {
      const current = await lockBatch(tx, id);
      const pick = <K extends 'startDate' | 'endDate' | 'applicationDeadline'>(k: K) => (fields[k] === undefined ? current[k] : fields[k]);
      const dateErrors = batchDateErrors({ startDate: pick('startDate'), endDate: pick('endDate'), applicationDeadline: pick('applicationDeadline') });
      if (dateErrors.length) throw new DomainError('UNPROCESSABLE', 'The batch dates are out of order', dateErrors);
      if (fields.capacity !== undefined && fields.capacity !== null) {
        const seated = (await seatedCount(tx, [id])).get(id) ?? 0;
        if (fields.capacity < seated)
          throw new DomainError('CONFLICT', `The batch already holds ${seated} allocated or enrolled students; capacity cannot go below that`, [{ path: 'json.capacity', message: `At least ${seated}` }]);
      }
      // Only references that change are checked: an unchanged dangling one is shown flagged, not refused.
      const changed = Object.fromEntries((['courseId', 'superMentorId', 'cmId', 'batchLeadId'] as const).filter((k) => fields[k] !== undefined && fields[k] !== current[k]).map((k) => [k, fields[k]]));
      await assertBatchRefs(tx, changed);
      const batch = await tx.batch.update({ where: { id }, data: fields });
      if ('superMentorId' in changed) await syncLeadRef(tx, 'superMentor', id, batch.superMentorId, actor.userId, current.superMentorId);
      if ('cmId' in changed) await syncLeadRef(tx, 'communityManager', id, batch.cmId, actor.userId, current.cmId);
      return view(tx, batch);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw codeTaken(input.code);
    throw err;
  }
}

export async function setBatchStatus({ db }: Deps, _actor: AuthContext, id: string, status: BatchStatus) {
  return db.$transaction(async (tx) => {
    const current = await lockBatch(tx, id);
    batchLifecycle.assertTransition(current.status, status);
    return view(tx, await tx.batch.update({ where: { id }, data: { status } }));
  });
}

export async function getBatch({ db }: Deps, id: string) {
  const batch = await db.batch.findUnique({ where: { id } });
  if (!batch) throw new DomainError('NOT_FOUND', 'No such batch');
  return db.$transaction((tx) => view(tx, batch));
}

export async function listBatches({ db }: Deps, filters: BatchFilters, page: { where: Prisma.BatchWhereInput; orderBy: Prisma.BatchOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.BatchWhereInput = {
    AND: [
      page.where,
      filters.status ? { status: filters.status } : {},
      filters.program ? { program: filters.program } : {},
      filters.courseId ? { courseId: filters.courseId } : {},
      filters.q ? { OR: [{ name: { contains: filters.q, mode: 'insensitive' } }, { code: { contains: filters.q, mode: 'insensitive' } }] } : {},
    ],
  };
  const rows = await db.batch.findMany({ where, orderBy: page.orderBy, take: page.take });
  return { rows, views: await db.$transaction((tx) => views(tx, rows)) };
}

/**
 * Batches a student can apply to now: UPCOMING or ACTIVE, application deadline not passed, a
 * seat left; on the request's platform when it named one. Newest first.
 */
export async function listOpenBatches({ db }: Deps, platform: string | null, page: { cursor?: { createdAt: Date; id: string } | undefined; take: number }) {
  const now = new Date();
  const after = page.cursor ? Prisma.sql`AND (b."createdAt" < ${page.cursor.createdAt} OR (b."createdAt" = ${page.cursor.createdAt} AND b."id" < ${page.cursor.id}::uuid))` : Prisma.empty;
  const tenant = platform ? Prisma.sql`AND (b."platform" IS NULL OR b."platform" = ${platform})` : Prisma.empty;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT b."id"::text AS "id" FROM "public"."batches" b
     WHERE b."status" IN ('UPCOMING', 'ACTIVE')
       AND (b."applicationDeadline" IS NULL OR b."applicationDeadline" > ${now})
       AND (b."capacity" IS NULL OR b."capacity" > (SELECT count(*) FROM "public"."applications" a WHERE a."batchId" = b."id" AND a."status" IN ('BATCH_ALLOCATED', 'ENROLLED')))
       ${tenant} ${after}
     ORDER BY b."createdAt" DESC, b."id" DESC LIMIT ${page.take}`;
  const rows = await db.batch.findMany({ where: { id: { in: ids.map((r) => r.id) } }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  const [refs, seated] = await db.$transaction((tx) => Promise.all([resolveRefs(tx, rows.map((r) => ({ courseId: r.courseId }))), seatedCount(tx, rows.map((r) => r.id))]));
  return rows.map((b) => {
    const taken = seated.get(b.id) ?? 0;
    const course = b.courseId ? (refs.courses.get(b.courseId) ?? null) : null;
    return {
      id: b.id,
      code: b.code,
      name: b.name,
      description: b.description,
      program: b.program,
      status: b.status,
      startDate: iso(b.startDate),
      endDate: iso(b.endDate),
      applicationDeadline: iso(b.applicationDeadline),
      capacity: b.capacity,
      seatsLeft: seatsLeft(b.capacity, taken),
      enrollmentFee: b.enrollmentFee.toFixed(2),
      currency: b.currency,
      course,
      createdAt: b.createdAt,
    };
  });
}
