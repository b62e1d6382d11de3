// What each kind of payment does to the thing paid for, inside the settling transaction:
//   token:       captured → the purchase COMPLETED with the tokens credited; no money → FAILED/CANCELLED.
//   application: captured → APPROVED → PAYMENT_RECEIVED (the amount, the payment id, paidAt);
//                invoiced → PAYMENT_RECEIVED → PAID; no money → the application stays APPROVED.
//   pap-upfront: the subject is the PAP agreement; its application moves exactly as for a fee
//                (the PAP run hears the outcome from the payment run and enrols the student).
//   pap-instalment: the subject is one instalment of a PAP collection: captured → PAID, once
//                (the PAP run hears it and completes the agreement when nothing is left due).
// Each move is a conditional update, so a second call (a duplicate webhook, a retried activity)
// changes nothing and answers false.
import { applicationLifecycle } from '../../domain/application/status.js';
import type { Tx } from '../../infra/prisma.js';
import type { PaymentKind } from '../../workflows/payment/payment.contract.js';
import { markInstalmentPaid } from '../pap/collection.js';
import { closePurchaseInTx, creditPurchaseInTx } from '../tokens/purchase-settlement.js';

export interface CapturedPayment {
  paymentId: string;
  orderId: string;
  amountPaise: number;
}

interface Subject {
  captured(tx: Tx, subjectId: string, p: CapturedPayment): Promise<boolean>;
  invoiced(tx: Tx, subjectId: string): Promise<void>;
  unpaid(tx: Tx, subjectId: string, status: 'FAILED' | 'CANCELLED', reason: string): Promise<void>;
}

const token: Subject = {
  captured: (tx, purchaseId, p) => creditPurchaseInTx(tx, purchaseId, p.paymentId),
  invoiced: async () => {},
  unpaid: (tx, purchaseId, status, reason) => closePurchaseInTx(tx, purchaseId, status, reason),
};

const application: Subject = {
  async captured(tx, applicationId, p) {
    applicationLifecycle.assertTransition('APPROVED', 'PAYMENT_RECEIVED');
    const moved = await tx.application.updateMany({
      where: { id: applicationId, status: 'APPROVED' },
      data: { status: 'PAYMENT_RECEIVED', amountPaidPaise: p.amountPaise, razorpayOrderId: p.orderId, razorpayPaymentId: p.paymentId, paidAt: new Date() },
    });
    return moved.count === 1;
  },
  async invoiced(tx, applicationId) {
    applicationLifecycle.assertTransition('PAYMENT_RECEIVED', 'PAID');
    await tx.application.updateMany({ where: { id: applicationId, status: 'PAYMENT_RECEIVED' }, data: { status: 'PAID' } });
  },
  unpaid: async () => {},
};

async function papApplicationId(tx: Tx, papId: string): Promise<string | null> {
  const pap = await tx.mas101PapWorkflow.findUnique({ where: { id: papId }, select: { applicationId: true } });
  return pap?.applicationId ?? null;
}

const papUpfront: Subject = {
  async captured(tx, papId, p) {
    const applicationId = await papApplicationId(tx, papId);
    return applicationId ? application.captured(tx, applicationId, p) : false;
  },
  async invoiced(tx, papId) {
    const applicationId = await papApplicationId(tx, papId);
    if (applicationId) await application.invoiced(tx, applicationId);
  },
  unpaid: async () => {},
};

const papInstalment: Subject = {
  captured: (tx, instalmentId, p) => markInstalmentPaid(tx, instalmentId, p.orderId, new Date()),
  invoiced: async () => {},
  unpaid: async () => {},
};

export const SUBJECTS: Record<PaymentKind, Subject> = { token, application, 'pap-upfront': papUpfront, 'pap-instalment': papInstalment };

export function subjectOf(purpose: string): Subject {
  const s = SUBJECTS[purpose as PaymentKind];
  if (!s) throw new Error(`global payment purpose ${purpose} has no settlement rules`);
  return s;
}
