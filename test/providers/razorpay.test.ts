// The real Razorpay client against the simulator over HTTP: orders, payments, refunds with
// idempotency, signatures, typed errors, faults, and webhook delivery (duplicates, out of order).
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkoutSignature,
  createRazorpay,
  createRazorpayClient,
  parseWebhookEvent,
  RazorpayError,
  verifyCheckoutSignature,
  verifyWebhookSignature,
  type RazorpayProvider,
  type RazorpayWebhookEvent,
} from '../../providers/razorpay/index.js';
import { constantTimeEqual, signWebhook } from '../../providers/razorpay/signatures.js';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../providers/razorpay/simulator.js';
import { freePort } from '../../scripts/lib/free-port.js';

const KEY_ID = 'rzp_test_simulator';
const KEY_SECRET = 'sim-key-secret-0123456789';
const WEBHOOK_SECRET = 'sim-webhook-secret-9876543210';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: RazorpayWebhookEvent;
}

async function listen(handler: RequestListener): Promise<{ server: Server; url: string; close: () => Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

let sim: RazorpaySimulator;
let rp: RazorpayProvider;
let receiver: Awaited<ReturnType<typeof listen>>;
const received: Received[] = [];

beforeAll(async () => {
  receiver = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers, raw, body: JSON.parse(raw) as RazorpayWebhookEvent });
      res.writeHead(200).end('ok');
    });
  });
  sim = await startRazorpaySimulator({ port: await freePort(), keyId: KEY_ID, keySecret: KEY_SECRET, webhookSecret: WEBHOOK_SECRET, webhookUrl: `${receiver.url}/webhooks/razorpay` });
  rp = createRazorpay({ mode: 'sim', baseUrl: sim.baseUrl, keyId: KEY_ID, keySecret: KEY_SECRET, timeoutMs: 5_000 });
});
afterAll(async () => {
  await sim?.close();
  await receiver?.close();
});

let receiptSeq = 0;
const newOrder = (amount = 49_900) => rp.createOrder({ amount, currency: 'INR', receipt: `tp-${Date.now()}-${++receiptSeq}`, notes: { purchaseId: `p${receiptSeq}` } });

