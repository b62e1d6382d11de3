// A student's two wallets (paid and promotional), locked together for the rest of the
// transaction; expired promotional tokens count as zero.
import type { Db } from '../../infra/prisma.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export async function lockWallet(tx: Tx, userId: string, now: Date) {
  // Both wallet rows in one locking read (signup creates both).
  const [row] = await tx.$queryRaw<{ paid: number | null; promo: number | null; expiresAt: Date | null }[]>`
    SELECT t."balance" AS "paid", p."balance" AS "promo", p."expiresAt"
      FROM "public"."tokens" t JOIN "public"."promotional_tokens" p ON p."userId" = t."userId"
     WHERE t."userId" = ${userId}::uuid FOR UPDATE OF t, p`;
  if (row) return { paid: row.paid ?? 0, promo: !row.expiresAt || row.expiresAt > now ? (row.promo ?? 0) : 0 };
  // A user missing one of the rows (made before signup created both): lock what exists.
  const [paid] = await tx.$queryRaw<{ balance: number }[]>`SELECT "balance" FROM "public"."tokens" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
  const [promo] = await tx.$queryRaw<{ balance: number; expiresAt: Date | null }[]>`
    SELECT "balance", "expiresAt" FROM "public"."promotional_tokens" WHERE "userId" = ${userId}::uuid FOR UPDATE`;
  return { paid: paid?.balance ?? 0, promo: promo && (!promo.expiresAt || promo.expiresAt > now) ? promo.balance : 0 };
}
