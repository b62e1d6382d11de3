// Token purchase with Razorpay as a workflow, with the real client against the simulator:
// verify and webhooks (duplicated, concurrent) credit once, a lost webhook is reconciled after
// the timeout, a tampered signature credits nothing.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { signWebhook } from '../../providers/razorpay/signatures.js';
import { bearerHeader, createStudent, createUser, json } from '../support/auth.js';
import { startTestStack, TEST_RAZORPAY, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ config: { razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 3 } } });
});
afterAll(() => stack.close());

type Checkout = { purchase: { id: string; workflowId: string }; checkout: { order_id: string; amount: number } };

async function buy(token: string, body: unknown = { packId: 'starter' }) {
  const res = await stack.app.request(json('POST', '/api/tokens/purchases', body, bearerHeader(token)));
  expect(res.status).toBe(201);
  return (await res.json()) as Checkout;
}
const balance = async (userId: string) => (await stack.db.token.findUniqueOrThrow({ where: { userId } })).balance;
const result = (purchaseId: string) => stack.temporal.workflow.getHandle(workflowIds.tokenPurchase(purchaseId)).result();

function webhookRequests(orderId: string, copies: number) {
  return stack.razorpaySim.events({ orderId }).flatMap((e) => {
    const { id, ...event } = e;
    const raw = JSON.stringify(event);
    const headers = { 'content-type': 'application/json', 'x-razorpay-signature': signWebhook(raw, TEST_RAZORPAY.webhookSecret), 'x-razorpay-event-id': id };
    return Array.from({ length: copies }, () => new Request('http://test/api/webhooks/razorpay', { method: 'POST', headers, body: raw }));
  });
}