async function rejection(promise: Promise<unknown>): Promise<RazorpayError> {
  const err = await promise.then(
    () => expect.unreachable('expected a RazorpayError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RazorpayError);
  return err as RazorpayError;
}

const receivedFor = (paymentId: string) => received.filter((r) => r.body.payload.payment?.entity.id === paymentId);

describe('signatures', () => {
  it('computes the checkout signature as hex HMAC-SHA256 of order_id|payment_id with the key secret', () => {
    const expected = createHmac('sha256', KEY_SECRET).update('order_A|pay_B').digest('hex');
    expect(checkoutSignature('order_A', 'pay_B', KEY_SECRET)).toBe(expected);
  });

  it('accepts a genuine checkout signature and refuses tampered, misplaced and mis-sized ones', () => {
    const sig = checkoutSignature('order_A', 'pay_B', KEY_SECRET);
    expect(verifyCheckoutSignature('order_A', 'pay_B', sig, KEY_SECRET)).toBe(true);
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('0') ? '1' : '0'}`;
    expect(verifyCheckoutSignature('order_A', 'pay_B', flipped, KEY_SECRET)).toBe(false);
    expect(verifyCheckoutSignature('order_OTHER', 'pay_B', sig, KEY_SECRET)).toBe(false);
    expect(verifyCheckoutSignature('order_A', 'pay_B', sig, 'another-secret')).toBe(false);
    expect(verifyCheckoutSignature('order_A', 'pay_B', sig.slice(0, 63), KEY_SECRET)).toBe(false);
    expect(verifyCheckoutSignature('order_A', 'pay_B', `${sig}00`, KEY_SECRET)).toBe(false);
    expect(verifyCheckoutSignature('order_A', 'pay_B', 'z'.repeat(64), KEY_SECRET)).toBe(false);
    expect(verifyCheckoutSignature('order_A', 'pay_B', undefined, KEY_SECRET)).toBe(false);
  });

  it('verifies a webhook over the raw bytes with the webhook secret only', () => {
    const raw = '{"entity":"event","event":"payment.captured"}';
    const sig = signWebhook(raw, WEBHOOK_SECRET);
    expect(sig).toBe(createHmac('sha256', WEBHOOK_SECRET).update(raw).digest('hex'));
    expect(verifyWebhookSignature(raw, sig, WEBHOOK_SECRET)).toBe(true);
    expect(verifyWebhookSignature(Buffer.from(raw), sig, WEBHOOK_SECRET)).toBe(true);
    expect(verifyWebhookSignature(raw.replace('captured', 'failed'), sig, WEBHOOK_SECRET)).toBe(false);
    expect(verifyWebhookSignature(`${raw} `, sig, WEBHOOK_SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, signWebhook(raw, KEY_SECRET), WEBHOOK_SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, sig.slice(2), WEBHOOK_SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, '', WEBHOOK_SECRET)).toBe(false);
    expect(verifyWebhookSignature(raw, null, WEBHOOK_SECRET)).toBe(false);
  });

  it('compares strings in constant time and treats different lengths as unequal', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
  });
});

describe('orders and payments', () => {
  it('creates an order, lets the customer pay, and shows the captured payment and the paid order', async () => {
    const order = await newOrder();
    expect(order).toMatchObject({ entity: 'order', amount: 49_900, amount_paid: 0, amount_due: 49_900, currency: 'INR', status: 'created', attempts: 0 });
    expect(order.id).toMatch(/^order_[A-Za-z0-9]{14}$/);
    expect(Math.abs(order.created_at - Date.now() / 1000)).toBeLessThan(60);
    expect(order.notes).toEqual({ purchaseId: `p${receiptSeq}` });

    const paid = sim.pay(order.id, { outcome: 'captured', method: 'card' });
    expect(paid.razorpay_payment_id).toMatch(/^pay_/);
    // The browser posts these back; we verify with the order id from our own record.
    expect(verifyCheckoutSignature(order.id, paid.razorpay_payment_id, paid.razorpay_signature, KEY_SECRET)).toBe(true);

    const payment = await rp.fetchPayment(paid.razorpay_payment_id);
    expect(payment).toMatchObject({ entity: 'payment', status: 'captured', captured: true, amount: 49_900, order_id: order.id, method: 'card', amount_refunded: 0, refund_status: null });
    expect(payment.fee).toBeGreaterThan(0);
    expect(await rp.fetchOrder(order.id)).toMatchObject({ status: 'paid', amount_paid: 49_900, amount_due: 0, attempts: 1 });
    const list = await rp.fetchOrderPayments(order.id);
    expect(list).toMatchObject({ entity: 'collection', count: 1 });
    expect(list.items[0]!.id).toBe(payment.id);
  });

  it('keeps an order attempted after a failed payment, then paid after a retry; reconciliation sees both', async () => {
    const order = await newOrder();
    const failed = sim.pay(order.id, { outcome: 'failed' });
    expect(failed.razorpay_signature).toBeNull();
    expect(await rp.fetchOrder(order.id)).toMatchObject({ status: 'attempted', attempts: 1 });
    sim.pay(order.id, { outcome: 'captured' });
    const list = await rp.fetchOrderPayments(order.id);
    expect(list.count).toBe(2);
    expect(list.items.map((p) => p.status)).toEqual(['captured', 'failed']);
    expect(list.items[1]).toMatchObject({ error_code: 'BAD_REQUEST_ERROR', error_source: 'customer' });
    expect((await rp.fetchOrder(order.id)).status).toBe('paid');
  });

  it('captures an authorized payment once, for exactly the order amount', async () => {
    const order = await newOrder(20_000);
    const { razorpay_payment_id: id } = sim.pay(order.id, { outcome: 'authorized' });
    expect((await rp.fetchPayment(id)).status).toBe('authorized');
    expect((await rp.fetchOrder(order.id)).status).toBe('attempted');
    const wrong = await rejection(rp.capturePayment(id, { amount: 19_999, currency: 'INR' }));
    expect(wrong).toMatchObject({ status: 400, field: 'amount', retryable: false });
    expect(await rp.capturePayment(id, { amount: 20_000, currency: 'INR' })).toMatchObject({ status: 'captured', captured: true });
    expect((await rp.fetchOrder(order.id)).status).toBe('paid');
    expect(await rejection(rp.capturePayment(id, { amount: 20_000, currency: 'INR' }))).toMatchObject({ status: 400, code: 'BAD_REQUEST_ERROR' });
  });

  it('refuses invalid orders with the documented error envelope and field', async () => {
    const tooSmall = await rejection(rp.createOrder({ amount: 99, currency: 'INR', receipt: 'r-small' }));
    expect(tooSmall).toMatchObject({ status: 400, code: 'BAD_REQUEST_ERROR', field: 'amount', retryable: false });
    expect(await rejection(rp.createOrder({ amount: 100.5, currency: 'INR', receipt: 'r-frac' }))).toMatchObject({ field: 'amount' });
    expect(await rejection(rp.createOrder({ amount: 1000, currency: 'INR', receipt: 'x'.repeat(41) }))).toMatchObject({ field: 'receipt' });
    const notes = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${i}`, 'v']));
    expect(await rejection(rp.createOrder({ amount: 1000, currency: 'INR', receipt: 'r-notes', notes }))).toMatchObject({ status: 400, field: 'notes' });
    const missing = await rejection(rp.fetchOrder('order_DoesNotExist00'));
    expect(missing).toMatchObject({ status: 404, retryable: false });
  });
});

