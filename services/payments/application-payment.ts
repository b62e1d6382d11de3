// Paying an approved program application: the amount due (fee less the approved discount) as one
// GST invoice line for coaching (SAC 999293), with the discount shown, through the payment
// workflow payment/application/<globalPaymentId>. A re-click while an order is open gets the same
// order back; checkout's callback is verified against our order id and signals the run. The run
// moves the application APPROVED → PAYMENT_RECEIVED on capture and → PAID with the invoice.
// With nothing due (a full discount) the fee is waived: PAID at once, with no order and no invoice.
import { amountDuePaise } from '../../domain/application/fee.js';
import { applicationLifecycle } from '../../domain/application/status.js';
import { DomainError } from '../../domain/errors.js';
import { COACHING_SAC } from '../../domain/finance/gst.js';
import type { BillingAddress } from '../../domain/finance/invoice.js';
import { verifyCheckoutSignature } from '../../providers/razorpay/signatures.js';
import type { Tx } from '../../infra/prisma.js';
import { lockApplication } from '../admissions/application-view.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { checkBuyer, openPayment } from './open-payment.js';
import { paymentRefSelect, signalCaptured } from './payment.starter.js';

export interface ApplicationBilling {
  /** The name on the invoice (a company paying for its employee); default the applicant's. */
  name?: string | undefined;
  gstin?: string | undefined;
  address?: BillingAddress | undefined;
}

type PayDeps = Pick<ServiceDeps, 'db' | 'razorpay' | 'temporal' | 'logger' | 'config'>;

async function ownApplication(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string) {
  const app = await deps.db.application.findUnique({ where: { id }, include: { batch: { select: { name: true, code: true } } } });
  if (!app || app.userId !== auth.userId) throw new DomainError('NOT_FOUND', 'No such application of yours');
  return app;
}

function checkoutOf(deps: PayDeps, ref: { id: string; razorpayOrderId: string; amountPaise: number; workflowId: string | null }, application: { id: string; status: string }) {
  return {
    applicationId: application.id,
    status: application.status,
    globalPaymentId: ref.id,
    workflowId: ref.workflowId,
    checkout: { key: deps.config.razorpay.keyId, order_id: ref.razorpayOrderId, amount: ref.amountPaise, currency: 'INR' as const, name: 'MAS program fee' },
  };
}

/** An application under a PAP agreement is paid (upfront or after placement) through the agreement. */
async function assertNoPapAgreement(deps: Pick<ServiceDeps, 'db'>, applicationId: string) {
  const pap = await deps.db.mas101PapWorkflow.findUnique({ where: { applicationId }, select: { id: true } });
  if (pap) throw new DomainError('CONFLICT', `This application is paid through its PAP agreement ${pap.id} (POST /api/pap/${pap.id}/payment-option)`);
}

