// Inbound WhatsApp messages through the signed webhook on the real api: stored once as
// whatsapp_messages direction=inbound under a duplicate delivery, routed by
// metadata.phone_number_id to the config's owner, linked to the CRM lead with that phone; a
// message to a number without a config is acknowledged and not stored.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../providers/whatsapp/index.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, TEST_WHATSAPP, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack?.close());

async function staffWithNumber() {
  const u = await createUser(stack, 'SALES');
  const phoneNumberId = `4${randomInt(100_000_000, 999_999_999)}`;
  const token = `EAAG-${randomBytes(20).toString('base64url')}`;
  stack.whatsappSim.addNumber({ phoneNumberId, token, displayPhoneNumber: '91 90000 22222' });
  const res = await stack.app.request(json('PUT', '/api/me/whatsapp-config', { phoneNumberId, businessAccountId: '300000000000007', accessToken: token }, bearerHeader(u.accessToken)));
  expect(res.status).toBe(201);
  return { ...u, phoneNumberId };
}

const inboundBody = (phoneNumberId: string, messages: Record<string, unknown>[]) =>
  JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '300000000000007', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '919000022222', phone_number_id: phoneNumberId }, contacts: [{ profile: { name: 'Asha' }, wa_id: '1' }], messages } }] }],
  });
const textMessage = (from: string, body: string) => ({ from, id: `wamid.${randomUUID()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body } });
const post = async (raw: string) => {
  const res = await stack.app.request('/api/webhooks/whatsapp', { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(raw, TEST_WHATSAPP.appSecret) }, body: raw });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe('inbound WhatsApp messages', () => {
  it('are stored once under a duplicate delivery, routed to the receiving number’s owner and linked to the lead by phone', async () => {
    const a = await staffWithNumber();
    const b = await staffWithNumber();
    const digits = `9198${randomInt(10_000_000, 99_999_999)}`;
    const lead = await stack.db.rawLead.create({ data: { name: 'Asha', phone: `+${digits}`, sessionYear: '2026', sourceType: 'manual', assignedTo: b.user.id } });
    const m = textMessage(digits, 'Hello, is the course still open?');
    const raw = inboundBody(b.phoneNumberId, [m]);

    expect(await post(raw)).toEqual({ status: 200, body: { status: 'processed', updated: 0, stored: 1 } });
    expect(await post(raw)).toEqual({ status: 200, body: { status: 'processed', updated: 0, stored: 0 } });
    expect(await post(raw)).toMatchObject({ body: { stored: 0 } });

    const rows = await stack.db.whatsAppMessage.findMany({ where: { wamid: m.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: b.user.id, direction: 'inbound', fromPhone: `+${digits}`, toPhone: '+919000022222', messageType: 'text', body: 'Hello, is the course still open?', status: 'delivered' });
    expect(await stack.db.whatsAppMessage.count({ where: { userId: a.user.id, direction: 'inbound' } })).toBe(0);
    const logs = await stack.db.leadWhatsAppLog.findMany({ where: { providerMessageId: m.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ rawLeadId: lead.id, direction: 'inbound', status: 'received', userId: b.user.id, body: 'Hello, is the course still open?' });

    // The owner sees it in their message log.
    const mine = await stack.app.request(json('GET', '/api/me/whatsapp-messages', undefined, bearerHeader(b.accessToken)));
    expect(((await mine.json()) as { items: { wamid: string }[] }).items.map((i) => i.wamid)).toContain(m.id);
  });

  it('a message from a number the CRM does not know is stored without a lead link; one to a number without a config is not stored', async () => {
    const a = await staffWithNumber();
    const m = textMessage(`9197${randomInt(10_000_000, 99_999_999)}`, 'hi');
    expect((await post(inboundBody(a.phoneNumberId, [m]))).body).toMatchObject({ stored: 1 });
    expect(await stack.db.leadWhatsAppLog.count({ where: { providerMessageId: m.id } })).toBe(0);

    const lost = textMessage(`9197${randomInt(10_000_000, 99_999_999)}`, 'hello');
    expect(await post(inboundBody('777777777777', [lost]))).toEqual({ status: 200, body: { status: 'processed', updated: 0, stored: 0 } });
    expect(await stack.db.whatsAppMessage.count({ where: { wamid: lost.id } })).toBe(0);
  });
});
