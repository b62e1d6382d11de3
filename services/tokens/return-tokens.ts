// Returning tokens to a student's wallets with the ledger row that records it, inside the
// caller's transaction (which already holds the slot lock). Shared by a cancellation refund
// (api) and a lapsed hold's release (worker activity). The ledger row's unique idempotency
// key makes a repeat fail the transaction instead of paying twice.
import type { Db } from '../../infra/prisma.js';
import type { TokenUsageType } from '../../prisma/generated/client.js';
import { lockWallet } from './wallet.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface ReturnedTokens {
  paid: number;
  promo: number;
}

export interface LedgerEntry {
  slotId: string;
  type: Extract<TokenUsageType, 'REFUND' | 'HOLD_RELEASE'>;
  /** Signed as the ledger keeps it. */
  amount: number;
  description: string;
  idempotencyKey: string;
}

export async function returnTokens(tx: Tx, userId: string, back: ReturnedTokens, entry: LedgerEntry, now: Date): Promise<void> {
  if (back.paid) await tx.token.update({ where: { userId }, data: { balance: { increment: back.paid }, lifetimeSpent: { decrement: back.paid } } });
  if (back.promo) await tx.promotionalToken.update({ where: { userId }, data: { balance: { increment: back.promo } } });
  // The spendable balance after the return, as every ledger row records it (expired promo = 0).
  const wallet = await lockWallet(tx, userId, now);
  await tx.tokenUsage.create({
    data: {
      userId,
      slotId: entry.slotId,
      type: entry.type,
      amount: entry.amount,
      paidAmount: back.paid,
      promoAmount: back.promo,
      balanceAfter: wallet.paid + wallet.promo,
      description: entry.description,
      idempotencyKey: entry.idempotencyKey,
    },
  });
}
