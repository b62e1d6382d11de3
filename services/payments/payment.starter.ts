// Starts payment/<kind>/<key>, or signals it, creating it if it is missing (signalWithStart): a
// webhook or a checkout verify that arrives when the first start failed still reaches a run, and
// duplicates only add a signal the workflow ignores. A closed run (the payment settled) is never
// restarted (REJECT_DUPLICATE): signalling it answers false, since a late event changes nothing.
// A webhook for a purchase whose run is an older tokenPurchase reaches it too: the signal names
// are the same, and signalWithStart only starts when no run is open.
import { paymentCapturedSignal, paymentFailedSignal, type PaymentInput, type PaymentKind } from '../../workflows/payment/payment.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';
import { delivered } from '../tokens/token-purchase.starter.js';

type StarterDeps = Pick<ServiceDeps, 'temporal' | 'config'>;

export interface PaymentRef {
  id: string;
  purpose: string;
  subjectId: string | null;
  userId: string | null;
  razorpayOrderId: string;
  amountPaise: number;
  workflowId: string | null;
  description: string | null;
}

const ENTITY_TYPE: Record<PaymentKind, string> = { token: 'token_purchase', application: 'application_payment', 'pap-upfront': 'pap_upfront_payment', 'pap-instalment': 'pap_instalment_payment' };

function startOptions(deps: StarterDeps, p: PaymentRef) {
  if (!p.workflowId || !p.subjectId || !p.userId) throw new Error(`global payment ${p.id} has no workflow, subject or payer`);
  const kind = p.purpose as PaymentKind;
  const input: PaymentInput = { kind, globalPaymentId: p.id, subjectId: p.subjectId, userId: p.userId, orderId: p.razorpayOrderId, timeoutSeconds: deps.config.razorpay.purchaseTimeoutSeconds };
  return {
    taskQueue: deps.config.taskQueue,
    workflowId: p.workflowId,
    args: [input] as [PaymentInput],
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    staticSummary: `${p.description ?? kind} · ₹${(p.amountPaise / 100).toFixed(2)} · ${p.razorpayOrderId}`,
    staticDetails: `Global payment ${p.id} for ${kind} ${p.subjectId}`,
    typedSearchAttributes: [
      { key: MasEntityType, value: ENTITY_TYPE[kind] ?? kind },
      { key: MasEntityId, value: p.subjectId },
      { key: MasState, value: 'PENDING' },
      { key: MasUserId, value: p.userId },
    ],
  };
}

export async function startPayment(deps: StarterDeps, p: PaymentRef): Promise<void> {
  await deps.temporal.workflow.start('payment', { ...startOptions(deps, p), workflowIdConflictPolicy: 'USE_EXISTING' });
}

export function signalCaptured(deps: StarterDeps, p: PaymentRef, paymentId: string, source: 'checkout' | 'webhook'): Promise<boolean> {
  return delivered(() => deps.temporal.workflow.signalWithStart('payment', { ...startOptions(deps, p), signal: paymentCapturedSignal, signalArgs: [{ paymentId, source }] }));
}

export function signalFailed(deps: StarterDeps, p: PaymentRef, paymentId: string): Promise<boolean> {
  return delivered(() => deps.temporal.workflow.signalWithStart('payment', { ...startOptions(deps, p), signal: paymentFailedSignal, signalArgs: [{ paymentId }] }));
}

export const paymentRefSelect = { id: true, purpose: true, subjectId: true, userId: true, razorpayOrderId: true, amountPaise: true, workflowId: true, description: true, status: true, razorpayPaymentId: true } as const;
