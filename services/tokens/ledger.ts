// Ledger reads: a user's token ledger (token_usage, every debit and credit of their paid,
// promotional and resume tokens), a mentor's earnings ledger (mentor_transactions), and the
// pack catalogue from system config. Rows are only ever read here; writes happen with the
// wallet change they record (booking, refunds, purchases, resume reviews, payouts).
import type { MentorTransactionType, Prisma, TokenUsageType } from '../../prisma/generated/client.js';
import { PRICE_PER_TOKEN_PAISE } from '../../domain/tokens/packs.js';
import type { ServiceDeps } from '../deps.js';
import { readConfig } from '../system-config/read-config.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const ledgerSelect = { id: true, slotId: true, type: true, amount: true, paidAmount: true, promoAmount: true, balanceAfter: true, description: true, createdAt: true } as const satisfies Prisma.TokenUsageSelect;
type LedgerRow = Prisma.TokenUsageGetPayload<{ select: typeof ledgerSelect }>;
export const toLedgerView = (r: LedgerRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

export const mentorTxSelect = { id: true, slotId: true, type: true, amountPaise: true, balanceAfterPaise: true, description: true, createdAt: true } as const satisfies Prisma.MentorTransactionSelect;
type MentorTxRow = Prisma.MentorTransactionGetPayload<{ select: typeof mentorTxSelect }>;
export const toMentorTxView = (r: MentorTxRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

export function tokenLedger(deps: Deps, userId: string, f: { type?: TokenUsageType | undefined }, page: { where: Prisma.TokenUsageWhereInput; orderBy: Prisma.TokenUsageOrderByWithRelationInput[]; take: number }) {
  return deps.db.tokenUsage.findMany({ where: { AND: [page.where, { userId }, f.type ? { type: f.type } : {}] }, orderBy: page.orderBy, take: page.take, select: ledgerSelect });
}

export function mentorTransactions(
  deps: Deps,
  userId: string,
  f: { type?: MentorTransactionType | undefined },
  page: { where: Prisma.MentorTransactionWhereInput; orderBy: Prisma.MentorTransactionOrderByWithRelationInput[]; take: number },
) {
  return deps.db.mentorTransaction.findMany({ where: { AND: [page.where, { userId }, f.type ? { type: f.type } : {}] }, orderBy: page.orderBy, take: page.take, select: mentorTxSelect });
}

/** The packs on sale, cheapest per token first, and the price of a custom amount. */
export async function packCatalogue(deps: Deps) {
  const packs = await readConfig(deps.db, 'tokens.packs');
  const items = Object.entries(packs)
    .map(([id, p]) => ({ id, tokens: p.tokens, amountPaise: p.amountPaise, label: p.label ?? null, paisePerToken: Math.round(p.amountPaise / p.tokens) }))
    .sort((a, b) => a.paisePerToken - b.paisePerToken || a.id.localeCompare(b.id));
  return { items, customPricePerTokenPaise: PRICE_PER_TOKEN_PAISE, currency: 'INR' as const };
}