describe('token purchase', () => {
  it('checkout verify credits the pack once and completes the purchase', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const { purchase, checkout } = await buy(s.accessToken);
    expect(checkout.amount).toBe(49_900);
    const paid = stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
    const verify = await stack.app.request(
      json('POST', `/api/tokens/purchases/${purchase.id}/verify`, { razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }, bearerHeader(s.accessToken)),
    );
    expect(verify.status).toBe(202);
    const handle = stack.temporal.workflow.getHandle(workflowIds.tokenPurchase(purchase.id));
    expect(await handle.result()).toEqual({ status: 'COMPLETED', credited: true, invoiceNumber: expect.stringMatching(/^MAS\/\d{4}\/\d{6}$/) });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/payment-token.json', historyToJSON(await handle.fetchHistory()));
    expect(await balance(s.user.id)).toBe(5);
    expect(await stack.db.tokenPurchase.findUniqueOrThrow({ where: { id: purchase.id } })).toMatchObject({ status: 'COMPLETED', razorpayPaymentId: paid.razorpay_payment_id });
    expect(await stack.db.tokenUsage.count({ where: { userId: s.user.id, type: 'PURCHASE' } })).toBe(1);
  });

  it('20 duplicate webhooks plus the checkout verify, all at once: exactly one credit', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const { purchase, checkout } = await buy(s.accessToken, { tokens: 3 });
    const paid = stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
    const requests = webhookRequests(checkout.order_id, 20).slice(0, 20);
    const verify = json('POST', `/api/tokens/purchases/${purchase.id}/verify`, { razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }, bearerHeader(s.accessToken));
    const responses = await Promise.all([...requests, verify].map((r) => stack.app.request(r)));
    expect(responses.every((r) => r.status === 200 || r.status === 202)).toBe(true);
    const acks = await Promise.all(responses.slice(0, -1).map(async (r) => ((await r.json()) as { status: string }).status));
    expect(acks.filter((a) => a === 'processed').length).toBeGreaterThanOrEqual(1);
    expect(await result(purchase.id)).toMatchObject({ status: 'COMPLETED' });
    expect(await balance(s.user.id)).toBe(3);
    expect(await stack.db.tokenUsage.count({ where: { userId: s.user.id, type: 'PURCHASE' } })).toBe(1);
  });

  it('a tampered checkout signature or webhook is refused and nothing is credited', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const { purchase, checkout } = await buy(s.accessToken);
    const paid = stack.razorpaySim.pay(checkout.order_id, { outcome: 'failed' });
    const bad = await stack.app.request(json('POST', `/api/tokens/purchases/${purchase.id}/verify`, { razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: 'f'.repeat(64) }, bearerHeader(s.accessToken)));
    expect(bad.status).toBe(400);
    const [hook] = webhookRequests(checkout.order_id, 1);
    const forged = new Request(hook!.url, { method: 'POST', headers: { ...Object.fromEntries(hook!.headers), 'x-razorpay-signature': signWebhook('{}', 'wrong-secret') }, body: await hook!.text() });
    expect((await stack.app.request(forged)).status).toBe(401);
    // The only payment failed, so the timeout ends the purchase FAILED with no credit.
    expect(await result(purchase.id)).toEqual({ status: 'FAILED', credited: false, invoiceNumber: null });
    expect(await balance(s.user.id)).toBe(0);
  });

  it('a lost webhook and no verify: the reconcile after the timeout finds the payment and credits once', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const { purchase, checkout } = await buy(s.accessToken, { tokens: 2 });
    stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
    expect(await result(purchase.id)).toEqual({ status: 'COMPLETED', credited: true, invoiceNumber: expect.stringMatching(/^MAS\/\d{4}\/\d{6}$/) });
    expect(await balance(s.user.id)).toBe(2);
  });

  it('no payment at all: the purchase ends CANCELLED', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const { purchase } = await buy(s.accessToken, { tokens: 1 });
    expect(await result(purchase.id)).toEqual({ status: 'CANCELLED', credited: false, invoiceNumber: null });
  });

  it('Razorpay down when the purchase starts: 503, the purchase is FAILED, nothing charged', async () => {
    const s = await createStudent(stack, { paid: 0 });
    stack.razorpaySim.failNext(1, 500);
    const res = await stack.app.request(json('POST', '/api/tokens/purchases', { packId: 'pro' }, bearerHeader(s.accessToken)));
    expect(res.status).toBe(503);
    expect(await stack.db.tokenPurchase.findFirst({ where: { userId: s.user.id } })).toMatchObject({ status: 'FAILED' });
  });

  it('an admin refund takes the unspent tokens back and sends one refund to Razorpay', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const admin = await createUser(stack, 'ADMIN');
    const { purchase, checkout } = await buy(s.accessToken, { tokens: 2 });
    const paid = stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
    await stack.app.request(
      json('POST', `/api/tokens/purchases/${purchase.id}/verify`, { razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }, bearerHeader(s.accessToken)),
    );
    await result(purchase.id);
    const refunds = await Promise.all([0, 1].map(() => stack.app.request(json('POST', `/api/admin/token-purchases/${purchase.id}/refund`, { reason: 'duplicate order' }, bearerHeader(admin.accessToken)))));
    expect(refunds.map((r) => r.status).sort()).toEqual([202, 409]);
    const handle = stack.temporal.workflow.getHandle(workflowIds.purchaseRefund(purchase.id));
    const { refundId } = await handle.result();
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/purchase-refund-credit-note.json', historyToJSON(await handle.fetchHistory()));
    expect(refundId).toMatch(/^rfnd_/);
    expect(await balance(s.user.id)).toBe(0);
    expect(await stack.db.tokenPurchase.findUniqueOrThrow({ where: { id: purchase.id } })).toMatchObject({ refundedAmountPaise: 20_000, razorpayRefundId: refundId });
    const payment = await stack.deps.razorpay.fetchPayment(paid.razorpay_payment_id);
    expect(payment).toMatchObject({ status: 'refunded', amount_refunded: 20_000 });
  });

  it('refuses a refund once the tokens are spent', async () => {
    const s = await createStudent(stack, { paid: 0 });
    const admin = await createUser(stack, 'ADMIN');
    const { purchase, checkout } = await buy(s.accessToken, { tokens: 1 });
    stack.razorpaySim.pay(checkout.order_id, { outcome: 'captured' });
    await result(purchase.id);
    await stack.db.token.update({ where: { userId: s.user.id }, data: { balance: 0 } });
    expect((await stack.app.request(json('POST', `/api/admin/token-purchases/${purchase.id}/refund`, { reason: 'changed mind' }, bearerHeader(admin.accessToken)))).status).toBe(409);
  });
});
