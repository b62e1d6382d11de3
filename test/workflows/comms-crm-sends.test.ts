// The CRM engine's sends on the real stack (worker + simulators): WhatsApp from the lead
// assignee's own number when they have an active WhatsApp config, else the platform number
// (lead_whatsapp_logs records which, and every send is mirrored into whatsapp_messages); and the
// marketing rules: an unsubscribed recipient is skipped (one-click link, inbound STOP), a send in
// the recipient's quiet hours waits for the window's end (pausable), and emails carry RFC 8058
// unsubscribe headers.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../providers/whatsapp/index.js';
import { localMinuteOfDay } from '../../domain/comms/quiet-hours.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, TEST_WHATSAPP, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

const tag = () => randomUUID().slice(0, 8);
const api = (method: string, path: string, body?: unknown, token = admin.accessToken) => stack.app.request(json(method, path, body, bearerHeader(token)));
async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = (await r.json()) as T;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(body)}`);
  return body;
}
async function newLead(extra: Record<string, unknown> = {}) {
  return (await ok<{ id: string }>(api('POST', '/api/crm/leads', { name: `Lead ${tag()}`, phone: `9${randomInt(100_000_000, 999_999_999)}`, sourceType: 'manual', ...extra }), 201)).id;
}
const graph = (...chain: Record<string, unknown>[]) => ({ nodes: chain, edges: chain.slice(1).map((n, i) => ({ from: chain[i]!.id as string, to: n.id as string })) });
async function publishedWorkflow(definition: unknown) {
  const w = await ok<{ id: string }>(api('POST', '/api/crm/workflows', { name: `Test ${tag()}`, definition }), 201);
  await ok(api('POST', `/api/crm/workflows/${w.id}/publish`, { changeNote: 'v1' }), 201);
  return w.id;
}
async function enroll(workflowId: string, leadId: string) {
  return (await ok<{ results: { result: string; enrollmentId: string }[] }>(api('POST', `/api/crm/workflows/${workflowId}/enrollments`, { leadIds: [leadId] }))).results[0]!;
}
const statusIs = (id: string, ...s: string[]) => until(() => ok<{ status: string }>(api('GET', `/api/crm/enrollments/${id}`)), (e) => s.includes(e.status));
const waGraph = () => graph({ id: 't', type: 'trigger.manual' }, { id: 'wa', type: 'action.send_whatsapp', template: 'mas_welcome', params: ['{{lead.name}}'] }, { id: 'e', type: 'end' });

describe('CRM engine WhatsApp sends', () => {
  it('go out from the assignee’s own number when they configured one, else from the platform number', async () => {
    const sales = await createUser(stack, 'SALES');
    const phoneNumberId = `3${randomInt(100_000_000, 999_999_999)}`;
    const token = `EAAG-${randomBytes(20).toString('base64url')}`;
    stack.whatsappSim.addNumber({ phoneNumberId, token, displayPhoneNumber: '+91 90000 11111' });
    const saved = await api('PUT', '/api/me/whatsapp-config', { phoneNumberId, businessAccountId: '300000000000009', accessToken: token }, sales.accessToken);
    expect(saved.status).toBe(201);
    const id = await publishedWorkflow(waGraph());

    const own = await newLead();
    await stack.db.rawLead.update({ where: { id: own }, data: { assignedTo: sales.user.id } });
    await statusIs((await enroll(id, own)).enrollmentId, 'COMPLETED');
    const ownLog = await stack.db.leadWhatsAppLog.findFirstOrThrow({ where: { rawLeadId: own } });
    expect(ownLog).toMatchObject({ status: 'sent', userId: sales.user.id, fromNumber: '+919000011111' });
    expect(stack.whatsappSim.messages({ to: ownLog.toNumber }).map((m) => m.phoneNumberId)).toEqual([phoneNumberId]);

    const unassigned = await newLead();
    await statusIs((await enroll(id, unassigned)).enrollmentId, 'COMPLETED');
    const platformLog = await stack.db.leadWhatsAppLog.findFirstOrThrow({ where: { rawLeadId: unassigned } });
    expect(platformLog).toMatchObject({ status: 'sent', userId: null, fromNumber: null });
    expect(stack.whatsappSim.messages({ to: platformLog.toNumber }).map((m) => m.phoneNumberId)).not.toContain(phoneNumberId);

    // Both sends are mirrored into whatsapp_messages under the same wamid, so the assignee sees theirs.
    expect(await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { wamid: ownLog.providerMessageId! } })).toMatchObject({ direction: 'outbound', status: 'sent', userId: sales.user.id, fromPhone: '+919000011111', toPhone: ownLog.toNumber, templateName: 'mas_welcome' });
    expect(await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { wamid: platformLog.providerMessageId! } })).toMatchObject({ status: 'sent', userId: null, fromPhone: 'platform' });
    const mine = (await ok<{ items: { wamid: string }[] }>(api('GET', '/api/me/whatsapp-messages', undefined, sales.accessToken))).items.map((m) => m.wamid);
    expect(mine).toContain(ownLog.providerMessageId);
    expect(mine).not.toContain(platformLog.providerMessageId);
  });
});

describe('CRM engine marketing rules', () => {
  const emailGraph = () => graph({ id: 't', type: 'trigger.manual' }, { id: 'mail', type: 'action.send_email', subject: 'Hello {{lead.name}}', body: 'Our new batch starts soon.' }, { id: 'e', type: 'end' });
  const nodeRun = (enrollmentId: string, nodeId: string) => stack.db.workflowNodeRun.findFirstOrThrow({ where: { enrollmentId, nodeId }, orderBy: { attempt: 'desc' } });

  it('an email carries a one-click unsubscribe link; after it is used the next send to that address is skipped', async () => {
    const id = await publishedWorkflow(emailGraph());
    const email = `lead-${tag()}@example.com`;
    const first = await newLead({ email });
    await statusIs((await enroll(id, first)).enrollmentId, 'COMPLETED');
    const [mail] = await until(async () => stack.emailSim.messages({ to: email }), (m) => m.length === 1);
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = /<([^>]+)>/.exec(mail!.headers['list-unsubscribe']!)![1]!;
    expect(mail!.text).toContain(url);
    const path = new URL(url).pathname;

    // A GET (a link scanner) does not act; the one-click POST does, twice harmlessly.
    expect(await ok(stack.app.request(path))).toEqual({ channel: 'EMAIL', address: expect.stringMatching(/^l\*\*\*@example\.com$/), unsubscribed: false });
    const oneClick = () => stack.app.request(new Request(`http://x${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }));
    expect(await ok(oneClick())).toMatchObject({ unsubscribed: true });
    expect(await ok(oneClick())).toMatchObject({ unsubscribed: true });
    expect((await stack.app.request('/api/unsubscribe/not-a-real-token-000000')).status).toBe(404);

    // The same lead in another campaign: the email node is skipped, the run goes on.
    const { enrollmentId } = await enroll(await publishedWorkflow(emailGraph()), first);
    await statusIs(enrollmentId, 'COMPLETED');
    expect(await nodeRun(enrollmentId, 'mail')).toMatchObject({ status: 'SKIPPED', result: { skipped: 'unsubscribed', channel: 'EMAIL' } });
    expect(stack.emailSim.messages({ to: email })).toHaveLength(1);
    expect(await stack.db.leadEmailLog.count({ where: { rawLeadId: first } })).toBe(1);
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: first, activityType: 'workflow_event', description: { contains: 'unsubscribed' } } })).toBe(1);
  });

  it('a send in the recipient’s quiet hours waits for the window’s end; a resume after the window was cleared sends it once', async () => {
    const id = await publishedWorkflow(waGraph());
    const lead = await newLead();
    const phone = (await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead } })).phone!;
    // A quiet window from an hour ago to two hours ahead, in Asia/Kolkata.
    const nowMin = localMinuteOfDay(new Date(), 'Asia/Kolkata');
    const endMin = (nowMin + 120) % 1440;
    const pref = await ok<{ channel: string }>(api('PUT', '/api/admin/comms-preferences', { channel: 'WHATSAPP', address: phone, unsubscribed: false }));
    expect(pref.channel).toBe('WHATSAPP');
    await stack.db.commsPreference.update({ where: { channel_address: { channel: 'WHATSAPP', address: phone } }, data: { quietStartMin: (nowMin + 1380) % 1440, quietEndMin: endMin, timezone: 'Asia/Kolkata' } });

    const { enrollmentId } = await enroll(id, lead);
    const waiting = await until(() => ok<{ status: string; currentNodeId: string; waitingUntil: string | null }>(api('GET', `/api/crm/enrollments/${enrollmentId}`)), (e) => e.status === 'WAITING');
    expect(waiting.currentNodeId).toBe('wa');
    const left = Date.parse(waiting.waitingUntil!) - Date.now();
    expect(left).toBeGreaterThan(118 * 60_000);
    expect(left).toBeLessThan(121 * 60_000);
    expect(await nodeRun(enrollmentId, 'wa')).toMatchObject({ status: 'WAITING', attempt: 1 });
    expect(stack.whatsappSim.messages({ to: phone })).toHaveLength(0);

    // The window is cleared; a pause and resume makes the send ask again, on the same visit.
    await stack.db.commsPreference.update({ where: { channel_address: { channel: 'WHATSAPP', address: phone } }, data: { quietStartMin: null, quietEndMin: null, timezone: null } });
    await ok(api('POST', `/api/crm/enrollments/${enrollmentId}/pause`, { reason: 'check quiet hours' }));
    await ok(api('POST', `/api/crm/enrollments/${enrollmentId}/resume`, {}));
    await statusIs(enrollmentId, 'COMPLETED');
    expect(stack.whatsappSim.messages({ to: phone })).toHaveLength(1);
    expect(await stack.db.workflowNodeRun.findMany({ where: { enrollmentId, nodeId: 'wa' }, select: { attempt: true, status: true } })).toEqual([{ attempt: 1, status: 'SUCCEEDED' }]);
    if (process.env.RECORD_HISTORIES === '1') {
      const e = await ok<{ temporalWorkflowId: string }>(api('GET', `/api/crm/enrollments/${enrollmentId}`));
      writeFileSync('test/replay/histories/crm-enrollment-quiet-hours.json', historyToJSON(await stack.temporal.workflow.getHandle(e.temporalWorkflowId).fetchHistory()));
    }
  });

  it('an inbound STOP to the platform number is stored with no owner and opts the number out; START opts it back in', async () => {
    const id = await publishedWorkflow(waGraph());
    const lead = await newLead();
    const phone = (await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead } })).phone!;
    const inbound = (text: string) => {
      const body = JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [{ id: '1', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '910000000000', phone_number_id: TEST_WHATSAPP.phoneNumberId }, messages: [{ from: phone.slice(1), id: `wamid.${tag()}${tag()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }] } }] }],
      });
      return stack.app.request(new Request('http://x/api/webhooks/whatsapp', { method: 'POST', headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhook(body, TEST_WHATSAPP.appSecret) }, body }));
    };
    expect(await ok(inbound('Stop'))).toMatchObject({ stored: 1 });
    const stored = await stack.db.whatsAppMessage.findFirstOrThrow({ where: { fromPhone: phone, direction: 'inbound' } });
    expect(stored).toMatchObject({ userId: null, body: 'Stop' });
    expect(await stack.db.leadWhatsAppLog.count({ where: { rawLeadId: lead, direction: 'inbound' } })).toBe(1);
    expect(await stack.db.commsPreference.findUniqueOrThrow({ where: { channel_address: { channel: 'WHATSAPP', address: phone } } })).toMatchObject({ unsubscribeSource: 'inbound_keyword', unsubscribedAt: expect.any(Date) });

    const skipped = await enroll(id, lead);
    await statusIs(skipped.enrollmentId, 'COMPLETED');
    expect(await nodeRun(skipped.enrollmentId, 'wa')).toMatchObject({ status: 'SKIPPED' });
    expect(stack.whatsappSim.messages({ to: phone })).toHaveLength(0);

    expect(await ok(inbound('START'))).toMatchObject({ stored: 1 });
    expect(await stack.db.commsPreference.findUniqueOrThrow({ where: { channel_address: { channel: 'WHATSAPP', address: phone } } })).toMatchObject({ unsubscribedAt: null });
  });
});
