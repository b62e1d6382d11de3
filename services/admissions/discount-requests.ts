// Discounts on program applications (superadmin.discount_requests). Sales, or an active community
// manager of the application's batch, asks; staff who did not ask decide. Invariants: at most one
// PENDING request per application (the application row is locked while it is checked), the
// discount never exceeds the fee, and it changes only before payment: an approval re-checks the
// application's status and sets application.discountPaise in the same transaction.
import type { ApplicationStatus } from '../../domain/application/status.js';
import { STAFF } from '../../domain/auth/roles.js';
import { discountRequestLifecycle, type DiscountRequestStatus } from '../../domain/discount-request/status.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { Tx } from '../lms/progress.js';
import { DISCOUNTABLE_STATUSES, lockApplication } from './application-view.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const discountRequestSelect = {
  id: true,
  applicationId: true,
  batchId: true,
  requestedById: true,
  approvedById: true,
  status: true,
  originalAmountPaise: true,
  requestedDiscountPaise: true,
  approvedDiscountPaise: true,
  reason: true,
  decisionNote: true,
  decidedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.DiscountRequestSelect;
type DiscountRequestRow = Prisma.DiscountRequestGetPayload<{ select: typeof discountRequestSelect }>;

export const toDiscountRequestView = (r: DiscountRequestRow) => ({ ...r, decidedAt: r.decidedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

const isStaff = (actor: AuthContext) => STAFF.includes(actor.role);

function assertBeforePayment(status: ApplicationStatus) {
  if (!DISCOUNTABLE_STATUSES.includes(status)) throw new DomainError('CONFLICT', `A discount can change only while the application is ${DISCOUNTABLE_STATUSES.join(', ')}; it is ${status}`);
}

async function isActiveCommunityManager(tx: Tx, userId: string, batchId: string | null) {
  if (!batchId) return false;
  return (await tx.communityManagerAssignment.count({ where: { batchId, communityManagerId: userId, isActive: true } })) > 0;
}

export async function requestDiscount({ db }: Deps, actor: AuthContext, applicationId: string, input: { discountPaise: number; reason: string }) {
  const created = await db.$transaction(async (tx) => {
    const app = await lockApplication(tx, applicationId);
    if (!app) throw new DomainError('NOT_FOUND', 'No such application');
    if (actor.role !== 'SALES' && !(await isActiveCommunityManager(tx, actor.userId, app.batchId))) {
      throw new DomainError('FORBIDDEN', 'Only sales or an active community manager of the batch may ask for a discount');
    }
    assertBeforePayment(app.status);
    const fee = app.feePaise ?? 0;
    if (input.discountPaise > fee) throw new DomainError('UNPROCESSABLE', `The discount exceeds the fee (${fee} paise)`, [{ path: 'json.discountPaise', message: `At most ${fee}` }]);
    const pending = await tx.discountRequest.findFirst({ where: { applicationId, status: 'PENDING' }, select: { id: true } });
    if (pending) throw new DomainError('CONFLICT', `The application already has a pending discount request (${pending.id})`);
    return tx.discountRequest.create({
      data: { applicationId, batchId: app.batchId, requestedById: actor.userId, originalAmountPaise: fee, requestedDiscountPaise: input.discountPaise, reason: input.reason },
      select: discountRequestSelect,
    });
  });
  return toDiscountRequestView(created);
}

async function lockRequest(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ status: DiscountRequestStatus; applicationId: string; requestedById: string | null; requestedDiscountPaise: number }[]>`
    SELECT "status"::text AS "status", "applicationId"::text AS "applicationId", "requestedById"::text AS "requestedById", "requestedDiscountPaise"
      FROM "superadmin"."discount_requests" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
  if (!row) throw new DomainError('NOT_FOUND', 'No such discount request');
  return row;
}

/** Separation of duties: whoever asked never decides. */
function assertNotRequester(actor: AuthContext, requestedById: string | null) {
  if (requestedById === actor.userId) throw new DomainError('FORBIDDEN', 'You cannot decide a discount request you raised');
}

export async function approveDiscount({ db }: Deps, actor: AuthContext, id: string, input: { approvedDiscountPaise?: number | undefined; decisionNote?: string | undefined }) {
  const approved = await db.$transaction(async (tx) => {
    const req = await lockRequest(tx, id);
    assertNotRequester(actor, req.requestedById);
    discountRequestLifecycle.assertTransition(req.status, 'APPROVED');
    const amount = input.approvedDiscountPaise ?? req.requestedDiscountPaise;
    if (amount > req.requestedDiscountPaise) {
      throw new DomainError('UNPROCESSABLE', `The approved discount exceeds the requested ${req.requestedDiscountPaise} paise`, [{ path: 'json.approvedDiscountPaise', message: `At most ${req.requestedDiscountPaise}` }]);
    }
    const app = await lockApplication(tx, req.applicationId);
    if (!app) throw new DomainError('NOT_FOUND', 'The application is gone');
    assertBeforePayment(app.status);
    if (amount > (app.feePaise ?? 0)) throw new DomainError('UNPROCESSABLE', `The discount exceeds the fee (${app.feePaise ?? 0} paise)`);
    await tx.application.update({ where: { id: req.applicationId }, data: { discountPaise: amount } });
    return tx.discountRequest.update({
      where: { id },
      data: { status: 'APPROVED', approvedById: actor.userId, approvedDiscountPaise: amount, decisionNote: input.decisionNote ?? null, decidedAt: new Date() },
      select: discountRequestSelect,
    });
  });
  return toDiscountRequestView(approved);
}

export async function rejectDiscount({ db }: Deps, actor: AuthContext, id: string, decisionNote: string) {
  const rejected = await db.$transaction(async (tx) => {
    const req = await lockRequest(tx, id);
    assertNotRequester(actor, req.requestedById);
    discountRequestLifecycle.assertTransition(req.status, 'REJECTED');
    return tx.discountRequest.update({ where: { id }, data: { status: 'REJECTED', approvedById: actor.userId, decisionNote, decidedAt: new Date() }, select: discountRequestSelect });
  });
  return toDiscountRequestView(rejected);
}

/** The requester withdraws their pending request; to anyone else but staff it does not exist. */
export async function cancelDiscount({ db }: Deps, actor: AuthContext, id: string) {
  const cancelled = await db.$transaction(async (tx) => {
    const req = await lockRequest(tx, id);
    if (req.requestedById !== actor.userId) {
      if (!isStaff(actor)) throw new DomainError('NOT_FOUND', 'No such discount request');
      throw new DomainError('FORBIDDEN', 'Only the requester can cancel a discount request');
    }
    discountRequestLifecycle.assertTransition(req.status, 'CANCELLED');
    return tx.discountRequest.update({ where: { id }, data: { status: 'CANCELLED', decidedAt: new Date() }, select: discountRequestSelect });
  });
  return toDiscountRequestView(cancelled);
}

export interface DiscountRequestFilters {
  status?: DiscountRequestStatus | undefined;
  applicationId?: string | undefined;
  batchId?: string | undefined;
}

/** Staff see every request; anyone else only the requests they raised. */
export function listDiscountRequests(
  { db }: Deps,
  actor: AuthContext,
  f: DiscountRequestFilters,
  page: { where: Prisma.DiscountRequestWhereInput; orderBy: Prisma.DiscountRequestOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.DiscountRequestWhereInput[] = [page.where];
  if (!isStaff(actor)) where.push({ requestedById: actor.userId });
  if (f.status) where.push({ status: f.status });
  if (f.applicationId) where.push({ applicationId: f.applicationId });
  if (f.batchId) where.push({ batchId: f.batchId });
  return db.discountRequest.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: discountRequestSelect });
}
