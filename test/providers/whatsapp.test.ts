// The real WhatsApp Cloud API client against the simulator over HTTP: template sends recorded
// byte for byte, typed errors (auth, rate limit, bad number, unknown template), the /_sim/
// control API, and signed status webhooks (duplicates, out of order, failed).
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createWhatsApp,
  createWhatsAppClient,
  LOCAL_ERROR_CODES,
  parseStatusWebhook,
  signWebhook,
  verifyWebhookSignature,
  WhatsAppError,
  type StatusWebhookBody,
  type WhatsAppProvider,
} from '../../providers/whatsapp/index.js';
import { startWhatsAppSimulator, type WhatsAppSimulator } from '../../providers/whatsapp/simulator.js';

const PHONE_NUMBER_ID = '106540352242922';
const TOKEN = 'sim-whatsapp-token-0123456789';
const APP_SECRET = 'sim-whatsapp-app-secret-9876';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

let sim: WhatsAppSimulator;
let wa: WhatsAppProvider;
let receiverUrl: string;
let closeReceiver: () => Promise<void>;
const received: Received[] = [];

beforeAll(async () => {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/whatsapp`;
  closeReceiver = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  sim = await startWhatsAppSimulator({ phoneNumberId: PHONE_NUMBER_ID, token: TOKEN, appSecret: APP_SECRET, templates: ['mas_welcome', 'mas_reminder'], webhookUrl: receiverUrl });
  wa = createWhatsApp({ mode: 'sim', baseUrl: sim.baseUrl, phoneNumberId: PHONE_NUMBER_ID, token: TOKEN, timeoutMs: 5_000 });
});

afterAll(async () => {
  await sim.close();
  await closeReceiver();
});

beforeEach(() => {
  received.length = 0;
});

async function caught(p: Promise<unknown>): Promise<WhatsAppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WhatsAppError);
  return err as WhatsAppError;
}

describe('template sends', () => {
  it('posts the Cloud API template body and returns the wamid and wa_id', async () => {
    const result = await wa.sendTemplate({ to: '+919876543210', template: 'mas_welcome', languageCode: 'en_US', params: ['Asha', 'Data Science'] });
    expect(result.messageId).toMatch(/^wamid\.[A-Za-z0-9_-]+$/);
    expect(result.waId).toBe('919876543210');
    const recorded = sim.messages().at(-1)!;
    expect(recorded.id).toBe(result.messageId);
    expect(recorded.apiVersion).toBe('v21.0');
    expect(recorded.phoneNumberId).toBe(PHONE_NUMBER_ID);
    expect(recorded.body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '919876543210',
      type: 'template',
      template: {
        name: 'mas_welcome',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Asha' },
              { type: 'text', text: 'Data Science' },
            ],
          },
        ],
      },
    });
  });

  it('sends no components without params, and language en by default', async () => {
    const { messageId } = await wa.sendTemplate({ to: '+14155550123', template: 'mas_reminder' });
    const recorded = sim.messages({ to: '+14155550123' }).find((m) => m.id === messageId)!;
    expect(recorded.body.type === 'template' && recorded.body.template).toEqual({ name: 'mas_reminder', language: { code: 'en' } });
  });

  it('exposes the sent messages on the control API', async () => {
    const { messageId } = await wa.sendTemplate({ to: '+919800000001', template: 'mas_welcome' });
    const res = await fetch(`${sim.origin}/_sim/messages?to=919800000001`);
    const body = (await res.json()) as { messages: { id: string }[] };
    expect(body.messages.map((m) => m.id)).toEqual([messageId]);
  });
});

describe('errors', () => {
  it('a wrong token is a non-retryable 401 OAuthException (code 190), and nothing is sent', async () => {
    const before = sim.messages().length;
    const bad = createWhatsAppClient({ baseUrl: sim.baseUrl, phoneNumberId: PHONE_NUMBER_ID, token: 'not-the-token' });
    const err = await caught(bad.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }));
    expect(err).toMatchObject({ status: 401, code: 190, type: 'OAuthException', retryable: false });
    expect(err.fbtraceId).toBeTruthy();
    expect(sim.messages()).toHaveLength(before);
  });

  it('a rate limit (HTTP 429, code 130429) is retryable, and the next send goes through', async () => {
    sim.failNext(1, 'rate_limit');
    const err = await caught(wa.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }));
    expect(err).toMatchObject({ status: 429, code: 130429, retryable: true });
    expect(err.details).toContain('throughput');
    await expect(wa.sendTemplate({ to: '+919876543210', template: 'mas_welcome' })).resolves.toMatchObject({ waId: '919876543210' });
  });

  it('code 130429 is retryable even when it comes back as HTTP 400', async () => {
    sim.failNext(1, 'rate_limit', 400);
    expect(await caught(wa.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }))).toMatchObject({ status: 400, code: 130429, retryable: true });
  });

  it('an undeliverable number is a non-retryable 400; a server error is retryable', async () => {
    const res = await fetch(`${sim.origin}/_sim/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ count: 1, kind: 'invalid_number' }) });
    expect(res.status).toBe(200);
    expect(await caught(wa.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }))).toMatchObject({ status: 400, code: 131026, retryable: false });
    sim.failNext(1, 'server_error');
    expect(await caught(wa.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }))).toMatchObject({ status: 500, retryable: true });
  });

  it('an unknown template is refused (132001, not retryable)', async () => {
    expect(await caught(wa.sendTemplate({ to: '+919876543210', template: 'no_such_template' }))).toMatchObject({ code: 132001, retryable: false });
  });

  it('a wrong phone number id is a GraphMethodException', async () => {
    const other = createWhatsAppClient({ baseUrl: sim.baseUrl, phoneNumberId: '999', token: TOKEN });
    expect(await caught(other.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }))).toMatchObject({ status: 400, code: 100, type: 'GraphMethodException', retryable: false });
  });

  it('a number that is not E.164 is refused before any request', async () => {
    const before = sim.messages().length;
    for (const to of ['919876543210', '+91 98765 43210', '+0123456789']) {
      expect(await caught(wa.sendTemplate({ to, template: 'mas_welcome' }))).toMatchObject({ status: null, code: LOCAL_ERROR_CODES.invalidRequest, retryable: false });
    }
    expect(sim.messages()).toHaveLength(before);
  });

  it('no answer at all is a retryable network error', async () => {
    const down = createWhatsAppClient({ baseUrl: 'http://127.0.0.1:9', phoneNumberId: PHONE_NUMBER_ID, token: TOKEN, timeoutMs: 1_000 });
    expect(await caught(down.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }))).toMatchObject({ status: null, retryable: true });
  });

  it('mode off refuses every send, not retryable; sim mode needs a base URL; live needs https', async () => {
    const off = createWhatsApp({ mode: 'off', phoneNumberId: PHONE_NUMBER_ID, token: TOKEN });
    expect(await caught(off.sendTemplate({ to: '+919876543210', template: 'mas_welcome' }))).toMatchObject({ code: LOCAL_ERROR_CODES.disabled, retryable: false });
    expect(() => createWhatsApp({ mode: 'sim', phoneNumberId: PHONE_NUMBER_ID, token: TOKEN })).toThrow(/baseUrl/);
    expect(() => createWhatsApp({ mode: 'live', baseUrl: sim.baseUrl, phoneNumberId: PHONE_NUMBER_ID, token: TOKEN })).toThrow(/https/);
  });
});