describe('refunds', () => {
  async function capturedPayment(amount = 50_000) {
    const order = await newOrder(amount);
    return { order, paymentId: sim.pay(order.id, { outcome: 'captured' }).razorpay_payment_id };
  }

  it('returns the same refund for the same idempotency key and body, and refunds once', async () => {
    const { paymentId } = await capturedPayment();
    const key = `refund-${paymentId}`;
    const first = await rp.createRefund(paymentId, { amount: 10_000, notes: { reason: 'cancelled' } }, key);
    const again = await rp.createRefund(paymentId, { notes: { reason: 'cancelled' }, amount: 10_000 }, key);
    expect(first.id).toMatch(/^rfnd_/);
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ entity: 'refund', amount: 10_000, payment_id: paymentId, status: 'processed', speed_processed: 'normal' });
    expect(await rp.fetchRefund(first.id)).toEqual(first);
    expect(await rp.fetchPayment(paymentId)).toMatchObject({ amount_refunded: 10_000, refund_status: 'partial', status: 'captured' });
  });

  it('refuses the same key with a different amount with 400', async () => {
    const { paymentId } = await capturedPayment();
    const key = `refund-${paymentId}`;
    await rp.createRefund(paymentId, { amount: 10_000 }, key);
    const err = await rejection(rp.createRefund(paymentId, { amount: 20_000 }, key));
    expect(err).toMatchObject({ status: 400, code: 'BAD_REQUEST_ERROR', retryable: false });
    expect((await rp.fetchPayment(paymentId)).amount_refunded).toBe(10_000);
  });

  it('refuses to refund more than was captured, or a fully refunded payment, with 400', async () => {
    const { order, paymentId } = await capturedPayment(50_000);
    expect(await rejection(rp.createRefund(paymentId, { amount: 50_001 }, `over-${paymentId}`))).toMatchObject({ status: 400, field: 'amount' });
    await rp.createRefund(paymentId, { amount: 20_000 }, `part-${paymentId}`);
    const rest = await rp.createRefund(paymentId, {}, `rest-${paymentId}`);
    expect(rest.amount).toBe(30_000);
    expect(await rp.fetchPayment(paymentId)).toMatchObject({ status: 'refunded', amount_refunded: 50_000, refund_status: 'full' });
    expect(await rejection(rp.createRefund(paymentId, { amount: 100 }, `again-${paymentId}`))).toMatchObject({ status: 400 });
    expect((await rp.fetchOrder(order.id)).status).toBe('paid');
  });

  it('answers 409 (retryable) while the same key is still in flight', async () => {
    const { paymentId } = await capturedPayment();
    sim.setRefundLatency(300);
    try {
      const key = `inflight-${paymentId}`;
      const [a, b] = await Promise.allSettled([rp.createRefund(paymentId, { amount: 5_000 }, key), rp.createRefund(paymentId, { amount: 5_000 }, key)]);
      expect(a.status).toBe('fulfilled');
      expect(b.status).toBe('rejected');
      expect((b as PromiseRejectedResult).reason).toMatchObject({ status: 409, retryable: true });
      // The retry Temporal would make gets the finished refund.
      expect((await rp.createRefund(paymentId, { amount: 5_000 }, key)).id).toBe((a as PromiseFulfilledResult<{ id: string }>).value.id);
    } finally {
      sim.setRefundLatency(0);
    }
  });

  it('refuses a malformed idempotency key before sending, and the simulator refuses it too', async () => {
    const { paymentId } = await capturedPayment();
    expect(await rejection(rp.createRefund(paymentId, {}, 'short'))).toMatchObject({ status: null, field: 'X-Refund-Idempotency', retryable: false });
    const res = await fetch(`${sim.baseUrl}/payments/${paymentId}/refund`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${KEY_ID}:${KEY_SECRET}`).toString('base64')}`, 'X-Refund-Idempotency': 'bad key!!!!!' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'BAD_REQUEST_ERROR', field: 'X-Refund-Idempotency' } });
    expect((await rp.fetchPayment(paymentId)).amount_refunded).toBe(0);
  });
});

