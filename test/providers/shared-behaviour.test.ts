// What the shared provider plumbing gives every vendor, seen through each vendor's public API:
// webhooks retried with backoff as the vendors do, typed errors that carry the failure kind and
// Retry-After, and a simulator close() that does not wait for idle clients.
import { connect } from 'node:net';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmail } from '../../providers/email/index.js';
import { startEmailSimulator } from '../../providers/email/simulator.js';
import { createExotelClient } from '../../providers/exotel/index.js';
import { createLeegalityClient } from '../../providers/leegality/index.js';
import { createRazorpayClient } from '../../providers/razorpay/index.js';
import { startRazorpaySimulator } from '../../providers/razorpay/simulator.js';
import { createWhatsAppClient } from '../../providers/whatsapp/index.js';
import { startWhatsAppSimulator } from '../../providers/whatsapp/simulator.js';
import { until } from '../support/poll.js';

async function listen(handler: RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A receiver that answers the scripted statuses in turn (then 200) and counts the POSTs. */
async function flakyReceiver(statuses: number[]) {
  const bodies: string[] = [];
  const r = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(statuses.shift() ?? 200).end();
    });
  });
  return { ...r, bodies };
}

async function rejection(p: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await p;
  } catch (err) {
    return err as Record<string, unknown>;
  }
  throw new Error('expected a rejection');
}

describe('webhooks are retried with backoff', () => {
  it('razorpay: an automatic delivery the receiver refuses once is sent again, same bytes, and lands', async () => {
    const receiver = await flakyReceiver([503]);
    const sim = await startRazorpaySimulator({
      keyId: 'rzp_test_x',
      keySecret: 'key-secret-0123456789',
      webhookSecret: 'webhook-secret-0123456789',
      webhookUrl: receiver.url,
      autoDeliverWebhooks: true,
      webhookRetry: { retries: 3, baseDelayMs: 20, maxDelayMs: 50 },
    });
    try {
      const rp = createRazorpayClient({ baseUrl: sim.baseUrl, keyId: 'rzp_test_x', keySecret: 'key-secret-0123456789' });
      const order = await rp.createOrder({ amount: 10_000, currency: 'INR', receipt: 'retry-1' });
      sim.pay(order.id, { outcome: 'failed' });
      const [delivery] = await until(async () => sim.deliveries(), (d) => d.length === 1);
      expect(delivery).toMatchObject({ event: 'payment.failed', status: 200, attempts: 2 });
      expect(receiver.bodies).toHaveLength(2);
      expect(receiver.bodies[1]).toBe(receiver.bodies[0]);
    } finally {
      await sim.close();
      await receiver.close();
    }
  });

  it('whatsapp: a delivery asked to retry survives a 500; by default it is sent exactly once', async () => {
    const receiver = await flakyReceiver([500, 500]);
    const sim = await startWhatsAppSimulator({ phoneNumberId: '100000000000001', token: 'token-0123456789', appSecret: 'app-secret-0123456789', webhookUrl: receiver.url });
    try {
      const wa = createWhatsAppClient({ baseUrl: sim.baseUrl, phoneNumberId: '100000000000001', token: 'token-0123456789' });
      const { messageId } = await wa.sendTemplate({ to: '+919876543210', template: 'mas_welcome' });
      expect((await sim.deliverStatuses({ messageId, statuses: ['sent'] })).map((d) => [d.httpStatus, d.attempts])).toEqual([[500, 1]]);
      expect((await sim.deliverStatuses({ messageId, statuses: ['delivered'], retries: 2 })).map((d) => [d.httpStatus, d.attempts])).toEqual([[200, 2]]);
      expect(receiver.bodies).toHaveLength(3);
    } finally {
      await sim.close();
      await receiver.close();
    }
  });
});

describe('client errors carry the failure kind and Retry-After', () => {
  let vendor: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    vendor = await listen((req, res) => {
      if (req.url?.includes('busy')) return void res.writeHead(503, { 'content-type': 'application/json' }).end('{}');
      res.writeHead(429, { 'retry-after': '3', 'content-type': 'application/json' }).end('{}');
    });
  });
  afterAll(() => vendor.close());

  it('razorpay and whatsapp: a 429 is rate_limited with retryAfterSeconds; a 503 is server', async () => {
    const rp = createRazorpayClient({ baseUrl: `${vendor.url}/v1`, keyId: 'rzp_test_x', keySecret: 'secret-0123456789' });
    expect(await rejection(rp.fetchOrder('order_1'))).toMatchObject({ name: 'RazorpayError', status: 429, kind: 'rate_limited', retryable: true, retryAfterSeconds: 3, provider: 'razorpay' });
    expect(await rejection(rp.fetchOrder('busy'))).toMatchObject({ status: 503, kind: 'server', retryable: true, retryAfterSeconds: null });
    const wa = createWhatsAppClient({ baseUrl: vendor.url, phoneNumberId: '100000000000001', token: 'token-0123456789' });
    expect(await rejection(wa.sendTemplate({ to: '+919876543210', template: 'x' }))).toMatchObject({ name: 'WhatsAppError', status: 429, kind: 'rate_limited', retryable: true, retryAfterSeconds: 3 });
  });

  it('leegality: a 429 is rate_limited with retryAfterSeconds; a 503 is server; a local refusal is invalid_request', async () => {
    const lg = createLeegalityClient({ baseUrl: `${vendor.url}/api`, authToken: 'token-0123456789' });
    expect(await rejection(lg.documentDetails('doc-1'))).toMatchObject({ name: 'LeegalityError', status: 429, kind: 'rate_limited', retryable: true, retryAfterSeconds: 3, provider: 'leegality' });
    expect(await rejection(lg.documentDetails('busy'))).toMatchObject({ status: 503, kind: 'server', retryable: true, retryAfterSeconds: null });
    expect(await rejection(lg.fetchDocument('', 'DOCUMENT'))).toMatchObject({ kind: 'invalid_request', retryable: false });
  });

  it('exotel: a 503 is server and retryable; a local refusal is invalid_request', async () => {
    const ex = createExotelClient({ baseUrl: vendor.url, accountSid: 'busy', apiKey: 'k', apiToken: 't' });
    expect(await rejection(ex.getCall('CA1'))).toMatchObject({ name: 'ExotelError', status: 503, kind: 'server', retryable: true, provider: 'exotel' });
    expect(await rejection(ex.connectCall({ from: '', to: '1', callerId: '2', statusCallback: 'http://x' }))).toMatchObject({ kind: 'invalid_request', retryable: false });
  });
});

describe('email simulator close()', () => {
  it('returns at once even with an SMTP client still connected (smtp-server alone waits 30 s)', async () => {
    const sim = await startEmailSimulator();
    const email = createEmail({ mode: 'sim', url: sim.smtpUrl, from: 'MAS <no-reply@example.com>', timeoutMs: 5_000 });
    const { messageId } = await email.send({ to: 'a@example.com', subject: 'hi', text: 'hello' });
    expect(messageId).toBeTruthy();
    const idle = connect(sim.smtpPort, '127.0.0.1');
    await new Promise<void>((resolve) => idle.once('data', () => resolve())); // the greeting
    const started = Date.now();
    await sim.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    idle.destroy();
  }, 10_000);
});
