// The upfront option of a PAP agreement: the application's amount due as one GST invoice line for
// coaching (SAC 999293), through the one payment workflow as kind pap-upfront (subject: the PAP
// row). The payment run moves the application APPROVED → PAYMENT_RECEIVED → PAID and then
// signals the PAP run, which enrols the student. A re-click while an order is open gets it back.
import { amountDuePaise } from '../../domain/application/fee.js';
import { DomainError } from '../../domain/errors.js';
import { COACHING_SAC } from '../../domain/finance/gst.js';
import type { Tx } from '../../infra/prisma.js';
import { verifyCheckoutSignature } from '../../providers/razorpay/signatures.js';
import { lockApplication } from '../admissions/application-view.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { ApplicationBilling } from '../payments/application-payment.js';
import { checkBuyer, openPayment } from '../payments/open-payment.js';
import { paymentRefSelect, signalCaptured } from '../payments/payment.starter.js';

type PayDeps = Pick<ServiceDeps, 'db' | 'razorpay' | 'temporal' | 'logger' | 'config'>;

async function ownPapForPayment(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string) {
  const pap = await deps.db.mas101PapWorkflow.findUnique({
    where: { id },
    select: { id: true, userId: true, status: true, application: { select: { id: true, userId: true, status: true, name: true, email: true, phone: true, platform: true, feePaise: true, discountPaise: true } }, batch: { select: { name: true, code: true } } },
  });
  if (!pap || pap.userId !== auth.userId) throw new DomainError('NOT_FOUND', 'No such PAP agreement of yours');
  return pap;
}

function checkoutOf(deps: PayDeps, papId: string, ref: { id: string; razorpayOrderId: string; amountPaise: number; workflowId: string | null }, name = 'MAS program fee (upfront)') {
  return {
    papId,
    globalPaymentId: ref.id,
    workflowId: ref.workflowId,
    checkout: { key: deps.config.razorpay.keyId, order_id: ref.razorpayOrderId, amount: ref.amountPaise, currency: 'INR' as const, name },
  };
}

/** The student's open order for a subject at this amount and GSTIN, handed back on a re-click. */
const openOrderOf = (purpose: 'pap-upfront' | 'pap-instalment', subjectId: string, amountPaise: number, gstin: string | null) => (db: Pick<Tx, 'globalPayment'>) =>
  db.globalPayment.findFirst({
    where: { purpose, subjectId, status: { in: ['CREATED', 'AUTHORIZED'] }, amountPaise, customerGstin: gstin },
    orderBy: { createdAt: 'desc' },
    select: paymentRefSelect,
  });

async function billedBuyer(deps: PayDeps, app: { name: string; email: string; phone: string | null }, billing: ApplicationBilling) {
  const buyer = await checkBuyer(deps, { name: billing.name ?? app.name, email: app.email, phone: app.phone, gstin: billing.gstin ?? null, address: billing.address ?? null }, 'json');
  if (buyer.gstin && !buyer.address) throw new DomainError('BAD_REQUEST', 'A B2B invoice needs the buyer’s address', [{ path: 'json.address', message: 'Required with a GSTIN' }]);
  return buyer;
}

export async function payPapUpfront(deps: PayDeps, auth: AuthContext, papId: string, billing: ApplicationBilling) {
  const pap = await ownPapForPayment(deps, auth, papId);
  if (pap.status !== 'PENDING_UPFRONT_PAYMENT') throw new DomainError('ILLEGAL_TRANSITION', `The upfront fee is paid while PENDING_UPFRONT_PAYMENT; this agreement is ${pap.status}`);
  const app = pap.application;
  if (app.status !== 'APPROVED') throw new DomainError('ILLEGAL_TRANSITION', `The application is ${app.status}; it must be APPROVED to be paid for`);
  const due = amountDuePaise(app);
  if (due <= 0) throw new DomainError('UNPROCESSABLE', 'Nothing is due on this application');
  const buyer = await billedBuyer(deps, app, billing);
  const openOrder = openOrderOf('pap-upfront', pap.id, due, buyer.gstin ?? null);
  const open = await openOrder(deps.db);
  if (open) return checkoutOf(deps, pap.id, open);
  const batch = pap.batch ? `${pap.batch.name} (${pap.batch.code})` : 'MAS program';
  const opened = await openPayment(deps, {
    kind: 'pap-upfront',
    subjectId: pap.id,
    applicationId: app.id,
    userId: pap.userId,
    platform: app.platform,
    description: `Program fee (upfront, PAP agreement) · ${batch}`,
    items: [{ description: `Program fee: ${batch}`, sac: COACHING_SAC, listGrossPaise: app.feePaise ?? due, chargedGrossPaise: due }],
    buyer,
    claim: async (tx) => {
      const locked = await lockApplication(tx, app.id);
      if (locked?.status !== 'APPROVED') throw new DomainError('ILLEGAL_TRANSITION', `A ${locked?.status ?? 'deleted'} application cannot be paid for; it must be APPROVED`);
      if (amountDuePaise(locked) !== due) throw new DomainError('CONFLICT', 'The amount due changed while the order was made; try again');
      return openOrder(tx);
    },
  });
  return checkoutOf(deps, pap.id, opened.ref);
}

