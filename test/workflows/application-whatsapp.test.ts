// An application's WhatsApp thread on the real stack (worker, Temporal, the WhatsApp simulator,
// the api served over HTTP for the simulator's signed status webhooks): the staff send is logged
// queued before the provider call and delivered by the applicationWhatsApp workflow; a transient
// provider failure is retried (one message, one row); a refusal marks the row failed; duplicate
// and reordered statuses only move it forward; the applicant's reply joins the thread; BOLA.
import { randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../providers/whatsapp/index.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, TEST_WHATSAPP, type TestStack } from '../support/stack.js';

let stack: TestStack;
let server: ServerType;
let webhookUrl: string;
let admin: Awaited<ReturnType<typeof createUser>>;

beforeAll(async () => {
  stack = await startTestStack();
  admin = await createUser(stack, 'ADMIN');
  server = serve({ fetch: stack.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/whatsapp`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stack.close();
});

const api = (method: string, path: string, body?: unknown, token = admin.accessToken) => stack.app.request(json(method, path, body, bearerHeader(token)));
async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = (await r.json()) as T;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(body)}`);
  return body;
}
interface Msg {
  id: string;
  direction: string;
  status: string;
  phoneNumber: string;
  body: string | null;
  providerMessageId: string | null;
  templateName: string | null;
  templateParams: string[] | null;
  sentById: string | null;
  deliveredAt: string | null;
  readAt: string | null;
  errorMessage: string | null;
  workflowId?: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

async function application(phone: string | null = `98${randomInt(10_000_000, 99_999_999)}`) {
  const s = await createUser(stack, 'USER');
  return stack.db.application.create({ data: { userId: s.user.id, name: 'Asha Rao', email: s.email, phone, status: 'SUBMITTED' } });
}
const thread = (id: string) => ok<Page<Msg>>(api('GET', `/api/admin/applications/${id}/whatsapp?limit=100`));
const row = (id: string) => stack.db.applicationWhatsAppMessage.findUniqueOrThrow({ where: { id } });
const send = (appId: string, body: unknown = { template: 'application_update', params: ['Asha', 'MAS101'] }) => api('POST', `/api/admin/applications/${appId}/whatsapp`, body);

describe('application WhatsApp thread', () => {
  it('logs the send queued, delivers it durably, and moves statuses forward only (duplicates, reordered)', async () => {
    const app = await application();
    const queued = await ok<Msg>(send(app.id), 202);
    expect(queued).toMatchObject({ direction: 'outbound', status: 'queued', phoneNumber: `+91${app.phone}`, templateName: 'application_update', templateParams: ['Asha', 'MAS101'], sentById: admin.user.id, providerMessageId: null });
    expect(queued.workflowId).toBe(`application-whatsapp/${queued.id}`);
    const sent = await until(() => row(queued.id), (r) => r.status === 'sent');
    expect(sent.providerMessageId).toMatch(/^wamid\./);
    expect(sent.sentAt).not.toBeNull();
    const wire = stack.whatsappSim.messages({ to: `+91${app.phone}` });
    expect(wire).toHaveLength(1);
    expect(wire[0]!.body).toMatchObject({ type: 'template', template: { name: 'application_update' } });
    const result = await stack.temporal.workflow.getHandle(queued.workflowId!).result();
    expect(result).toEqual({ messageId: queued.id, outcome: 'sent' });

    // Reordered and duplicated signed statuses: read lands first, delivered later changes nothing.
    const deliveries = await stack.whatsappSim.deliverStatuses({ messageId: sent.providerMessageId!, statuses: ['delivered', 'read'], url: webhookUrl, outOfOrder: true, duplicates: 2 });
    expect(deliveries.every((d) => d.httpStatus === 200)).toBe(true);
    const read = await row(queued.id);
    expect(read.status).toBe('read');
    expect(read.readAt).not.toBeNull();
    // A late failed does not undo a read.
    await stack.whatsappSim.deliverStatuses({ messageId: sent.providerMessageId!, statuses: ['failed'], url: webhookUrl, error: { code: 131026, title: 'Message undeliverable' } });
    expect((await row(queued.id)).status).toBe('read');
    const listed = await thread(app.id);
    expect(listed.items.map((m) => [m.id, m.status])).toEqual([[queued.id, 'read']]);

    if (process.env.RECORD_HISTORIES === '1') {
      writeFileSync('test/replay/histories/application-whatsapp.json', historyToJSON(await stack.temporal.workflow.getHandle(queued.workflowId!).fetchHistory()));
    }
  });

  it('retries a transient provider failure (one message), and marks a refusal failed for good', async () => {
    const app = await application();
    stack.whatsappSim.failNext(2, 'server_error');
    const q = await ok<Msg>(send(app.id), 202);
    await until(() => row(q.id), (r) => r.status === 'sent', 30_000);
    expect(stack.whatsappSim.messages({ to: `+91${app.phone}` })).toHaveLength(1);
    expect(await stack.db.applicationWhatsAppMessage.count({ where: { applicationId: app.id } })).toBe(1);

    const other = await application();
    stack.whatsappSim.failNext(1, 'invalid_number');
    const bad = await ok<Msg>(send(other.id), 202);
    const failed = await until(() => row(bad.id), (r) => r.status === 'failed');
    expect(failed.errorMessage).toBeTruthy();
    expect(await stack.temporal.workflow.getHandle(bad.workflowId!).result()).toEqual({ messageId: bad.id, outcome: 'refused' });
    // A status for it later changes nothing (failed is final).
  });

  it('attaches the applicant’s reply to the platform number to the thread, once', async () => {
    const app = await application();
    const q = await ok<Msg>(send(app.id), 202);
    await until(() => row(q.id), (r) => r.status === 'sent');
    const m = { from: `91${app.phone}`, id: `wamid.${randomUUID()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: 'Thanks, I will pay today' } };
    const raw = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [{ id: '300000000000007', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: TEST_WHATSAPP.phoneNumberId }, contacts: [{ profile: { name: 'Asha' }, wa_id: m.from }], messages: [m] } }] }],
    });
    for (let i = 0; i < 2; i++) {
      const res = await fetch(webhookUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(raw, TEST_WHATSAPP.appSecret) }, body: raw });
      expect(res.status).toBe(200);
    }
    // Staff answer with free text (inside the reply window).
    const reply = await ok<Msg>(send(app.id, { text: 'Great, the payment link is in your email.' }), 202);
    expect(reply).toMatchObject({ status: 'queued', templateName: null, templateParams: null, body: 'Great, the payment link is in your email.' });
    await until(() => row(reply.id), (r) => r.status === 'sent');
    expect(stack.whatsappSim.messages({ to: `+91${app.phone}` }).at(-1)!.body).toMatchObject({ type: 'text', text: { body: 'Great, the payment link is in your email.' } });
    const listed = await thread(app.id);
    expect(listed.items).toHaveLength(3);
    expect(listed.items[0]).toMatchObject({ id: reply.id, direction: 'outbound', status: 'sent' });
    listed.items.shift();
    expect(listed.items[0]).toMatchObject({ direction: 'inbound', status: 'received', body: 'Thanks, I will pay today', phoneNumber: `+91${app.phone}`, sentById: null, providerMessageId: m.id });
    // A reply from a number no thread wrote to is not attached anywhere.
    expect(await stack.db.applicationWhatsAppMessage.count({ where: { phoneNumber: '+919999999999' } })).toBe(0);
  });

  it('refuses bad input, unknown applications, missing phones and non-staff callers', async () => {
    const app = await application();
    for (const body of [{}, { template: 'Bad Name!' }, { text: '' }, { text: 'x'.repeat(4097) }, { text: 'hi', template: 'ok' }, { template: 'ok', params: Array(11).fill('x') }, { template: 'ok', params: ['x'.repeat(1025)] }, { template: 'ok', extra: 1 }]) {
      const res = await send(app.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await send(randomUUID())).status).toBe(404);
    expect((await api('GET', `/api/admin/applications/${randomUUID()}/whatsapp`)).status).toBe(404);
    expect((await send((await application(null)).id)).status).toBe(422);
    // The applicant themselves (a USER) and a salesperson may neither send nor read.
    const applicant = await createUser(stack, 'USER');
    const sales = await createUser(stack, 'SALES');
    for (const token of [applicant.accessToken, sales.accessToken]) {
      expect((await api('POST', `/api/admin/applications/${app.id}/whatsapp`, { template: 'x' }, token)).status).toBe(403);
      expect((await api('GET', `/api/admin/applications/${app.id}/whatsapp`, undefined, token)).status).toBe(403);
    }
  });
});
