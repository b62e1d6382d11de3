// The CRM workflow engine on the real stack: enrollments as crm-enrollment/<id> workflows,
// pause/resume/cancel as validated Updates (remaining delay only, nothing runs while paused),
// pinned versions, one enrollment per lead, continue-as-new, and a worker killed mid-graph.
import { randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitLeadEvents } from '../../services/crm-engine/triggers.js';
import { MasCrmWorkflowId, MasEntityType, MasState } from '../../workflows/search-attributes.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { runCrashingWorker } from '../support/crashing-worker.js';
import { sleep, until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack({ config: { crmEnrollmentStepsPerRun: 6 } });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

type Enrollment = {
  id: string;
  status: string;
  definitionVersion: number;
  pausedBy: string | null;
  pauseReason: string | null;
  temporalWorkflowId: string;
  live: { status: string; currentNodeId: string; remainingDelayMs: number | null } | null;
};
type Live = { status: string; remainingDelayMs: number | null; currentNodeId: string };

const tag = () => randomUUID().slice(0, 8);
const api = (method: string, path: string, body?: unknown, token = admin.accessToken) => stack.app.request(json(method, path, body, bearerHeader(token)));

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = (await r.json()) as T;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(body)}`);
  return body;
}

async function newLead(extra: Record<string, unknown> = {}) {
  const r = await ok<{ id: string }>(api('POST', '/api/crm/leads', { name: `Lead ${tag()}`, phone: `9${randomInt(100_000_000, 999_999_999)}`, sourceType: 'manual', ...extra }), 201);
  return r.id;
}

const graph = (...chain: Record<string, unknown>[]) => ({
  nodes: chain,
  edges: chain.slice(1).map((n, i) => ({ from: chain[i]!.id as string, to: n.id as string })),
});

async function publishedWorkflow(definition: unknown, extra: Record<string, unknown> = {}) {
  const w = await ok<{ id: string }>(api('POST', '/api/crm/workflows', { name: `Test ${tag()}`, definition, ...extra }), 201);
  await ok(api('POST', `/api/crm/workflows/${w.id}/publish`, { changeNote: 'v1' }), 201);
  return w.id;
}

async function enroll(workflowId: string, leadId: string) {
  const r = await ok<{ results: { result: string; enrollmentId: string }[] }>(api('POST', `/api/crm/workflows/${workflowId}/enrollments`, { leadIds: [leadId] }));
  return r.results[0]!;
}

const getEnrollment = (id: string) => ok<Enrollment>(api('GET', `/api/crm/enrollments/${id}`));
const statusIs = (id: string, ...s: string[]) => until(() => getEnrollment(id), (e) => s.includes(e.status));

describe('definitions', () => {
  it('refuses to publish a graph with a loop that has no delay, naming the problem', async () => {
    const def = {
      nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'a', type: 'action.update_field', field: 'city', value: 'X' }, { id: 'b', type: 'condition.if', condition: { field: 'city', op: 'eq', value: 'Y' } }, { id: 'e', type: 'end' }],
      edges: [{ from: 't', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'a', branch: 'false' }, { from: 'b', to: 'e', branch: 'true' }],
    };
    const w = await ok<{ id: string; status: string }>(api('POST', '/api/crm/workflows', { name: 'loop', definition: def }), 201);
    expect(w.status).toBe('DRAFT');
    const res = await api('POST', `/api/crm/workflows/${w.id}/publish`, {});
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(await res.json())).toContain('has no delay');
    const badBulk = await api('POST', '/api/crm/enrollments/bulk', { action: 'explode', filter: {}, reason: 'x' });
    expect(badBulk.status).toBe(400);
    expect(badBulk.headers.get('content-type')).toContain('application/problem+json');
    expect((await api('POST', `/api/crm/workflows/${w.id}/dry-run`, { version: 0 })).status).toBe(400);
    expect((await api('GET', '/api/crm/enrollments/not-a-uuid')).status).toBe(400);
    // Bad node shapes are a 400 on save.
    const bad = await api('POST', '/api/crm/workflows', { name: 'bad', definition: { nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'd', type: 'delay.duration' }], edges: [] } });
    expect(bad.status).toBe(400);
  });

  it('dry-runs a version against a sample lead: the path, branch outcomes and waits, with nothing sent', async () => {
    const def = {
      nodes: [
        { id: 't', type: 'trigger.manual' },
        { id: 'hot', type: 'condition.if', condition: { field: 'city', op: 'in', value: ['Pune', 'Mumbai'] } },
        { id: 'wa', type: 'action.send_whatsapp', template: 'mas_welcome', params: ['{{lead.name}}'] },
        { id: 'wait', type: 'delay.duration', hours: 2 },
        { id: 'e', type: 'end' },
      ],
      edges: [{ from: 't', to: 'hot' }, { from: 'hot', to: 'wa', branch: 'true' }, { from: 'hot', to: 'e', branch: 'false' }, { from: 'wa', to: 'wait' }, { from: 'wait', to: 'e' }],
    };
    const id = await publishedWorkflow(def);
    const r = await ok<{ steps: { nodeId: string; outcome?: boolean; would: string; waitMs?: number }[]; endedBy: string; totalWaitMs: number }>(
      api('POST', `/api/crm/workflows/${id}/dry-run`, { version: 1, lead: { name: 'Asha', city: 'Pune', phone: '+919800000000' } }),
    );
    expect(r.steps.map((s) => s.nodeId)).toEqual(['t', 'hot', 'wa', 'wait', 'e']);
    expect(r.steps[1]!.outcome).toBe(true);
    expect(r.steps[2]!.would).toContain('Asha');
    expect(r.totalWaitMs).toBe(2 * 3600_000);
    const cold = await ok<{ steps: { nodeId: string }[] }>(api('POST', `/api/crm/workflows/${id}/dry-run`, { lead: { city: 'Delhi' } }));
    expect(cold.steps.map((s) => s.nodeId)).toEqual(['t', 'hot', 'e']);
    expect(stack.whatsappSim.messages({ to: '919800000000' })).toHaveLength(0);
  });
});

describe('enrollments', () => {
  it('pause during a delay, wait, resume: the delay finishes after only its remaining time, and nothing runs while paused', async () => {
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.manual' }, { id: 'wait', type: 'delay.duration', seconds: 4 }, { id: 'set', type: 'action.update_field', field: 'city', value: 'Resumed' }, { id: 'e', type: 'end' }));
    const leadId = await newLead({ city: 'Before' });
    const { enrollmentId, result } = await enroll(id, leadId);
    expect(result).toBe('enrolled');
    await statusIs(enrollmentId, 'WAITING');
    await sleep(1000);

    const paused = await ok<Live>(api('POST', `/api/crm/enrollments/${enrollmentId}/pause`, { reason: 'lead asked for a call first' }));
    expect(paused.status).toBe('PAUSED');
    // The second slept is deducted; the bounds leave room for a slow machine to land the pause late.
    expect(paused.remainingDelayMs).toBeGreaterThan(1000);
    expect(paused.remainingDelayMs).toBeLessThan(3200);
    const stored = await getEnrollment(enrollmentId);
    expect(stored).toMatchObject({ status: 'PAUSED', pausedBy: admin.user.id, pauseReason: 'lead asked for a call first' });

    await sleep(4500); // longer than the whole delay
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: leadId } })).city).toBe('Before');
    expect((await getEnrollment(enrollmentId)).live).toMatchObject({ status: 'PAUSED', currentNodeId: 'wait' });

    const resumedAt = Date.now();
    await ok(api('POST', `/api/crm/enrollments/${enrollmentId}/resume`, {}));
    await statusIs(enrollmentId, 'COMPLETED');
    const took = Date.now() - resumedAt;
    expect(took).toBeGreaterThanOrEqual(paused.remainingDelayMs! - 300);
    expect(took).toBeLessThan(paused.remainingDelayMs! + 2500);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: leadId } })).city).toBe('Resumed');

    const runs = await ok<{ items: { nodeId: string; status: string }[] }>(api('GET', `/api/crm/enrollments/${enrollmentId}/node-runs`));
    expect(runs.items.map((r) => [r.nodeId, r.status])).toEqual([['t', 'SUCCEEDED'], ['wait', 'SUCCEEDED'], ['set', 'SUCCEEDED']]);
    expect((await api('POST', `/api/crm/enrollments/${enrollmentId}/resume`, {})).status).toBe(409);

    const handle = stack.temporal.workflow.getHandle(stored.temporalWorkflowId);
    const desc = await handle.describe();
    expect(desc.typedSearchAttributes.get(MasEntityType)).toBe('crm_enrollment');
    expect(desc.typedSearchAttributes.get(MasCrmWorkflowId)).toBe(id);
    expect(desc.typedSearchAttributes.get(MasState)).toBe('COMPLETED');
    expect(await desc.staticSummary()).toMatch(new RegExp(`^CRM · Test \\w+ v1 · lead ${leadId}$`));
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/crm-enrollment.json', historyToJSON(await handle.fetchHistory()));
  });

  it('sends WhatsApp, email and SMS through the real clients, logging each send in the lead comms logs and the activity log', async () => {
    const phone = `9${randomInt(100_000_000, 999_999_999)}`;
    const email = `lead.${tag()}@example.com`;
    const id = await publishedWorkflow(
      graph(
        { id: 't', type: 'trigger.manual' },
        { id: 'wa', type: 'action.send_whatsapp', template: 'mas_welcome', params: ['{{lead.name}}', '{{lead.city}}'] },
        { id: 'mail', type: 'action.send_email', subject: 'Hi {{lead.name}}', body: 'Your counsellor will call from {{lead.city}}.' },
        { id: 'sms', type: 'action.send_sms', body: 'MAS: hello {{lead.name}}', dltTemplateId: '1107000000000001' },
        { id: 'e', type: 'end' },
      ),
    );
    const leadId = await newLead({ name: 'Meera', phone, email, city: 'Pune' });
    stack.whatsappSim.failNext(1, 'rate_limit'); // the first attempt is refused; the retry sends, on the same log row
    const { enrollmentId } = await enroll(id, leadId);
    await statusIs(enrollmentId, 'COMPLETED');

    const wa = stack.whatsappSim.messages({ to: `91${phone}` });
    expect(wa).toHaveLength(1);
    expect(JSON.stringify(wa[0]!.body)).toContain('Meera');
    const mails = stack.emailSim.messages({ to: email });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Hi Meera');
    const sms = stack.exotelSim.sms().filter((m) => m.to.endsWith(phone));
    expect(sms).toHaveLength(1);
    expect(sms[0]!.body).toBe('MAS: hello Meera');

    expect(await stack.db.leadWhatsAppLog.findMany({ where: { rawLeadId: leadId } })).toMatchObject([{ status: 'sent', templateName: 'mas_welcome', providerMessageId: wa[0]!.id }]);
    expect(await stack.db.leadEmailLog.findMany({ where: { rawLeadId: leadId } })).toMatchObject([{ status: 'sent', subject: 'Hi Meera', toEmail: email }]);
    expect(await stack.db.leadSmsLog.findMany({ where: { rawLeadId: leadId } })).toMatchObject([{ status: 'sent', providerMessageId: sms[0]!.sid, dltTemplateId: '1107000000000001' }]);
    const acts = (await stack.db.leadActivityLog.findMany({ where: { rawLeadId: leadId } })).map((a) => a.activityType).sort();
    expect(acts).toEqual(['created', 'email_sent', 'sms_sent', 'whatsapp_sent']);
  });

  it('a send the provider refuses for good (not a WhatsApp number) fails the enrollment at once instead of retrying into a later success', async () => {
    const phone = `9${randomInt(100_000_000, 999_999_999)}`;
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.manual' }, { id: 'wa', type: 'action.send_whatsapp', template: 'mas_welcome', params: ['{{lead.name}}'] }, { id: 'e', type: 'end' }));
    const leadId = await newLead({ name: 'Ravi', phone });
    // Two refusals: a retried send would succeed on its third attempt and complete the run.
    stack.whatsappSim.failNext(2, 'invalid_number');
    const { enrollmentId } = await enroll(id, leadId);
    const ended = await statusIs(enrollmentId, 'FAILED', 'COMPLETED');
    expect(ended.status).toBe('FAILED');
    expect(stack.whatsappSim.messages({ to: `91${phone}` })).toHaveLength(0);
    stack.whatsappSim.failNext(0, 'invalid_number');
  });

  it('a salesperson lists only the enrollments of leads they may see, page by page', async () => {
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.manual' }, { id: 'wait', type: 'delay.duration', hours: 1 }, { id: 'e', type: 'end' }));
    const sales = await createUser(stack, 'SALES');
    const leads = [await newLead(), await newLead(), await newLead(), await newLead(), await newLead()];
    await stack.db.rawLead.updateMany({ where: { id: { in: leads.slice(0, 3) } }, data: { assignedTo: sales.user.id } });
    const enrolled = new Map<string, string>();
    for (const l of leads) enrolled.set(l, (await enroll(id, l)).enrollmentId);
    type Page = { items: { id: string; leadId: string }[]; nextCursor: string | null };
    const first = await ok<Page>(api('GET', `/api/crm/enrollments?workflowId=${id}&limit=2`, undefined, sales.accessToken));
    expect(first.items).toHaveLength(2);
    const second = await ok<Page>(api('GET', `/api/crm/enrollments?workflowId=${id}&limit=2&cursor=${first.nextCursor}`, undefined, sales.accessToken));
    expect(second).toMatchObject({ nextCursor: null });
    const seen = [...first.items, ...second.items].map((e) => e.leadId).sort();
    expect(seen).toEqual(leads.slice(0, 3).sort());
    const all = await ok<Page>(api('GET', `/api/crm/enrollments?workflowId=${id}&limit=10`));
    expect(all.items).toHaveLength(5);
    expect((await api('GET', `/api/crm/enrollments/${enrolled.get(leads[4]!)}`, undefined, sales.accessToken)).status).toBe(404);
  });

  it('refuses illegal transitions with 409 before anything changes: resume when active, pause twice, anything after cancel', async () => {
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.manual' }, { id: 'wait', type: 'delay.duration', minutes: 30 }, { id: 'e', type: 'end' }));
    const { enrollmentId } = await enroll(id, await newLead());
    await statusIs(enrollmentId, 'WAITING');
    const r = await api('POST', `/api/crm/enrollments/${enrollmentId}/resume`, {});
    expect(r.status).toBe(409);
    expect(((await r.json()) as { detail: string }).detail).toContain('not paused');
    expect((await getEnrollment(enrollmentId)).status).toBe('WAITING');
    await ok(api('POST', `/api/crm/enrollments/${enrollmentId}/pause`, { reason: 'one' }));
    expect((await api('POST', `/api/crm/enrollments/${enrollmentId}/pause`, { reason: 'two' })).status).toBe(409);
    expect((await getEnrollment(enrollmentId)).pauseReason).toBe('one');
    expect((await api('POST', `/api/crm/enrollments/${enrollmentId}/pause`, {})).status).toBe(400);
    await ok(api('POST', `/api/crm/enrollments/${enrollmentId}/cancel`, { reason: 'duplicate lead' }));
    await statusIs(enrollmentId, 'CANCELLED');
    expect((await api('POST', `/api/crm/enrollments/${enrollmentId}/resume`, {})).status).toBe(409);
    const runs = await stack.db.workflowNodeRun.findMany({ where: { enrollmentId, nodeId: 'wait' } });
    expect(runs.map((x) => x.status)).toEqual(['CANCELLED']);
  });

  it('publishing v2 while v1 enrollments run: they finish on v1, new ones start on v2', async () => {
    const v = (city: string) => graph({ id: 't', type: 'trigger.manual' }, { id: 'wait', type: 'delay.duration', seconds: 2 }, { id: 'set', type: 'action.update_field', field: 'city', value: city }, { id: 'e', type: 'end' });
    const id = await publishedWorkflow(v('V1'));
    const a = await newLead();
    const first = await enroll(id, a);
    await ok(api('PATCH', `/api/crm/workflows/${id}`, { definition: v('V2') }));
    const published = await ok<{ version: number }>(api('POST', `/api/crm/workflows/${id}/publish`, { changeNote: 'v2' }), 201);
    expect(published.version).toBe(2);
    const b = await newLead();
    const second = await enroll(id, b);
    const [ea, eb] = [await statusIs(first.enrollmentId, 'COMPLETED'), await statusIs(second.enrollmentId, 'COMPLETED')];
    expect([ea.definitionVersion, eb.definitionVersion]).toEqual([1, 2]);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: a } })).city).toBe('V1');
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: b } })).city).toBe('V2');
  });

  it('the same lead triggered twice (and enrolled five times at once) gets one enrollment; re-enrollment only when allowed', async () => {
    const form = `form-${tag()}`;
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.form_submitted', formId: form }, { id: 'wait', type: 'delay.duration', seconds: 1 }, { id: 'e', type: 'end' }));
    const leadId = await newLead({ sourceType: 'website', sourceDetail: form });
    const again = await emitLeadEvents(stack.deps, [{ type: 'LEAD_CREATED', leadId, platform: 'mr-mentor', sourceType: 'website', formId: form }]);
    expect(again.filter((r) => r.started)).toHaveLength(0);
    const results = await Promise.all(Array.from({ length: 5 }, () => enroll(id, leadId)));
    expect(results.map((r) => r.result)).toEqual(Array(5).fill('already_enrolled'));
    const rows = await until(() => stack.db.workflowEnrollment.findMany({ where: { workflowId: id } }), (r) => r.length > 0);
    expect(rows).toHaveLength(1);
    await statusIs(rows[0]!.id, 'COMPLETED');
    expect((await enroll(id, leadId)).result).toBe('already_enrolled');

    const again2 = await publishedWorkflow(graph({ id: 't', type: 'trigger.manual' }, { id: 'e', type: 'end' }), { allowReenrollment: true });
    const e1 = await enroll(again2, leadId);
    await statusIs(e1.enrollmentId, 'COMPLETED');
    const e2 = await enroll(again2, leadId);
    expect(e2.result).toBe('enrolled');
    expect(e2.enrollmentId).not.toBe(e1.enrollmentId);
  });

  it('a status change through PATCH /api/crm/leads/:id is logged and enrolls the lead in lead_status_changed workflows', async () => {
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.lead_status_changed', toStatus: 'contacted' }, { id: 'set', type: 'action.update_field', field: 'city', value: 'Triggered' }, { id: 'e', type: 'end' }));
    const leadId = await newLead();
    const lead = await ok<{ status: string }>(api('PATCH', `/api/crm/leads/${leadId}`, { status: 'contacted', note: 'picked up' }));
    expect(lead.status).toBe('contacted');
    const rows = await until(() => stack.db.workflowEnrollment.findMany({ where: { workflowId: id, subjectId: leadId } }), (r) => r.length === 1);
    await statusIs(rows[0]!.id, 'COMPLETED');
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: leadId } })).city).toBe('Triggered');
    const log = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: leadId, activityType: 'status_changed' } });
    expect(log).toHaveLength(1);
    expect(log[0]!.metadata).toMatchObject({ from: 'new', to: 'contacted', note: 'picked up' });
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: leadId, activityType: 'updated', performedBy: null } })).toBe(1); // the workflow's
    const bad = await api('PATCH', `/api/crm/leads/${leadId}`, { note: 'nothing else' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect((await api('PATCH', `/api/crm/leads/${leadId}`, { status: 'maybe' })).status).toBe(400);
    expect((await api('PATCH', `/api/crm/leads/${leadId}`, { phone: '9000000000' })).status).toBe(400); // identity changes go through capture
    const other = await createUser(stack, 'SALES');
    expect((await api('PATCH', `/api/crm/leads/${leadId}`, { status: 'lost' }, other.accessToken)).status).toBe(404);
  });

  it('a trigger that matches many leads at once (a CSV chunk) enrolls them through a bulk operation, not inline', async () => {
    const form = `form-${tag()}`;
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.form_submitted', formId: form }, { id: 'e', type: 'end' }));
    const leads = await stack.db.rawLead.createManyAndReturn({
      data: Array.from({ length: 30 }, (_, i) => ({ platform: 'mr-mentor', name: `Form ${i}`, phone: `+91${8_000_000_000 + randomInt(0, 999_999_999)}`, sessionYear: '2026', sourceType: 'website' as const, sourceDetail: form })),
      select: { id: true },
    });
    const started = await emitLeadEvents(stack.deps, leads.map((l) => ({ type: 'LEAD_CREATED' as const, leadId: l.id, platform: 'mr-mentor', sourceType: 'website', formId: form })));
    expect(started).toEqual([]); // none inline
    const op = await until(() => stack.db.crmBulkOperation.findFirst({ where: { workflowId: id, action: 'enroll' } }), (o) => o?.status === 'COMPLETED');
    expect(op).toMatchObject({ total: 30, succeeded: 30, requestedBy: null });
    await until(() => stack.db.workflowEnrollment.count({ where: { workflowId: id, status: 'COMPLETED' } }), (n) => n === 30);
  });

  it('a looping graph continues-as-new and keeps its place, until its goal holds', async () => {
    const def = {
      nodes: [
        { id: 't', type: 'trigger.manual' },
        { id: 'wait', type: 'delay.duration', seconds: 1 },
        { id: 'done', type: 'goal', condition: { field: 'status', op: 'eq', value: 'interested' } },
      ],
      edges: [{ from: 't', to: 'wait' }, { from: 'wait', to: 'done' }, { from: 'done', to: 'wait' }],
    };
    const id = await publishedWorkflow(def);
    const leadId = await newLead();
    const { enrollmentId } = await enroll(id, leadId);
    const e = await until(() => getEnrollment(enrollmentId), (x) => ((x.live as unknown as { run?: number } | null)?.run ?? 0) >= 2, 30_000);
    await stack.db.rawLead.update({ where: { id: leadId }, data: { status: 'interested' } });
    await statusIs(enrollmentId, 'COMPLETED');
    const runs = await stack.db.workflowNodeRun.findMany({ where: { enrollmentId, nodeId: 'done' }, orderBy: { attempt: 'asc' } });
    expect(runs.map((r) => r.attempt)).toEqual(runs.map((_, i) => i + 1));
    expect(runs.at(-1)!.result).toEqual({ outcome: true });
    const desc = await stack.temporal.workflow.getHandle(e.temporalWorkflowId).describe();
    expect(desc.runId).not.toBe(desc.raw.workflowExecutionInfo?.firstRunId);
    if (process.env.RECORD_HISTORIES === '1') {
      const first = stack.temporal.workflow.getHandle(e.temporalWorkflowId, desc.raw.workflowExecutionInfo!.firstRunId!);
      writeFileSync('test/replay/histories/crm-enrollment-continue-as-new.json', historyToJSON(await first.fetchHistory()));
    }
  });
});

describe('bulk', () => {
  it('bulk-enrolls 1,000 leads, then bulk-pauses all 1,000 with progress reported', { timeout: 180_000 }, async () => {
    const id = await publishedWorkflow(graph({ id: 't', type: 'trigger.manual' }, { id: 'wait', type: 'delay.duration', hours: 1 }, { id: 'e', type: 'end' }));
    const t = tag();
    const sales = await createUser(stack, 'SALES');
    await stack.db.rawLead.createMany({
      data: Array.from({ length: 1000 }, (_, i) => ({ platform: 'mr-mentor', name: `Bulk ${t} ${i}`, phone: `+91${7_000_000_000 + randomInt(0, 999_999_999)}`, sessionYear: '2026', sourceType: 'import' as const, assignedTo: sales.user.id })),
      skipDuplicates: true,
    });
    const n = await stack.db.rawLead.count({ where: { assignedTo: sales.user.id } });
    const op = await ok<{ id: string; temporalWorkflowId: string }>(api('POST', `/api/crm/workflows/${id}/enrollments/bulk`, { filter: { assignedTo: sales.user.id } }), 202);
    expect(op.temporalWorkflowId).toBe(`crm-bulk/${op.id}`);
    const enrolled = await until(() => ok<{ status: string; total: number; succeeded: number; failures: { id: string; error?: string }[] }>(api('GET', `/api/crm/bulk-operations/${op.id}`)), (o) => o.status === 'COMPLETED', 120_000);
    // The failures first: on a mismatch they say why.
    expect(enrolled.failures).toEqual([]);
    expect(enrolled).toMatchObject({ total: n, succeeded: n });
    await until(() => stack.db.workflowEnrollment.count({ where: { workflowId: id, status: 'WAITING' } }), (c) => c === n, 120_000);

    const pause = await ok<{ id: string }>(api('POST', '/api/crm/enrollments/bulk', { action: 'pause', filter: { workflowId: id }, reason: 'campaign on hold' }), 202);
    const seen: number[] = [];
    const done = await until(
      async () => {
        const o = await ok<{ status: string; total: number; processed: number; succeeded: number; failed: number }>(api('GET', `/api/crm/bulk-operations/${pause.id}`));
        seen.push(o.processed);
        return o;
      },
      (o) => o.status === 'COMPLETED',
      120_000,
    );
    expect(done).toMatchObject({ total: n, processed: n, succeeded: n, failed: 0 });
    expect(seen.some((p) => p > 0 && p < n)).toBe(true);
    expect(await stack.db.workflowEnrollment.count({ where: { workflowId: id, status: 'PAUSED', pauseReason: 'campaign on hold' } })).toBe(n);

    // A second bulk pause finds them all paused already: nothing to do.
    const again = await ok<{ id: string }>(api('POST', '/api/crm/enrollments/bulk', { action: 'pause', filter: { workflowId: id }, reason: 'again' }), 202);
    const second = await until(() => ok<{ status: string; total: number; temporalWorkflowId: string }>(api('GET', `/api/crm/bulk-operations/${again.id}`)), (o) => o.status === 'COMPLETED');
    expect(second.total).toBe(0);
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/crm-bulk.json', historyToJSON(await stack.temporal.workflow.getHandle(second.temporalWorkflowId).fetchHistory()));
  });
});

describe('worker killed mid-graph', () => {
  it('resumes on a new worker with no action performed twice', { timeout: 90_000 }, async () => {
    const hits = new Map<string, number>();
    const server = createServer((req, res) => {
      const key = String(req.headers['idempotency-key']);
      hits.set(key, (hits.get(key) ?? 0) + 1);
      res.writeHead(204).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const crashStack = await startTestStack({ worker: false });
      try {
        const def = graph(
          { id: 't', type: 'trigger.manual' },
          { id: 'first', type: 'action.webhook', url },
          { id: 'wait', type: 'delay.duration', seconds: 1 },
          { id: 'second', type: 'action.webhook', url },
          { id: 'e', type: 'end' },
        );
        const w = await ok<{ id: string }>(crashStack.app.request(json('POST', '/api/crm/workflows', { name: `Crash ${tag()}`, definition: def }, bearerHeader(admin.accessToken))), 201);
        await ok(crashStack.app.request(json('POST', `/api/crm/workflows/${w.id}/publish`, {}, bearerHeader(admin.accessToken))), 201);
        const doomed = runCrashingWorker(crashStack.taskQueue, 'runAction');
        await doomed.ready;
        const leadId = await newLead();
        const r = await ok<{ results: { enrollmentId: string }[] }>(crashStack.app.request(json('POST', `/api/crm/workflows/${w.id}/enrollments`, { leadIds: [leadId] }, bearerHeader(admin.accessToken))));
        expect(await doomed.exited).toBe('SIGKILL');
        const enrollmentId = r.results[0]!.enrollmentId;
        expect([...hits.values()]).toEqual([1]);

        await crashStack.startWorker();
        await until(() => crashStack.db.workflowEnrollment.findUnique({ where: { id: enrollmentId } }), (e) => e?.status === 'COMPLETED', 45_000);
        expect(hits.get(`${enrollmentId}:first:1`)).toBe(1);
        expect(hits.get(`${enrollmentId}:second:1`)).toBe(1);
        const runs = await crashStack.db.workflowNodeRun.findMany({ where: { enrollmentId }, orderBy: { createdAt: 'asc' } });
        expect(runs.map((x) => [x.nodeId, x.status])).toEqual([['t', 'SUCCEEDED'], ['first', 'SUCCEEDED'], ['wait', 'SUCCEEDED'], ['second', 'SUCCEEDED']]);
      } finally {
        await crashStack.close();
      }
    } finally {
      server.close();
    }
  });
});