type CheckoutBody = { razorpay_order_id: string; razorpay_payment_id: string; razorpay_signature: string };

export async function verifyPapUpfront(deps: PayDeps, auth: AuthContext, papId: string, body: CheckoutBody) {
  const pap = await ownPapForPayment(deps, auth, papId);
  return verifyCheckout(deps, pap, 'pap-upfront', pap.id, body);
}

async function verifyCheckout(deps: PayDeps, pap: { id: string; status: string }, purpose: 'pap-upfront' | 'pap-instalment', subjectId: string, body: CheckoutBody) {
  const gp = await deps.db.globalPayment.findFirst({ where: { purpose, subjectId, razorpayOrderId: body.razorpay_order_id }, select: paymentRefSelect });
  if (!gp || !verifyCheckoutSignature(gp.razorpayOrderId, body.razorpay_payment_id, body.razorpay_signature, deps.config.razorpay.keySecret)) {
    throw new DomainError('BAD_REQUEST', 'The payment signature does not match', [{ path: 'json.razorpay_signature', message: 'Invalid signature' }]);
  }
  if (gp.status === 'CREATED' || gp.status === 'AUTHORIZED') await signalCaptured(deps, gp, body.razorpay_payment_id, 'checkout');
  return { papId: pap.id, status: pap.status, globalPaymentId: gp.id, workflowId: gp.workflowId };
}

async function ownInstalment(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, papId: string, seq: number) {
  const pap = await ownPapForPayment(deps, auth, papId);
  const inst = await deps.db.mas101PapInstalment.findUnique({ where: { papWorkflowId_seq: { papWorkflowId: papId, seq } }, select: { id: true, seq: true, amountPaise: true, status: true, dueAt: true } });
  if (!inst) throw new DomainError('NOT_FOUND', `No instalment ${seq} on this agreement`);
  return { pap, inst };
}

/**
 * One collection instalment through the payment workflow (kind pap-instalment, subject: the
 * instalment), with its own GST invoice line. Paid while the agreement is collecting and the
 * instalment DUE; in any order (an early payment is welcome); a re-click gets the open order.
 */
export async function payPapInstalment(deps: PayDeps, auth: AuthContext, papId: string, seq: number, billing: ApplicationBilling) {
  const { pap, inst } = await ownInstalment(deps, auth, papId, seq);
  if (pap.status !== 'PAYMENT_COLLECTION_PENDING') throw new DomainError('ILLEGAL_TRANSITION', `Instalments are paid while PAYMENT_COLLECTION_PENDING; this agreement is ${pap.status}`);
  if (inst.status !== 'DUE') throw new DomainError('ILLEGAL_TRANSITION', `Instalment ${seq} is ${inst.status}`);
  const buyer = await billedBuyer(deps, pap.application, billing);
  const openOrder = openOrderOf('pap-instalment', inst.id, inst.amountPaise, buyer.gstin ?? null);
  const name = `PAP instalment ${seq}`;
  const open = await openOrder(deps.db);
  if (open) return { ...checkoutOf(deps, pap.id, open, name), seq };
  const batch = pap.batch ? `${pap.batch.name} (${pap.batch.code})` : 'MAS program';
  const opened = await openPayment(deps, {
    kind: 'pap-instalment',
    subjectId: inst.id,
    applicationId: pap.application.id,
    userId: pap.userId,
    platform: pap.application.platform,
    description: `PAP instalment ${seq} · ${batch}`,
    items: [{ description: `Program fee, pay after placement, instalment ${seq}: ${batch}`, sac: COACHING_SAC, listGrossPaise: inst.amountPaise, chargedGrossPaise: inst.amountPaise }],
    buyer,
    claim: async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM public.mas101_pap_instalments WHERE id = ${inst.id}::uuid FOR UPDATE`;
      if (locked?.status !== 'DUE') throw new DomainError('ILLEGAL_TRANSITION', `Instalment ${seq} is ${locked?.status ?? 'gone'}`);
      return openOrder(tx);
    },
  });
  return { ...checkoutOf(deps, pap.id, opened.ref, name), seq };
}

export async function verifyPapInstalment(deps: PayDeps, auth: AuthContext, papId: string, seq: number, body: CheckoutBody) {
  const { pap, inst } = await ownInstalment(deps, auth, papId, seq);
  return { ...(await verifyCheckout(deps, pap, 'pap-instalment', inst.id, body)), seq };
}
