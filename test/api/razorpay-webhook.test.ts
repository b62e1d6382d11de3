// Razorpay webhooks against a closed workflow: a late but genuine event (a retry after downtime)
// is recorded once and acknowledged with 2xx whatever state the purchase is in, credits nothing
// twice, and its own retries are acknowledged too; a bad signature is still 401.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { signWebhook } from '../../providers/razorpay/signatures.js';
import { signalPaymentCaptured, signalPaymentFailed } from '../../services/tokens/token-purchase.starter.js';
import { bearerHeader, createStudent, json } from '../support/auth.js';
import { startTestStack, TEST_RAZORPAY, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ config: { razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 2 } } });
});
afterAll(() => stack.close());

type Checkout = { purchase: { id: string }; checkout: { order_id: string } };

async function buy(token: string, tokens = 2) {
  const res = await stack.app.request(json('POST', '/api/tokens/purchases', { tokens }, bearerHeader(token)));
  expect(res.status).toBe(201);
  return (await res.json()) as Checkout;
}

const balance = async (userId: string) => (await stack.db.token.findUniqueOrThrow({ where: { userId } })).balance;
const closed = (purchaseId: string) => stack.temporal.workflow.getHandle(workflowIds.tokenPurchase(purchaseId)).result();
const recorded = (eventId: string) => stack.db.webhookEvent.count({ where: { provider: 'razorpay', eventId } });

/** A signed delivery of `body` under `eventId` (what Razorpay sends, byte for byte). */
function delivery(body: unknown, eventId: string, secret = TEST_RAZORPAY.webhookSecret) {
  const raw = JSON.stringify(body);
  return new Request('http://test/api/webhooks/razorpay', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-razorpay-signature': signWebhook(raw, secret), 'x-razorpay-event-id': eventId },
    body: raw,
  });
}

/** The simulator's logged events of an order, as bodies without their ids. */
function orderEvents(orderId: string, name: 'payment.captured' | 'order.paid' | 'payment.failed') {
  return stack.razorpaySim.events({ orderId }).filter((e) => e.event === name).map(({ id: _id, ...body }) => body);
}

async function completedPurchase() {
  const s = await createStudent(stack, { paid: 0 });
  const { purchase, checkout } = await buy(s.accessToken);
  const paid = stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
  const verify = await stack.app.request(
    json('POST', `/api/tokens/purchases/${purchase.id}/verify`, { razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }, bearerHeader(s.accessToken)),
  );
  expect(verify.status).toBe(202);
  expect(await closed(purchase.id)).toEqual({ status: 'COMPLETED', credited: true, invoiceNumber: expect.stringMatching(/^MAS\/\d{4}\/\d{6}$/) });
  return { s, purchase, checkout, paid };
}

describe('razorpay webhook after the purchase workflow closed', () => {
  it('a late payment.captured after COMPLETED: 2xx, recorded once, balance unchanged; its retry and a duplicate id: 2xx, no second record', async () => {
    const { s, checkout } = await completedPurchase();
    expect(await balance(s.user.id)).toBe(2);
    const [captured] = orderEvents(checkout.order_id, 'payment.captured');
    const eventId = `evt_${randomUUID().replaceAll('-', '').slice(0, 14)}`;

    const first = await stack.app.request(delivery(captured, eventId));
    expect(first.status).toBe(200);
    expect(await recorded(eventId)).toBe(1);
    // Razorpay's retry of the same delivery (same id, same bytes).
    const retry = await stack.app.request(delivery(captured, eventId));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ status: 'duplicate' });
    expect(await recorded(eventId)).toBe(1);
    expect(await balance(s.user.id)).toBe(2);
    expect(await stack.db.tokenUsage.count({ where: { userId: s.user.id, type: 'PURCHASE' } })).toBe(1);
  });

  it('a late order.paid and ten parallel copies of a new captured event: all 2xx, one record each, one credit', async () => {
    const { s, checkout } = await completedPurchase();
    const [orderPaid] = orderEvents(checkout.order_id, 'order.paid');
    const [captured] = orderEvents(checkout.order_id, 'payment.captured');
    const paidId = `evt_op_${randomUUID().slice(0, 8)}`;
    const capturedId = `evt_pc_${randomUUID().slice(0, 8)}`;
    const responses = await Promise.all([
      stack.app.request(delivery(orderPaid, paidId)),
      ...Array.from({ length: 10 }, () => stack.app.request(delivery(captured, capturedId))),
    ]);
    expect(responses.map((r) => r.status)).toEqual(Array.from({ length: 11 }, () => 200));
    expect(await recorded(paidId)).toBe(1);
    expect(await recorded(capturedId)).toBe(1);
    expect(await balance(s.user.id)).toBe(2);
    expect(await stack.db.tokenUsage.count({ where: { userId: s.user.id, type: 'PURCHASE' } })).toBe(1);
  });

  it('a captured event for a purchase that ended FAILED or CANCELLED is recorded and acknowledged', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const { purchase, checkout } = await buy(s.accessToken, 1);
    expect(await closed(purchase.id)).toEqual({ status: 'CANCELLED', credited: false, invoiceNumber: null });
    // The customer pays after the purchase timed out: the simulator logs the events.
    stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
    const [captured] = orderEvents(checkout.order_id, 'payment.captured');
    const eventId = `evt_late_${randomUUID().slice(0, 8)}`;
    const res = await stack.app.request(delivery(captured, eventId));
    expect(res.status).toBe(200);
    expect(await recorded(eventId)).toBe(1);
    expect(await stack.db.tokenPurchase.findUniqueOrThrow({ where: { id: purchase.id } })).toMatchObject({ status: 'CANCELLED' });
    expect(await balance(s.user.id)).toBe(0);
  });

  it('an event for an unknown order is recorded and acknowledged as ignored', async () => {
    const { checkout } = await completedPurchase();
    const [captured] = orderEvents(checkout.order_id, 'payment.captured');
    const unknown = structuredClone(captured!);
    unknown.payload.payment!.entity.order_id = `order_${randomUUID().replaceAll('-', '').slice(0, 14)}`;
    const eventId = `evt_unknown_${randomUUID().slice(0, 8)}`;
    const res = await stack.app.request(delivery(unknown, eventId));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ignored' });
    expect(await recorded(eventId)).toBe(1);
  });

  it('a bad signature is still 401 and records nothing', async () => {
    const { checkout } = await completedPurchase();
    const [captured] = orderEvents(checkout.order_id, 'payment.captured');
    const eventId = `evt_forged_${randomUUID().slice(0, 8)}`;
    const res = await stack.app.request(delivery(captured, eventId, 'not-the-webhook-secret'));
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await recorded(eventId)).toBe(0);
  });

  it('signalling a closed purchase run (the race after the status read) answers false instead of failing', async () => {
    const { purchase, checkout, paid } = await completedPurchase();
    const ref = { id: purchase.id, userId: (await stack.db.tokenPurchase.findUniqueOrThrow({ where: { id: purchase.id } })).userId, razorpayOrderId: checkout.order_id, tokens: 2, amountPaise: 20_000 };
    expect(await signalPaymentCaptured(stack.deps, ref, paid.razorpay_payment_id, 'webhook')).toBe(false);
    expect(await signalPaymentFailed(stack.deps, ref, paid.razorpay_payment_id)).toBe(false);
  });
});