describe('status webhooks', () => {
  const statusOf = (r: Received) => (JSON.parse(r.raw) as StatusWebhookBody).entry[0]!.changes[0]!.value.statuses![0]!;

  it('posts sent, delivered, read, each signed with X-Hub-Signature-256 over the raw body', async () => {
    const { messageId, waId } = await wa.sendTemplate({ to: '+919811112222', template: 'mas_welcome' });
    const deliveries = await sim.deliverStatuses({ messageId });
    expect(deliveries.map((d) => [d.status, d.httpStatus])).toEqual([
      ['sent', 200],
      ['delivered', 200],
      ['read', 200],
    ]);
    expect(received).toHaveLength(3);
    for (const r of received) {
      const header = r.headers['x-hub-signature-256'] as string;
      expect(header).toBe(signWebhook(r.raw, APP_SECRET));
      expect(verifyWebhookSignature(r.raw, header, APP_SECRET)).toBe(true);
      expect(verifyWebhookSignature(r.raw, header, 'another-secret')).toBe(false);
      const parsed = parseStatusWebhook(r.raw, header, APP_SECRET);
      expect(parsed.ok && parsed.statuses[0]).toMatchObject({ id: messageId, recipient_id: waId });
    }
    const body = JSON.parse(received[0]!.raw) as StatusWebhookBody;
    expect(body.object).toBe('whatsapp_business_account');
    expect(body.entry[0]!.changes[0]!.value.metadata.phone_number_id).toBe(PHONE_NUMBER_ID);
    expect(received.map((r) => statusOf(r).status)).toEqual(['sent', 'delivered', 'read']);
    const stamps = received.map((r) => Number(statusOf(r).timestamp));
    expect(stamps[0]! < stamps[2]!).toBe(true);
  });

  it('sends duplicates with identical bytes, and reversed order on request (control API)', async () => {
    const { messageId } = await wa.sendTemplate({ to: '+919811113333', template: 'mas_welcome' });
    const res = await fetch(`${sim.origin}/_sim/webhooks/deliver`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message_id: messageId, statuses: ['delivered', 'read'], duplicates: 2, out_of_order: true }),
    });
    expect(res.status).toBe(200);
    expect(received.map((r) => statusOf(r).status)).toEqual(['read', 'read', 'delivered', 'delivered']);
    expect(received[0]!.raw).toBe(received[1]!.raw);
  });

  it('a failed status carries the error', async () => {
    const { messageId } = await wa.sendTemplate({ to: '+919811114444', template: 'mas_welcome' });
    await sim.deliverStatuses({ messageId, statuses: ['failed'], error: { code: 131049, title: 'Message not delivered to maintain healthy ecosystem engagement' } });
    expect(statusOf(received[0]!)).toMatchObject({ status: 'failed', errors: [{ code: 131049 }] });
  });

  it('a tampered body fails verification', () => {
    const raw = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    const header = signWebhook(raw, APP_SECRET);
    expect(parseStatusWebhook(raw.replace('[]', '[ ]'), header, APP_SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(parseStatusWebhook(raw, 'sha256=zz', APP_SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(parseStatusWebhook(raw, undefined, APP_SECRET)).toEqual({ ok: false, reason: 'bad_signature' });
    expect(parseStatusWebhook(raw, header, APP_SECRET)).toEqual({ ok: true, statuses: [], messages: [], skipped: 0 });
  });
});
