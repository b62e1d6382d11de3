// Starts payment/token/<purchaseId>, or signals it, creating it if it is missing
// (signalWithStart): a webhook or a checkout verify that arrives when the first start failed
// still reaches a run, and duplicates only add a signal the workflow ignores. A run that has
// already closed (the purchase settled) cannot be restarted (REJECT_DUPLICATE): signalling it
// answers false instead of failing, because a late event has nothing left to change.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { workflowIds } from '../../domain/ids.js';
import { paymentCapturedSignal, paymentFailedSignal, type TokenPurchaseInput } from '../../workflows/token-purchase/token-purchase.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';

type StarterDeps = Pick<ServiceDeps, 'temporal' | 'config'>;

interface PurchaseRef {
  id: string;
  userId: string;
  razorpayOrderId: string;
  tokens: number;
  amountPaise: number;
}

function startOptions(deps: StarterDeps, p: PurchaseRef) {
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

export async function startTokenPurchase(deps: StarterDeps, p: PurchaseRef) {
  await deps.temporal.workflow.start('tokenPurchase', { ...startOptions(deps, p), workflowIdConflictPolicy: 'USE_EXISTING' });
  return workflowIds.tokenPurchase(p.id);
}

/** True when a run got the signal; false when the purchase's run had already closed. */
export async function delivered(send: () => Promise<unknown>): Promise<boolean> {
  try {
    await send();
    return true;
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw err;
  }
}

export function signalPaymentCaptured(deps: StarterDeps, p: PurchaseRef, paymentId: string, source: 'checkout' | 'webhook'): Promise<boolean> {
  return delivered(() => deps.temporal.workflow.signalWithStart('tokenPurchase', { ...startOptions(deps, p), signal: paymentCapturedSignal, signalArgs: [{ paymentId, source }] }));
}

export function signalPaymentFailed(deps: StarterDeps, p: PurchaseRef, paymentId: string): Promise<boolean> {
  return delivered(() => deps.temporal.workflow.signalWithStart('tokenPurchase', { ...startOptions(deps, p), signal: paymentFailedSignal, signalArgs: [{ paymentId }] }));
}
