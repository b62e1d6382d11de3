// The WhatsApp webhook on the real api, served over HTTP, fed by the simulator's signed status
// webhooks for messages the real client actually sent: the subscription handshake, statuses
// that only move forward (duplicates and late arrivals change nothing), and bad signatures.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../providers/whatsapp/index.js';
import { startTestStack, TEST_WHATSAPP, type TestStack } from '../support/stack.js';

let stack: TestStack;
let server: ServerType;
let webhookUrl: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  server = serve({ fetch: stack.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stack.close();
});

const phone = () => `+9198${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;

/** A real send through the client and simulator, recorded in both message tables. */
async function sentMessage() {
  const to = phone();
  const { messageId } = await stack.deps.whatsapp.sendTemplate({ to, template: 'mas_welcome', params: ['Ravi'] });
  const tag = randomUUID().slice(0, 8);
  const user = await stack.db.user.create({ data: { email: `wa-${tag}@test.local`, name: `Sales ${tag}` } });
  const lead = await stack.db.rawLead.create({ data: { name: `Lead ${tag}`, phone: to, sessionYear: '2026', sourceType: 'manual' } });
  await stack.db.whatsAppMessage.create({ data: { userId: user.id, wamid: messageId, fromPhone: '+15550000000', toPhone: to, messageType: 'template', templateName: 'mas_welcome' } });
  const log = await stack.db.leadWhatsAppLog.create({ data: { rawLeadId: lead.id, toNumber: to, messageType: 'template', templateName: 'mas_welcome', provider: 'meta_cloud', providerMessageId: messageId } });
  return { messageId, logId: log.id };
}

async function rows(messageId: string) {
  const message = await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { wamid: messageId } });
  const log = await stack.db.leadWhatsAppLog.findFirstOrThrow({ where: { providerMessageId: messageId } });
  return { message, log };
}

const deliver = (messageId: string, statuses: ('sent' | 'delivered' | 'read' | 'failed')[], extra: { duplicates?: number; outOfOrder?: boolean } = {}) =>
  stack.whatsappSim.deliverStatuses({ messageId, statuses, url: webhookUrl, ...extra });

describe('GET /api/webhooks/whatsapp (subscription handshake)', () => {
  const verify = (query: Record<string, string>) => fetch(`${webhookUrl}?${new URLSearchParams(query).toString()}`);

  it('echoes hub.challenge as text when the verify token matches', async () => {
    const res = await verify({ 'hub.mode': 'subscribe', 'hub.verify_token': TEST_WHATSAPP.verifyToken, 'hub.challenge': '1158201444' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1158201444');
  });

  it('refuses a wrong token or mode with 403 problem+json', async () => {
    const queries: Record<string, string>[] = [
      { 'hub.mode': 'subscribe', 'hub.verify_token': 'wrong-token', 'hub.challenge': '1' },
      { 'hub.mode': 'unsubscribe', 'hub.verify_token': TEST_WHATSAPP.verifyToken, 'hub.challenge': '1' },
      { 'hub.challenge': '1' },
    ];
    for (const query of queries) {
      const res = await verify(query);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.text()).not.toContain('"1"');
    }
  });
});

describe('POST /api/webhooks/whatsapp (status updates)', () => {
  it('moves a message sent → delivered → read in both tables, with the timestamps', async () => {
    const { messageId } = await sentMessage();
    let r = await rows(messageId);
    expect(r.message.status).toBe('sent');
    expect(r.log.status).toBe('queued');

    expect((await deliver(messageId, ['sent'])).map((d) => d.httpStatus)).toEqual([200]);
    r = await rows(messageId);
    expect(r.message).toMatchObject({ status: 'sent', deliveredAt: null });
    expect(r.message.sentAt).toBeInstanceOf(Date);
    expect(r.log.status).toBe('sent');
    expect(r.log.sentAt).toBeInstanceOf(Date);

    await deliver(messageId, ['delivered']);
    r = await rows(messageId);
    expect(r.message.status).toBe('delivered');
    expect(r.log.status).toBe('delivered');
    expect(r.message.deliveredAt).toBeInstanceOf(Date);
    expect(r.log.deliveredAt).toBeInstanceOf(Date);

    await deliver(messageId, ['read']);
    r = await rows(messageId);
    expect(r.message).toMatchObject({ status: 'read', providerPayload: { id: messageId, status: 'read' } });
    expect(r.log.status).toBe('read');
    expect(r.message.readAt).toBeInstanceOf(Date);
    expect(r.log.readAt).toBeInstanceOf(Date);
  });

  it('a read that arrives before delivered stays read', async () => {
    const { messageId } = await sentMessage();
    const deliveries = await deliver(messageId, ['sent', 'delivered', 'read'], { outOfOrder: true });
    expect(deliveries.map((d) => [d.status, d.httpStatus])).toEqual([
      ['read', 200],
      ['delivered', 200],
      ['sent', 200],
    ]);
    const r = await rows(messageId);
    expect(r.message.status).toBe('read');
    expect(r.log.status).toBe('read');
  });

  it('duplicates are no-ops: the rows do not change after the first', async () => {
    const { messageId } = await sentMessage();
    await deliver(messageId, ['delivered']);
    const first = await rows(messageId);
    expect(first.log.status).toBe('delivered');
    const again = await deliver(messageId, ['delivered'], { duplicates: 3 });
    expect(again.map((d) => d.httpStatus)).toEqual([200, 200, 200]);
    const after = await rows(messageId);
    expect(after.message.updatedAt).toEqual(first.message.updatedAt);
    expect(after.log.updatedAt).toEqual(first.log.updatedAt);
    expect(after.message.deliveredAt).toEqual(first.message.deliveredAt);
  });

  it('the api reports how many rows moved: 2 for a change, 0 for a repeat', async () => {
    const { messageId } = await sentMessage();
    const post = (raw: string) => fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(raw, TEST_WHATSAPP.appSecret) }, body: raw });
    const raw = statusBody(messageId, 'delivered');
    expect(await (await post(raw)).json()).toEqual({ status: 'processed', updated: 2 });
    expect(await (await post(raw)).json()).toEqual({ status: 'processed', updated: 0 });
    expect(await (await post(JSON.stringify({ object: 'whatsapp_business_account', entry: [] }))).json()).toEqual({ status: 'ignored', updated: 0 });
  });

  it('failed is terminal and keeps the error', async () => {
    const { messageId } = await sentMessage();
    await stack.whatsappSim.deliverStatuses({ messageId, statuses: ['sent', 'failed'], url: webhookUrl, error: { code: 131026, title: 'Message undeliverable' } });
    await deliver(messageId, ['delivered', 'read']);
    const r = await rows(messageId);
    expect(r.message).toMatchObject({ status: 'failed', errorCode: '131026', errorMessage: 'Message undeliverable', readAt: null });
    expect(r.message.failedAt).toBeInstanceOf(Date);
    expect(r.log).toMatchObject({ status: 'failed', errorCode: '131026', errorMessage: 'Message undeliverable', readAt: null });
  });

  it('a tampered or missing signature is 401 problem+json, and nothing changes', async () => {
    const { messageId } = await sentMessage();
    const before = await rows(messageId);
    const raw = statusBody(messageId, 'read');
    const goodSignature = signWebhook(raw, TEST_WHATSAPP.appSecret);
    const attempts: Record<string, string>[] = [
      { 'x-hub-signature-256': goodSignature, body: raw.replace('"read"', '"read" ') },
      { 'x-hub-signature-256': signWebhook(raw, 'not-the-app-secret'), body: raw },
      { 'x-hub-signature-256': goodSignature.replace('sha256=', ''), body: raw },
      { body: raw },
    ];
    for (const { body, ...sig } of attempts) {
      const res = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', ...sig }, body });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await res.json()).toMatchObject({ status: 401, code: 'INVALID_SIGNATURE' });
    }
    const after = await rows(messageId);
    expect(after.message).toEqual(before.message);
    expect(after.log).toEqual(before.log);
  });

  it('a signed body that is not a webhook envelope is 400', async () => {
    const raw = '{"hello":"world"}';
    const res = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(raw, TEST_WHATSAPP.appSecret) }, body: raw });
    expect(res.status).toBe(400);
  });

  it('a status for a wamid we never stored is acknowledged with 200', async () => {
    const raw = statusBody(`wamid.${randomUUID()}`, 'delivered');
    const res = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(raw, TEST_WHATSAPP.appSecret) }, body: raw });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'processed', updated: 0 });
  });
});

describe('late statuses (the message already final)', () => {
  const post = (raw: string, secret = TEST_WHATSAPP.appSecret) =>
    fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(raw, secret) }, body: raw });

  it('a late genuine status is acknowledged 200 and recorded once, changing nothing; its retry too; a bad signature stays 401', async () => {
    const { messageId } = await sentMessage();
    await deliver(messageId, ['sent', 'delivered', 'read']);
    const final = await rows(messageId);
    expect(final.log.status).toBe('read');
    const late = await deliver(messageId, ['delivered', 'sent'], { duplicates: 2 });
    expect(late.map((d) => d.httpStatus)).toEqual([200, 200, 200, 200]);
    expect(await rows(messageId)).toEqual(final);
    // Every authentic status is on record, once each, late ones included.
    const recorded = await stack.db.webhookEvent.findMany({ where: { provider: 'whatsapp', subjectId: messageId }, orderBy: { eventType: 'asc' } });
    expect(recorded.map((e) => e.eventType)).toEqual(['message.delivered', 'message.read', 'message.sent']);
    const forged = await post(statusBody(messageId, 'failed'), 'not-the-app-secret');
    expect(forged.status).toBe(401);
    expect(await stack.db.webhookEvent.count({ where: { provider: 'whatsapp', subjectId: messageId } })).toBe(3);
  });

  it('a status whose timestamp no date can hold is still acknowledged (never a retry loop)', async () => {
    const { messageId } = await sentMessage();
    const raw = statusBody(messageId, 'delivered').replace(/"timestamp":"\d+"/, '"timestamp":"99999999999999999999"');
    const res = await post(raw);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'processed', updated: 2 });
    expect((await rows(messageId)).log.deliveredAt).toBeInstanceOf(Date);
  });
});

function statusBody(messageId: string, status: string): string {
  return JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '100000000000000',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550000000', phone_number_id: TEST_WHATSAPP.phoneNumberId },
              statuses: [{ id: messageId, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: '919800000000' }],
            },
          },
        ],
      },
    ],
  });
}