describe('errors and faults', () => {
  it('answers bad credentials with a 401 RazorpayError that is not retryable', async () => {
    const wrong = createRazorpay({ mode: 'sim', baseUrl: sim.baseUrl, keyId: KEY_ID, keySecret: 'not-the-secret' });
    expect(await rejection(wrong.createOrder({ amount: 1000, currency: 'INR', receipt: 'r-auth' }))).toMatchObject({
      status: 401,
      code: 'BAD_REQUEST_ERROR',
      description: 'Authentication failed',
      retryable: false,
    });
  });

  it('injects 500 and 429 faults that are retryable, then recovers', async () => {
    const order = await newOrder();
    sim.failNext(1, 500);
    expect(await rejection(rp.fetchOrder(order.id))).toMatchObject({ status: 500, retryable: true });
    sim.failNext(1, 429);
    expect(await rejection(rp.fetchOrder(order.id))).toMatchObject({ status: 429, retryable: true });
    expect((await rp.fetchOrder(order.id)).id).toBe(order.id);
    const armed = await fetch(`${sim.origin}/_sim/faults`, { method: 'POST', body: JSON.stringify({ count: 2, status: 500 }) });
    expect(armed.status).toBe(200);
    await rejection(rp.fetchOrder(order.id));
    await rejection(rp.fetchOrder(order.id));
    expect((await rp.fetchOrder(order.id)).id).toBe(order.id);
  });

  it('rejects malformed and unreadable responses, and reports timeouts and refused connections as retryable', async () => {
    const bad = await listen((req, res) => {
      const send = (status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body);
      if (req.url === '/v1/orders/order_wrongtype') return send(200, JSON.stringify({ id: 'order_wrongtype', entity: 'order', amount: '100' }));
      if (req.url === '/v1/orders/order_notjson') return send(200, '<html>ok</html>');
      if (req.url === '/v1/orders/order_gateway') return send(502, '<html>Bad Gateway</html>');
      if (req.url === '/v1/orders/order_emptynotes') {
        return send(200, JSON.stringify({ id: 'order_emptynotes', entity: 'order', amount: 100, amount_paid: 0, amount_due: 100, currency: 'INR', receipt: null, status: 'created', attempts: 0, notes: [], created_at: 1 }));
      }
      // order_hang: never answers
    });
    try {
      const client = createRazorpayClient({ baseUrl: `${bad.url}/v1`, keyId: KEY_ID, keySecret: KEY_SECRET, timeoutMs: 300 });
      const wrongType = await rejection(client.fetchOrder('order_wrongtype'));
      expect(wrongType).toMatchObject({ status: 200, code: 'INVALID_RESPONSE', retryable: false });
      expect(wrongType.description).toMatch(/amount/);
      expect(await rejection(client.fetchOrder('order_notjson'))).toMatchObject({ status: 200, code: 'INVALID_RESPONSE' });
      expect(await rejection(client.fetchOrder('order_gateway'))).toMatchObject({ status: 502, code: 'SERVER_ERROR', retryable: true });
      expect((await client.fetchOrder('order_emptynotes')).notes).toEqual({});
      expect(await rejection(client.fetchOrder('order_hang'))).toMatchObject({ status: null, code: 'TIMEOUT', retryable: true });
    } finally {
      await bad.close();
    }
    const nobody = createRazorpayClient({ baseUrl: `http://127.0.0.1:${await freePort()}/v1`, keyId: KEY_ID, keySecret: KEY_SECRET });
    expect(await rejection(nobody.fetchOrder('order_x'))).toMatchObject({ status: null, code: 'NETWORK_ERROR', retryable: true });
  });

  it('keeps live keys away from the simulator and live mode on https', () => {
    expect(() => createRazorpay({ mode: 'sim', baseUrl: sim.baseUrl, keyId: 'rzp_live_abc', keySecret: 's' })).toThrow(/live/);
    expect(() => createRazorpay({ mode: 'live', baseUrl: 'http://api.razorpay.com/v1', keyId: 'rzp_live_abc', keySecret: 's' })).toThrow(/https/);
    expect(() => createRazorpay({ mode: 'sim', keyId: KEY_ID, keySecret: 's' })).toThrow(/baseUrl/);
  });
});

