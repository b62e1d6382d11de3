// The CRM engine's WhatsApp sends on the real stack (worker + simulator): from the lead
// assignee's own number when they have an active WhatsApp config, else the platform number;
// lead_whatsapp_logs records which (user_id, from_number).
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

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
  });
});