export async function payApplication(deps: PayDeps, auth: AuthContext, applicationId: string, billing: ApplicationBilling) {
  const app = await ownApplication(deps, auth, applicationId);
  if (app.status !== 'APPROVED') throw new DomainError('ILLEGAL_TRANSITION', `A ${app.status} application cannot be paid for; it must be APPROVED`);
  await assertNoPapAgreement(deps, app.id);
  const due = amountDuePaise(app);
  if (due <= 0) return waiveFee(deps, app.id);
  const buyer = await checkBuyer(deps, { name: billing.name ?? app.name, email: app.email, phone: app.phone, gstin: billing.gstin ?? null, address: billing.address ?? null }, 'json');
  if (buyer.gstin && !buyer.address) throw new DomainError('BAD_REQUEST', 'A B2B invoice needs the buyer’s address', [{ path: 'json.address', message: 'Required with a GSTIN' }]);
  // An open order for the same amount and buyer is handed back instead of a second order: checked
  // here, and again under the application's row lock once the order exists (concurrent clicks).
  const openOrder = (db: Pick<Tx, 'globalPayment'>) =>
    db.globalPayment.findFirst({
      where: { purpose: 'application', subjectId: app.id, status: { in: ['CREATED', 'AUTHORIZED'] }, amountPaise: due, customerGstin: buyer.gstin ?? null },
      orderBy: { createdAt: 'desc' },
      select: paymentRefSelect,
    });
  const open = await openOrder(deps.db);
  if (open) return checkoutOf(deps, open, app);
  const batch = app.batch ? `${app.batch.name} (${app.batch.code})` : 'MAS program';
  const opened = await openPayment(deps, {
    kind: 'application',
    subjectId: app.id,
    userId: app.userId,
    platform: app.platform,
    description: `Program fee · ${batch}`,
    items: [{ description: `Program fee: ${batch}`, sac: COACHING_SAC, listGrossPaise: app.feePaise ?? due, chargedGrossPaise: due }],
    buyer,
    claim: async (tx) => {
      const locked = await lockApplication(tx, app.id);
      if (await tx.mas101PapWorkflow.count({ where: { applicationId: app.id } })) throw new DomainError('CONFLICT', 'This application is paid through its PAP agreement');
      if (locked?.status !== 'APPROVED') throw new DomainError('ILLEGAL_TRANSITION', `A ${locked?.status ?? 'deleted'} application cannot be paid for; it must be APPROVED`);
      if (amountDuePaise(locked) !== due) throw new DomainError('CONFLICT', 'The amount due changed while the order was made; try again');
      return openOrder(tx);
    },
    onRecorded: async (tx, ref) => {
      await tx.application.update({ where: { id: app.id }, data: { razorpayOrderId: ref.razorpayOrderId } });
    },
  });
  return checkoutOf(deps, opened.ref, app);
}

/**
 * Nothing due (a full discount): APPROVED → PAYMENT_RECEIVED → PAID at once, both moves checked,
 * in one transaction under the application's lock. No payment row, no Razorpay order and no
 * invoice: there is no consideration to tax.
 */
async function waiveFee(deps: Pick<ServiceDeps, 'db'>, applicationId: string) {
  const now = new Date();
  const status = await deps.db.$transaction(async (tx) => {
    const locked = await lockApplication(tx, applicationId);
    if (locked?.status !== 'APPROVED') throw new DomainError('ILLEGAL_TRANSITION', `A ${locked?.status ?? 'deleted'} application cannot be paid for; it must be APPROVED`);
    if (amountDuePaise(locked) > 0) throw new DomainError('CONFLICT', 'The amount due changed; try again');
    applicationLifecycle.assertTransition('APPROVED', 'PAYMENT_RECEIVED');
    applicationLifecycle.assertTransition('PAYMENT_RECEIVED', 'PAID');
    await tx.application.update({ where: { id: applicationId }, data: { status: 'PAID', amountPaidPaise: 0, paidAt: now } });
    return 'PAID' as const;
  });
  return { applicationId, status, globalPaymentId: null, workflowId: null, checkout: null };
}

export async function verifyApplicationPayment(deps: PayDeps, auth: AuthContext, applicationId: string, body: { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string }) {
  const app = await ownApplication(deps, auth, applicationId);
  // The order must be one of ours for this application; its id, not the request's, is signed over.
  const gp = await deps.db.globalPayment.findFirst({ where: { purpose: 'application', subjectId: app.id, razorpayOrderId: body.razorpay_order_id }, select: paymentRefSelect });
  if (!gp || !verifyCheckoutSignature(gp.razorpayOrderId, body.razorpay_payment_id, body.razorpay_signature, deps.config.razorpay.keySecret)) {
    throw new DomainError('BAD_REQUEST', 'The payment signature does not match', [{ path: 'json.razorpay_signature', message: 'Invalid signature' }]);
  }
  if (gp.status === 'CREATED' || gp.status === 'AUTHORIZED') await signalCaptured(deps, gp, body.razorpay_payment_id, 'checkout');
  return { applicationId: app.id, status: app.status, globalPaymentId: gp.id, workflowId: gp.workflowId };
}
