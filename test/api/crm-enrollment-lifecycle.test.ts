// Pause, resume and cancel follow the enrollment lifecycle in domain/: the moves the engine
// needs beyond the seed (pause or cancel mid-delay, cancel while paused) work end to end, an
// illegal one is a 409 before anything changes, and a bulk move the workflow refuses is a skip.
import { randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
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

type Live = { status: string; currentNodeId: string; remainingDelayMs: number | null };
const api = (method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, bearerHeader(admin.accessToken)));

async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = (await r.json()) as T;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(body)}`);
  return body;
}

/** A lead enrolled in a published `trigger → 30 min delay → end` workflow, once it is WAITING. */
async function waitingEnrollment() {
  const definition = { nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'wait', type: 'delay.duration', minutes: 30 }, { id: 'e', type: 'end' }], edges: [{ from: 't', to: 'wait' }, { from: 'wait', to: 'e' }] };
  const w = await ok<{ id: string }>(api('POST', '/api/crm/workflows', { name: `Lifecycle ${randomUUID().slice(0, 8)}`, definition }), 201);
  await ok(api('POST', `/api/crm/workflows/${w.id}/publish`, {}), 201);
  const lead = await ok<{ id: string }>(api('POST', '/api/crm/leads', { name: 'Lifecycle lead', phone: `9${randomInt(100_000_000, 999_999_999)}`, sourceType: 'manual' }), 201);
  const r = await ok<{ results: { enrollmentId: string }[] }>(api('POST', `/api/crm/workflows/${w.id}/enrollments`, { leadIds: [lead.id] }));
  const enrollmentId = r.results[0]!.enrollmentId;
  await until(() => stack.db.workflowEnrollment.findUniqueOrThrow({ where: { id: enrollmentId } }), (e) => e.status === 'WAITING');
  return { crmWorkflowId: w.id, leadId: lead.id, enrollmentId };
}

async function refused(path: string, body: unknown) {
  const res = await api('POST', path, body);
  expect(res.status).toBe(409);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  return ((await res.json()) as { detail: string }).detail;
}

describe('enrollment moves', () => {
  it('pauses mid-delay and cancels while paused; afterwards every move is a 409 and nothing changes', async () => {
    const { enrollmentId } = await waitingEnrollment();
    const paused = await ok<Live>(api('POST', `/api/crm/enrollments/${enrollmentId}/pause`, { reason: 'hold' }));
    expect(paused).toMatchObject({ status: 'PAUSED', currentNodeId: 'wait' });
    expect(paused.remainingDelayMs).toBeGreaterThan(29 * 60_000);
    expect(await refused(`/api/crm/enrollments/${enrollmentId}/pause`, { reason: 'again' })).toContain('already paused');

    const cancelled = await ok<Live>(api('POST', `/api/crm/enrollments/${enrollmentId}/cancel`, { reason: 'duplicate' }));
    expect(cancelled.status).toBe('CANCELLED');
    const row = await until(() => stack.db.workflowEnrollment.findUniqueOrThrow({ where: { id: enrollmentId } }), (e) => e.status === 'CANCELLED');
    const runs = await stack.db.workflowNodeRun.findMany({ where: { enrollmentId }, orderBy: { createdAt: 'asc' } });
    expect(runs.map((r) => [r.nodeId, r.status])).toEqual([['t', 'SUCCEEDED'], ['wait', 'CANCELLED']]);

    await refused(`/api/crm/enrollments/${enrollmentId}/pause`, { reason: 'late' });
    await refused(`/api/crm/enrollments/${enrollmentId}/resume`, {});
    await refused(`/api/crm/enrollments/${enrollmentId}/cancel`, {});
    expect(await stack.db.workflowEnrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).toEqual(row);
    expect(await stack.db.workflowNodeRun.findMany({ where: { enrollmentId }, orderBy: { createdAt: 'asc' } })).toEqual(runs);

    const handle = stack.temporal.workflow.getHandle(row.temporalWorkflowId!);
    expect(await handle.result()).toBe('cancelled');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/crm-enrollment-pause-cancel.json', historyToJSON(await handle.fetchHistory()));
  });

  it('refuses resuming a waiting enrollment with 409 (the lifecycle has no such move) and leaves the row and the run as they were', async () => {
    const { enrollmentId } = await waitingEnrollment();
    const before = await stack.db.workflowEnrollment.findUniqueOrThrow({ where: { id: enrollmentId } });
    expect(await refused(`/api/crm/enrollments/${enrollmentId}/resume`, {})).toContain('not paused');
    expect(await stack.db.workflowEnrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).toEqual(before);
    const e = await ok<{ live: Live }>(api('GET', `/api/crm/enrollments/${enrollmentId}`));
    expect(e.live).toMatchObject({ status: 'WAITING', currentNodeId: 'wait' });
  });

  it('a bulk resume of an enrollment whose row says PAUSED but whose run is waiting reports it as skipped', async () => {
    const { crmWorkflowId, leadId, enrollmentId } = await waitingEnrollment();
    // A row that trails its run: the bulk query selects it, the workflow's validator refuses.
    await stack.db.workflowEnrollment.update({ where: { id: enrollmentId }, data: { status: 'PAUSED' } });
    const op = await ok<{ id: string }>(api('POST', '/api/crm/enrollments/bulk', { action: 'resume', filter: { workflowId: crmWorkflowId, leadIds: [leadId] }, reason: 'bulk resume' }), 202);
    const done = await until(() => ok<{ status: string; total: number; succeeded: number; skipped: number; failed: number }>(api('GET', `/api/crm/bulk-operations/${op.id}`)), (o) => o.status === 'COMPLETED');
    expect(done).toMatchObject({ total: 1, succeeded: 0, skipped: 1, failed: 0 });
    const e = await ok<{ live: Live }>(api('GET', `/api/crm/enrollments/${enrollmentId}`));
    expect(e.live.status).toBe('WAITING');
  });
});
