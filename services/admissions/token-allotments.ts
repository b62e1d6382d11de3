// Batch token allotments (token_allotment_requests): staff or the batch's lead ask for N tokens
// per student; a SUPERADMIN approves, and every student ENROLLED in the batch is credited in the
// same transaction. Invariant: one grant per student per request. The request row is locked and
// moved PENDING → APPROVED → FULFILLED once (a second approval finds FULFILLED: 409), and every
// ledger row carries the unique key allotment:<requestId>:<userId>.
import { STAFF } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import { tokenAllotmentLifecycle, type TokenAllotmentStatus } from '../../domain/token-allotment/status.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const allotmentSelect = {
  id: true,
  batchId: true,
  requestedById: true,
  decidedById: true,
  tokensPerStudent: true,
  reason: true,
  status: true,
  decidedAt: true,
  fulfilledAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TokenAllotmentRequestSelect;
type AllotmentRow = Prisma.TokenAllotmentRequestGetPayload<{ select: typeof allotmentSelect }>;

export const toAllotmentView = (r: AllotmentRow) => ({
  ...r,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  fulfilledAt: r.fulfilledAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const isStaff = (actor: AuthContext) => STAFF.includes(actor.role);
export const allotmentKey = (requestId: string, userId: string) => `allotment:${requestId}:${userId}`;

export async function requestAllotment({ db }: Deps, actor: AuthContext, input: { batchId: string; tokensPerStudent: number; reason: string }) {
  const batch = await db.batch.findUnique({ where: { id: input.batchId }, select: { batchLeadId: true } });
  if (!batch) throw new DomainError('UNPROCESSABLE', 'No such batch', [{ path: 'json.batchId', message: 'No such batch' }]);
  if (!isStaff(actor) && batch.batchLeadId !== actor.userId) throw new DomainError('FORBIDDEN', 'Only staff or the batch lead may ask for a token allotment');
  const created = await db.tokenAllotmentRequest.create({ data: { requestedById: actor.userId, ...input }, select: allotmentSelect });
  return toAllotmentView(created);
}

/** A batch of hundreds of students is credited in one transaction: give it room. */
const GRANT_TX = { maxWait: 10_000, timeout: 30_000 };

export async function approveAllotment({ db }: Deps, actor: AuthContext, id: string) {
  return db.$transaction(async (tx) => {
    const [req] = await tx.$queryRaw<{ status: TokenAllotmentStatus; batchId: string | null; tokensPerStudent: number }[]>`
      SELECT "status"::text AS "status", "batchId"::text AS "batchId", "tokensPerStudent" FROM "public"."token_allotment_requests" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
    if (!req) throw new DomainError('NOT_FOUND', 'No such token allotment request');
    tokenAllotmentLifecycle.assertTransition(req.status, 'APPROVED');
    tokenAllotmentLifecycle.assertTransition('APPROVED', 'FULFILLED');
    if (!req.batchId) throw new DomainError('UNPROCESSABLE', 'The batch of this request no longer exists');
    const n = req.tokensPerStudent;
    const enrolled = await tx.application.findMany({ where: { batchId: req.batchId, status: 'ENROLLED' }, select: { userId: true }, distinct: ['userId'] });
    const students = enrolled.map((a) => a.userId);
    // Belt and braces under the row lock: a student whose ledger row exists is not credited again.
    const done = new Set((await tx.tokenUsage.findMany({ where: { idempotencyKey: { in: students.map((u) => allotmentKey(id, u)) } }, select: { userId: true } })).map((r) => r.userId));
    // Sorted, so that two grants touching the same wallets lock them in the same order.
    const toGrant = students.filter((u) => !done.has(u)).sort();
    if (toGrant.length > 0) {
      const wallets = await tx.$queryRaw<{ userId: string; balance: number }[]>`
        INSERT INTO "public"."tokens" ("userId", "balance")
        SELECT u, ${n}::int FROM unnest(${toGrant}::uuid[]) AS u
        ON CONFLICT ("userId") DO UPDATE SET "balance" = "tokens"."balance" + EXCLUDED."balance", "updatedAt" = now()
        RETURNING "userId"::text AS "userId", "balance"`;
      const now = new Date();
      const promos = await tx.promotionalToken.findMany({ where: { userId: { in: toGrant } }, select: { userId: true, balance: true, expiresAt: true } });
      // The spendable balance after the credit, as every ledger row records it (expired promo = 0).
      const promo = new Map(promos.map((p) => [p.userId, !p.expiresAt || p.expiresAt > now ? p.balance : 0]));
      await tx.tokenUsage.createMany({
        data: wallets.map((w) => ({
          userId: w.userId,
          type: 'ALLOTMENT' as const,
          amount: n,
          paidAmount: n,
          balanceAfter: w.balance + (promo.get(w.userId) ?? 0),
          description: `Batch allotment of ${n} tokens (request ${id})`,
          idempotencyKey: allotmentKey(id, w.userId),
        })),
      });
    }
    const now = new Date();
    const fulfilled = await tx.tokenAllotmentRequest.update({ where: { id }, data: { status: 'FULFILLED', decidedById: actor.userId, decidedAt: now, fulfilledAt: now }, select: allotmentSelect });
    return { ...toAllotmentView(fulfilled), studentsGranted: toGrant.length, tokensGranted: toGrant.length * n };
  }, GRANT_TX);
}

export async function rejectAllotment({ db }: Deps, actor: AuthContext, id: string) {
  const rejected = await db.$transaction(async (tx) => {
    const [req] = await tx.$queryRaw<{ status: TokenAllotmentStatus }[]>`
      SELECT "status"::text AS "status" FROM "public"."token_allotment_requests" WHERE "id" = ${id}::uuid FOR NO KEY UPDATE`;
    if (!req) throw new DomainError('NOT_FOUND', 'No such token allotment request');
    tokenAllotmentLifecycle.assertTransition(req.status, 'REJECTED');
    return tx.tokenAllotmentRequest.update({ where: { id }, data: { status: 'REJECTED', decidedById: actor.userId, decidedAt: new Date() }, select: allotmentSelect });
  });
  return toAllotmentView(rejected);
}

export interface AllotmentFilters {
  status?: TokenAllotmentStatus | undefined;
  batchId?: string | undefined;
}

/** Staff see every request; anyone else (a batch lead) only the requests they raised. */
export function listAllotments(
  { db }: Deps,
  actor: AuthContext,
  f: AllotmentFilters,
  page: { where: Prisma.TokenAllotmentRequestWhereInput; orderBy: Prisma.TokenAllotmentRequestOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.TokenAllotmentRequestWhereInput[] = [page.where];
  if (!isStaff(actor)) where.push({ requestedById: actor.userId });
  if (f.status) where.push({ status: f.status });
  if (f.batchId) where.push({ batchId: f.batchId });
  return db.tokenAllotmentRequest.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: allotmentSelect });
}
