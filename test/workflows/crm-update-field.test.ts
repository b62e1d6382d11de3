// The engine's update_field action on the real stack goes through updateLeadFields, like PATCH:
// a status change follows the lead lifecycle (an illegal one fails the node and the enrollment
// with a clear error, the lead untouched), values follow the capture rules, and a legal change
// writes the same activity and outbox rows.
import { randomInt, randomUUID } from 'node:crypto';
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
const api = (method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, bearerHeader(admin.accessToken)));

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = (await r.json()) as T;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(body)}`);
  return body;
}

/** Publishes trigger.manual → update_field(field = value) → end and enrolls one lead in it. */
async function runUpdate(leadId: string, field: string, value: string) {
  const nodes = [{ id: 't', type: 'trigger.manual' }, { id: 'set', type: 'action.update_field', field, value }, { id: 'e', type: 'end' }];
  const definition = { nodes, edges: [{ from: 't', to: 'set' }, { from: 'set', to: 'e' }] };
  const w = await ok<{ id: string }>(api('POST', '/api/crm/workflows', { name: `Update ${tag()}`, definition }), 201);
  // Workflows enroll leads of their own platform only.
  const { platform } = await stack.db.crmWorkflow.findUniqueOrThrow({ where: { id: w.id } });
  await stack.db.rawLead.update({ where: { id: leadId }, data: { platform } });
  await ok(api('POST', `/api/crm/workflows/${w.id}/publish`, { changeNote: 'v1' }), 201);
  const r = await ok<{ results: { enrollmentId: string }[] }>(api('POST', `/api/crm/workflows/${w.id}/enrollments`, { leadIds: [leadId] }));
  const id = r.results[0]!.enrollmentId;
  if (!id) throw new Error(`not enrolled: ${JSON.stringify(r.results)}`);
  return until(() => stack.db.workflowEnrollment.findUniqueOrThrow({ where: { id } }), (e) => ['COMPLETED', 'FAILED'].includes(e.status));
}

async function leadIn(status: 'new' | 'converted') {
  return stack.db.rawLead.create({ data: { name: `Lead ${tag()}`, phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026', sourceType: 'manual', status } });
}

describe('action.update_field', () => {
  it('an illegal status change fails the node and the enrollment with a clear error; the lead is untouched', async () => {
    const lead = await leadIn('converted');
    const e = await runUpdate(lead.id, 'status', 'contacted');
    expect(e.status).toBe('FAILED');
    expect(e.lastError).toMatch(/cannot go from converted to contacted/);
    const run = await stack.db.workflowNodeRun.findFirstOrThrow({ where: { enrollmentId: e.id, nodeId: 'set' } });
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/update_field status = "contacted" refused/);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('converted');
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: lead.id } })).toBe(0);
    expect(await stack.db.crmTriggerEvent.count({ where: { leadId: lead.id } })).toBe(0);
  });

  it('a value the capture rules refuse (blank city) fails the node too', async () => {
    const lead = await leadIn('new');
    const e = await runUpdate(lead.id, 'city', '   ');
    expect(e.status).toBe('FAILED');
    expect(e.lastError).toMatch(/city/);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead.id } })).city).toBeNull();
  });

  it('a legal status change is written like PATCH writes it: the lead, a status_changed row and the outbox', async () => {
    const lead = await leadIn('new');
    const e = await runUpdate(lead.id, 'status', 'contacted');
    expect(e.status).toBe('COMPLETED');
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe('contacted');
    // Only this enrollment's rows: the suite shares a database, and another file's published
    // status-changed trigger may enroll the lead too.
    const log = (await stack.db.leadActivityLog.findMany({ where: { rawLeadId: lead.id } })).filter((l) => (l.metadata as { enrollmentId?: string } | null)?.enrollmentId === e.id);
    expect(log).toEqual([expect.objectContaining({ activityType: 'status_changed', performedBy: null, metadata: { from: 'new', to: 'contacted', enrollmentId: e.id, nodeId: 'set' } })]);
    expect(await stack.db.crmTriggerEvent.count({ where: { leadId: lead.id, type: 'LEAD_STATUS_CHANGED' } })).toBe(1);
    const run = await stack.db.workflowNodeRun.findFirstOrThrow({ where: { enrollmentId: e.id, nodeId: 'set' } });
    expect(run.result).toEqual({ field: 'status', from: 'new', to: 'contacted', changed: true });
  });
});
