// Receiving a Razorpay webhook: the signature over the raw bytes, one webhook_events row per
// event id (a retry or duplicate is acknowledged without work), and a payment event passed to
// payment/token/<purchaseId>. An authentic event is always recorded and acknowledged, whatever
// the purchase's state: the workflow (and its reconcile with Razorpay) decides what it means.
import { parseWebhookEvent } from '../../providers/razorpay/webhooks.js';
import { WEBHOOK_EVENT_ID_HEADER, type RazorpayEventName } from '../../providers/razorpay/interface.js';
import { DomainError } from '../../domain/errors.js';
import type { ServiceDeps } from '../deps.js';
import { paymentRefSelect, signalCaptured, signalFailed } from '../payments/payment.starter.js';
import { signalPaymentCaptured, signalPaymentFailed } from './token-purchase.starter.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

export type WebhookAck = 'processed' | 'duplicate' | 'ignored';

export interface RazorpayDelivery {
  raw: string;
  signature: string | null | undefined;
  eventId: string | null | undefined;
}

const CAPTURED: readonly RazorpayEventName[] = ['payment.captured', 'payment.authorized', 'order.paid'];

export async function receiveRazorpayWebhook(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'logger' | 'config'>, delivery: RazorpayDelivery): Promise<WebhookAck> {
  const parsed = parseWebhookEvent(delivery.raw, delivery.signature, deps.config.razorpay.webhookSecret);
  if (!parsed.ok && parsed.reason === 'bad_signature') throw new DomainError('INVALID_SIGNATURE', 'The webhook signature does not match the body');
  // Razorpay's ids are short ("evt_" + 14 characters); anything longer is not theirs.
  const eventId = delivery.eventId && delivery.eventId.length <= 100 ? delivery.eventId : null;
  if (!parsed.ok && parsed.reason === 'ignored') {
    // An event type we do not act on: keep the record when it has an id, answer 2xx either way.
    if (eventId) await deps.db.webhookEvent.createMany({ data: [{ provider: 'razorpay', eventId, eventType: parsed.eventName.slice(0, 100) }], skipDuplicates: true });
    return 'ignored';
  }
  if (!parsed.ok) throw new DomainError('BAD_REQUEST', `Not a Razorpay event: ${parsed.detail}`);
  if (!eventId) throw new DomainError('BAD_REQUEST', `Missing or overlong ${WEBHOOK_EVENT_ID_HEADER}`);

  const { event } = parsed;
  const payment = event.payload.payment?.entity;
  const orderId = payment?.order_id ?? event.payload.order?.entity.id ?? null;
  const kind = event.event === 'payment.failed' ? 'failed' : CAPTURED.includes(event.event) ? 'captured' : null;
  // Every payment opened since global payments exist is found by its order; older token
  // purchases (no global payment row) by theirs, and their run is the older tokenPurchase.
  const gp = orderId ? await deps.db.globalPayment.findUnique({ where: { razorpayOrderId: orderId }, select: paymentRefSelect }) : null;
  const purchase =
    orderId && !gp
      ? await deps.db.tokenPurchase.findUnique({ where: { razorpayOrderId: orderId }, select: { id: true, userId: true, status: true, razorpayOrderId: true, razorpayPaymentId: true, tokens: true, amountPaise: true } })
      : null;
  try {
    // The row and the signal commit together: if Temporal is unreachable the row rolls back
    // and Razorpay's retry is processed; a concurrent copy waits on the unique key, then is a duplicate.
    return await deps.db.$transaction(async (tx): Promise<WebhookAck> => {
      await tx.webhookEvent.create({ data: { provider: 'razorpay', eventId, eventType: event.event, subjectId: orderId } });
      if (!payment || !kind) return 'ignored';
      if (gp) {
        const log = { eventId, event: event.event, globalPaymentId: gp.id, purpose: gp.purpose, paymentId: payment.id, status: gp.status };
        if (gp.status !== 'CREATED' && gp.status !== 'AUTHORIZED') {
          settledPurchaseEvent(deps, log, kind === 'captured' && payment.id !== gp.razorpayPaymentId);
          return 'ignored';
        }
        const got = kind === 'failed' ? await signalFailed(deps, gp, payment.id) : await signalCaptured(deps, gp, payment.id, 'webhook');
        if (!got) settledPurchaseEvent(deps, log, false);
        return got ? 'processed' : 'ignored';
      }
      if (!purchase?.razorpayOrderId) return 'ignored';
      const log = { eventId, event: event.event, purchaseId: purchase.id, paymentId: payment.id, status: purchase.status };
      if (purchase.status !== 'PENDING') {
        settledPurchaseEvent(deps, log, kind === 'captured' && payment.id !== purchase.razorpayPaymentId);
        return 'ignored';
      }
      const ref = { ...purchase, razorpayOrderId: purchase.razorpayOrderId };
      const got = kind === 'failed' ? await signalPaymentFailed(deps, ref, payment.id) : await signalPaymentCaptured(deps, ref, payment.id, 'webhook');
      // The run closed between our read and the signal: it settled the purchase already.
      if (!got) settledPurchaseEvent(deps, log, false);
      return got ? 'processed' : 'ignored';
    });
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate';
    throw err;
  }
}

/** A late event for a settled purchase changes nothing; a payment other than the credited one needs a person. */
function settledPurchaseEvent(deps: Pick<ServiceDeps, 'logger'>, log: Record<string, unknown>, otherPayment: boolean) {
  if (otherPayment) deps.logger.warn(log, 'razorpay captured a payment for a purchase that is no longer pending: refund it or credit it by hand');
  else deps.logger.info(log, 'razorpay webhook for a settled purchase acknowledged without work');
}
