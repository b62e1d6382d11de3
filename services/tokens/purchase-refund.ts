// Refunding a token purchase: one transaction takes the tokens back (they must be unspent),
// records the refund amount, and starts payment/refund/<purchaseId> before it commits; the
// workflow sends the refund to Razorpay with an idempotency key.
import { workflowIds } from '../../domain/ids.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';
import { DomainError } from '../../domain/errors.js';

export async function refundPurchase(deps: ServiceDeps, purchaseId: string, adminId: string, reason: string) {
  const workflowId = workflowIds.purchaseRefund(purchaseId);
  return deps.db.$transaction(
    async (tx) => {
      const [p] = await tx.$queryRaw<{ userId: string; status: string; tokens: number; amountPaise: number; refundedAmountPaise: number; razorpayPaymentId: string | null }[]>`
        SELECT "userId", "status"::text AS "status", "tokens", "amountPaise", "refundedAmountPaise", "razorpayPaymentId"
          FROM "public"."token_purchases" WHERE "id" = ${purchaseId}::uuid FOR UPDATE`;
      if (!p) throw new DomainError('NOT_FOUND', 'No such purchase');
      if (p.status !== 'COMPLETED' || !p.razorpayPaymentId) throw new DomainError('CONFLICT', `A ${p.status} purchase cannot be refunded`);
      if (p.refundedAmountPaise > 0) throw new DomainError('CONFLICT', 'This purchase was already refunded');
      const [wallet] = await tx.$queryRaw<{ balance: number }[]>`SELECT "balance" FROM "public"."tokens" WHERE "userId" = ${p.userId}::uuid FOR UPDATE`;
      if (!wallet || wallet.balance < p.tokens) throw new DomainError('CONFLICT', `The ${p.tokens} tokens bought are no longer all unspent`);
      await tx.token.update({ where: { userId: p.userId }, data: { balance: { decrement: p.tokens }, lifetimePurchased: { decrement: p.tokens } } });
      const promo = await tx.promotionalToken.findUnique({ where: { userId: p.userId }, select: { balance: true } });
      await tx.tokenUsage.create({
        data: {
          userId: p.userId,
          type: 'REFUND',
          amount: -p.tokens,
          paidAmount: p.tokens,
          balanceAfter: wallet.balance - p.tokens + (promo?.balance ?? 0),
          description: `Purchase refunded by an admin: ${reason}`,
          idempotencyKey: `purchase-refund:${purchaseId}`,
        },
      });
      const purchase = await tx.tokenPurchase.update({ where: { id: purchaseId }, data: { refundedAmountPaise: p.amountPaise, failureReason: `refunded: ${reason}` } });
      await deps.temporal.workflow.start('purchaseRefund', {
        taskQueue: deps.config.taskQueue,
        workflowId,
        args: [{ purchaseId }],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        staticSummary: `Refund · ${p.tokens} tokens · ₹${(p.amountPaise / 100).toFixed(2)} · by admin`,
        staticDetails: `Purchase ${purchaseId}, payment ${p.razorpayPaymentId}, requested by ${adminId}: ${reason}`,
        typedSearchAttributes: [
          { key: MasEntityType, value: 'token_purchase_refund' },
          { key: MasEntityId, value: purchaseId },
          { key: MasState, value: 'REFUNDING' },
          { key: MasUserId, value: p.userId },
        ],
      });
      return { purchase, workflowId };
    },
    { timeout: 15_000 },
  );
}