describe('webhooks', () => {
  function expectGenuine(r: Received) {
    expect(verifyWebhookSignature(r.raw, r.headers['x-razorpay-signature'] as string, WEBHOOK_SECRET)).toBe(true);
    const parsed = parseWebhookEvent(r.raw, r.headers['x-razorpay-signature'] as string, WEBHOOK_SECRET);
    expect(parsed.ok).toBe(true);
  }

  it('delivers a payment\'s events in order, signed, each with its own event id and the documented envelope', async () => {
    const order = await newOrder();
    const { razorpay_payment_id: paymentId } = sim.pay(order.id, { outcome: 'captured' });
    const deliveries = await sim.deliverWebhooks({ paymentId });
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    const got = receivedFor(paymentId);
    expect(got.map((r) => r.body.event)).toEqual(['payment.authorized', 'payment.captured', 'order.paid']);
    got.forEach(expectGenuine);
    expect(new Set(got.map((r) => r.headers['x-razorpay-event-id'])).size).toBe(3);
    const paidEvent = got[2]!.body;
    expect(paidEvent).toMatchObject({ entity: 'event', event: 'order.paid', contains: ['payment', 'order'], account_id: expect.stringMatching(/^acc_/) });
    expect(paidEvent.payload.order?.entity).toMatchObject({ id: order.id, status: 'paid' });
    // Snapshots: the authorized event still shows the payment as it was then.
    expect(got[0]!.body.payload.payment?.entity.status).toBe('authorized');
  });

  it('sends duplicates with the same event id and bytes, and can send events out of order', async () => {
    const order = await newOrder();
    const { razorpay_payment_id: paymentId } = sim.pay(order.id, { outcome: 'captured' });
    await sim.deliverWebhooks({ paymentId, events: ['payment.captured'], duplicates: 3 });
    const dupes = receivedFor(paymentId);
    expect(dupes).toHaveLength(3);
    expect(new Set(dupes.map((r) => r.headers['x-razorpay-event-id'])).size).toBe(1);
    expect(new Set(dupes.map((r) => r.raw)).size).toBe(1);
    dupes.forEach(expectGenuine);

    received.length = 0;
    await sim.deliverWebhooks({ paymentId, outOfOrder: true });
    expect(receivedFor(paymentId).map((r) => r.body.event)).toEqual(['order.paid', 'payment.captured', 'payment.authorized']);
    expect(receivedFor(paymentId)[1]!.headers['x-razorpay-event-id']).toBe(dupes[0]!.headers['x-razorpay-event-id']);
  });

  it('drives a payment, a refund and delivery through the /_sim control API', async () => {
    const order = await newOrder(30_000);
    const payRes = await fetch(`${sim.origin}/_sim/orders/${order.id}/pay`, { method: 'POST', body: JSON.stringify({ outcome: 'captured', method: 'upi' }) });
    expect(payRes.status).toBe(200);
    const paid = (await payRes.json()) as { payment: { id: string; status: string }; razorpay_signature: string };
    expect(paid.payment.status).toBe('captured');
    expect(verifyCheckoutSignature(order.id, paid.payment.id, paid.razorpay_signature, KEY_SECRET)).toBe(true);
    const refund = await rp.createRefund(paid.payment.id, {}, `full-${paid.payment.id}`);

    const res = await fetch(`${sim.origin}/_sim/webhooks/deliver`, { method: 'POST', body: JSON.stringify({ payment_id: paid.payment.id, events: ['refund.created', 'refund.processed'] }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { deliveries: unknown[] }).deliveries).toHaveLength(2);
    const got = receivedFor(paid.payment.id);
    expect(got.map((r) => [r.body.event, r.body.payload.refund?.entity.status])).toEqual([
      ['refund.created', 'pending'],
      ['refund.processed', 'processed'],
    ]);
    expect(got[0]!.body.payload.refund?.entity.id).toBe(refund.id);
    expect(got[0]!.body.contains).toEqual(['refund', 'payment']);
    got.forEach(expectGenuine);

    const badPay = await fetch(`${sim.origin}/_sim/orders/${order.id}/pay`, { method: 'POST', body: JSON.stringify({ outcome: 'maybe' }) });
    expect(badPay.status).toBe(400);
  });

  it('posts events as they happen when auto-delivery is on', async () => {
    const auto = await startRazorpaySimulator({ keyId: KEY_ID, keySecret: KEY_SECRET, webhookSecret: WEBHOOK_SECRET, webhookUrl: receiver.url, autoDeliverWebhooks: true });
    try {
      const client = createRazorpay({ mode: 'sim', baseUrl: auto.baseUrl, keyId: KEY_ID, keySecret: KEY_SECRET });
      const order = await client.createOrder({ amount: 10_000, currency: 'INR', receipt: 'auto-1' });
      const { razorpay_payment_id: paymentId } = auto.pay(order.id, { outcome: 'failed' });
      await expect.poll(() => receivedFor(paymentId).map((r) => r.body.event)).toEqual(['payment.failed']);
      expect(auto.deliveries()).toEqual([expect.objectContaining({ event: 'payment.failed', status: 200 })]);
    } finally {
      await auto.close();
    }
  });

  it('parses only genuine, known events', () => {
    const raw = JSON.stringify({ entity: 'event', account_id: 'acc_x', event: 'payment.dispute.created', contains: [], payload: {}, created_at: 1 });
    expect(parseWebhookEvent(raw, signWebhook(raw, WEBHOOK_SECRET), WEBHOOK_SECRET)).toEqual({ ok: false, reason: 'ignored', eventName: 'payment.dispute.created' });
    expect(parseWebhookEvent(raw, signWebhook(raw, 'wrong-secret'), WEBHOOK_SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
    const broken = '{"entity":"event","event":"payment.captured"}';
    expect(parseWebhookEvent(broken, signWebhook(broken, WEBHOOK_SECRET), WEBHOOK_SECRET)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
