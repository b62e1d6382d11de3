// Mentor payouts. The balance row is locked for every change; a request debits it at once
// (ledger DEBIT, key withdrawal:<id>) and a rejection credits it back (withdrawal-reversal:<id>),
// so the balance can never go negative (there is also a CHECK constraint).
import { DomainError } from '../../domain/errors.js';
import { withdrawalLifecycle, type WithdrawalStatus } from '../../domain/withdrawal/status.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const withdrawalSelect = { id: true, userId: true, amountPaise: true, status: true, payoutReference: true, notes: true, createdAt: true, decidedAt: true, paidAt: true } as const satisfies Prisma.MentorWithdrawalSelect;
type WithdrawalRow = Prisma.MentorWithdrawalGetPayload<{ select: typeof withdrawalSelect }>;

export const toWithdrawalView = (w: WithdrawalRow) => ({ ...w, createdAt: w.createdAt.toISOString(), decidedAt: w.decidedAt?.toISOString() ?? null, paidAt: w.paidAt?.toISOString() ?? null });

export async function requestWithdrawal({ db }: Deps, userId: string, amountPaise: number) {
  const created = await db.$transaction(async (tx) => {
    const [earnings] = await tx.$queryRaw<{ balancePaise: number }[]>`
      SELECT "balancePaise" FROM "public"."mentor_earnings" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
    const balance = earnings?.balancePaise ?? 0;
    if (amountPaise > balance) throw new DomainError('UNPROCESSABLE', `You can withdraw at most ${balance} paise`);
    const w = await tx.mentorWithdrawal.create({ data: { userId, amountPaise }, select: withdrawalSelect });
    const after = await tx.mentorEarnings.update({ where: { userId }, data: { balancePaise: { decrement: amountPaise }, withdrawalStatus: 'REQUESTED' } });
    await tx.mentorTransaction.create({
      data: { userId, type: 'DEBIT', amountPaise, balanceAfterPaise: after.balancePaise, description: 'Payout requested', idempotencyKey: `withdrawal:${w.id}` },
    });
    return w;
  });
  return toWithdrawalView(created);
}

/** The mentor's balance and their latest 100 requests. */
export async function myWithdrawals({ db }: Deps, userId: string) {
  const [earnings, items] = await Promise.all([
    db.mentorEarnings.findUnique({ where: { userId } }),
    db.mentorWithdrawal.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 100, select: withdrawalSelect }),
  ]);
  return { balancePaise: earnings?.balancePaise ?? 0, totalEarnedPaise: earnings?.totalEarnedPaise ?? 0, totalWithdrawnPaise: earnings?.totalWithdrawnPaise ?? 0, items: items.map(toWithdrawalView) };
}

/** One page (the caller's keyset `where`/`orderBy`, limit + 1 rows) of requests. */
export function listWithdrawals(
  { db }: Deps,
  q: { page: { where: Prisma.MentorWithdrawalWhereInput; orderBy: Prisma.MentorWithdrawalOrderByWithRelationInput[] }; take: number; status?: WithdrawalStatus | undefined },
) {
  return db.mentorWithdrawal.findMany({ where: { AND: [q.page.where, q.status ? { status: q.status } : {}] }, orderBy: q.page.orderBy, take: q.take, select: withdrawalSelect });
}

export const WITHDRAWAL_ACTIONS = { approve: 'APPROVED', reject: 'REJECTED', 'mark-paid': 'PAID' } as const satisfies Record<string, WithdrawalStatus>;

export async function decideWithdrawal({ db }: Deps, adminId: string, id: string, action: keyof typeof WITHDRAWAL_ACTIONS, body: { notes?: string | undefined; payoutReference?: string | undefined }) {
  const to: WithdrawalStatus = WITHDRAWAL_ACTIONS[action];
  const { notes, payoutReference } = body;
  if (to === 'PAID' && !payoutReference) throw new DomainError('VALIDATION_FAILED', 'mark-paid needs the payout reference', [{ path: 'json.payoutReference', message: 'Required' }]);
  const decided = await db.$transaction(async (tx) => {
    const [w] = await tx.$queryRaw<{ status: WithdrawalStatus; userId: string; amountPaise: number }[]>`
      SELECT "status"::text AS "status", "userId", "amountPaise" FROM "public"."mentor_withdrawals" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!w) throw new DomainError('NOT_FOUND', 'No such request');
    withdrawalLifecycle.assertTransition(w.status, to);
    const now = new Date();
    if (to === 'REJECTED') {
      const after = await tx.mentorEarnings.update({ where: { userId: w.userId }, data: { balancePaise: { increment: w.amountPaise } } });
      await tx.mentorTransaction.create({
        data: { userId: w.userId, type: 'CREDIT', amountPaise: w.amountPaise, balanceAfterPaise: after.balancePaise, description: 'Payout rejected; returned', idempotencyKey: `withdrawal-reversal:${id}` },
      });
    }
    if (to === 'PAID') await tx.mentorEarnings.update({ where: { userId: w.userId }, data: { totalWithdrawnPaise: { increment: w.amountPaise }, withdrawalStatus: 'PAID' } });
    return tx.mentorWithdrawal.update({
      where: { id },
      data: { status: to, notes: notes ?? undefined, decidedById: adminId, decidedAt: to === 'PAID' ? undefined : now, ...(to === 'PAID' ? { paidAt: now, payoutReference } : {}) },
      select: withdrawalSelect,
    });
  });
  return toWithdrawalView(decided);
}
