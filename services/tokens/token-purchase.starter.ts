// Starts payment/token/<purchaseId>, or signals it, creating it if it is missing
// (signalWithStart): a webhook or a checkout verify that arrives when the first start failed
// still reaches a run, and duplicates only add a signal the workflow ignores.
import { workflowIds } from '../../domain/ids.js';
import { paymentCapturedSignal, paymentFailedSignal, type TokenPurchaseInput } from '../../workflows/token-purchase/token-purchase.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';

interface PurchaseRef {
  id: string;
  userId: string;
  razorpayOrderId: string;
  tokens: number;
  amountPaise: number;
}

function startOptions(deps: ServiceDeps, p: PurchaseRef) {
  const input: TokenPurchaseInput = { purchaseId: p.id, orderId: p.razorpayOrderId, userId: p.userId, timeoutSeconds: deps.config.razorpay.purchaseTimeoutSeconds };
  return {
    taskQueue: deps.config.taskQueue,
    workflowId: workflowIds.tokenPurchase(p.id),
    args: [input] as [TokenPurchaseInput],
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    staticSummary: `Token purchase · ${p.tokens} tokens · ₹${(p.amountPaise / 100).toFixed(2)} · ${p.razorpayOrderId}`,
    typedSearchAttributes: [
      { key: MasEntityType, value: 'token_purchase' },
      { key: MasEntityId, value: p.id },
      { key: MasState, value: 'PENDING' },
      { key: MasUserId, value: p.userId },
    ],
  };
}

export async function startTokenPurchase(deps: ServiceDeps, p: PurchaseRef) {
  await deps.temporal.workflow.start('tokenPurchase', { ...startOptions(deps, p), workflowIdConflictPolicy: 'USE_EXISTING' });
  return workflowIds.tokenPurchase(p.id);
}

export async function signalPaymentCaptured(deps: ServiceDeps, p: PurchaseRef, paymentId: string, source: 'checkout' | 'webhook') {
  await deps.temporal.workflow.signalWithStart('tokenPurchase', { ...startOptions(deps, p), signal: paymentCapturedSignal, signalArgs: [{ paymentId, source }] });
}

export async function signalPaymentFailed(deps: ServiceDeps, p: PurchaseRef, paymentId: string) {
  await deps.temporal.workflow.signalWithStart('tokenPurchase', { ...startOptions(deps, p), signal: paymentFailedSignal, signalArgs: [{ paymentId }] });
}
