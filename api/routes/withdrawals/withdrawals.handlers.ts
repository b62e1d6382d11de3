// Mentor payouts. The balance row is locked for every change; a request debits it at once
// (ledger DEBIT, key withdrawal:<id>) and a rejection credits it back (withdrawal-reversal:<id>),
// so the balance can never go negative (there is also a CHECK constraint).
import type { RouteHandler } from '@hono/zod-openapi';
import { withdrawalLifecycle, type WithdrawalStatus } from '../../../domain/withdrawal/status.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import type { decideWithdrawalRoute, listWithdrawalsRoute, myWithdrawalsRoute, requestWithdrawalRoute } from './withdrawals.routes.js';

type Row = { createdAt: Date; decidedAt: Date | null; paidAt: Date | null };
const view = <T extends Row>(w: T) => ({ ...w, createdAt: w.createdAt.toISOString(), decidedAt: w.decidedAt?.toISOString() ?? null, paidAt: w.paidAt?.toISOString() ?? null });
const select = { id: true, userId: true, amountPaise: true, status: true, payoutReference: true, notes: true, createdAt: true, decidedAt: true, paidAt: true } as const;

export const requestWithdrawalHandler: RouteHandler<typeof requestWithdrawalRoute, AppEnv> = async (c) => {
  const userId = c.get('auth')!.userId;
  const { amountPaise } = c.req.valid('json');
  const created = await c.var.deps.db.$transaction(async (tx) => {
    const [earnings] = await tx.$queryRaw<{ balancePaise: number }[]>`
      SELECT "balancePaise" FROM "public"."mentor_earnings" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
    const balance = earnings?.balancePaise ?? 0;
    if (amountPaise > balance) throw new DomainError('UNPROCESSABLE', `You can withdraw at most ${balance} paise`);
    const w = await tx.mentorWithdrawal.create({ data: { userId, amountPaise }, select });
    const after = await tx.mentorEarnings.update({ where: { userId }, data: { balancePaise: { decrement: amountPaise }, withdrawalStatus: 'REQUESTED' } });
    await tx.mentorTransaction.create({
      data: { userId, type: 'DEBIT', amountPaise, balanceAfterPaise: after.balancePaise, description: 'Payout requested', idempotencyKey: `withdrawal:${w.id}` },
    });
    return w;
  });
  return c.json(view(created), 201);
};

export const myWithdrawalsHandler: RouteHandler<typeof myWithdrawalsRoute, AppEnv> = async (c) => {
  const userId = c.get('auth')!.userId;
  const [earnings, items] = await Promise.all([
    c.var.deps.db.mentorEarnings.findUnique({ where: { userId } }),
    c.var.deps.db.mentorWithdrawal.findMany({ where: { userId }, orderBy: { createdAt: 'desc' }, take: 100, select }),
  ]);
  return c.json(
    { balancePaise: earnings?.balancePaise ?? 0, totalEarnedPaise: earnings?.totalEarnedPaise ?? 0, totalWithdrawnPaise: earnings?.totalWithdrawnPaise ?? 0, items: items.map(view) },
    200,
  );
};

export const listWithdrawalsHandler: RouteHandler<typeof listWithdrawalsRoute, AppEnv> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await c.var.deps.db.mentorWithdrawal.findMany({ where: { AND: [page.where, status ? { status } : {}] }, orderBy: page.orderBy, take: limit + 1, select });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(view), nextCursor }, 200);
};

const TARGET: Record<'approve' | 'reject' | 'mark-paid', WithdrawalStatus> = { approve: 'APPROVED', reject: 'REJECTED', 'mark-paid': 'PAID' };

export const decideWithdrawalHandler: RouteHandler<typeof decideWithdrawalRoute, AppEnv> = async (c) => {
  const { id, action } = c.req.valid('param');
  const { notes, payoutReference } = c.req.valid('json');
  const to = TARGET[action];
  if (to === 'PAID' && !payoutReference) throw new DomainError('VALIDATION_FAILED', 'mark-paid needs the payout reference', [{ path: 'json.payoutReference', message: 'Required' }]);
  const adminId = c.get('auth')!.userId;
  const decided = await c.var.deps.db.$transaction(async (tx) => {
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
      select,
    });
  });
  return c.json(view(decided), 200);
};
