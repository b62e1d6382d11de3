// TEMPORAL_MODE=cluster, in CI: the real Temporal server (v1.29.1, scripts/lib/temporal-cluster.ts)
// on the suite's PostgreSQL server (its own two databases, dropped after), with SQL advanced
// visibility, the `default` namespace and the Mas* search attributes. Two workers poll one task
// queue: one in this process and one child process. A meeting end runs on a worker that is
// SIGKILLed right after its first activity committed and finishes on the others with one credit;
// CRM enrollments wait, pause and resume while one of the two workers is SIGKILLed mid-run.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { dropTemporalDatabases, startTemporalCluster } from '../../scripts/lib/temporal-cluster.js';
import type { DevServer } from '../../scripts/lib/temporal-server.js';
import { MasEntityType, MasState } from '../../workflows/search-attributes.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { runCrashingWorker } from '../support/crashing-worker.js';
import { createMentorWithSlot, meetingEndedRequest } from '../support/fixtures.js';
import { sleep, until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const prefix = `temporal_${randomBytes(4).toString('hex')}`;
const dir = mkdtempSync(path.join(os.tmpdir(), 'mas-cluster-'));
let cluster: DevServer | undefined;
let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
const children: ReturnType<typeof runCrashingWorker>[] = [];

/** A second worker in a child process: the crashing-worker fixture with a crash point it never reaches. */
function childWorker(crashAfter = 'completeMeeting', calls = 1_000_000) {
  const w = runCrashingWorker(stack.taskQueue, crashAfter, undefined, { TEMPORAL_ADDRESS: cluster!.address, CRASH_AFTER_CALLS: String(calls) });
  children.push(w);
  return w;
}

beforeAll(async () => {
  cluster = await startTemporalCluster({ databaseUrl: inject('databaseUrl'), databasePrefix: prefix, dir, logLevel: 'error' });
  stack = await startTestStack({ worker: false, temporalAddress: cluster.address });
  admin = await createUser(stack, 'ADMIN');
}, 180_000);

afterAll(async () => {
  for (const c of children) c.kill();
  await stack?.close();
  await cluster?.stop();
  await dropTemporalDatabases(inject('databaseUrl'), prefix).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
});

const api = (method: string, p: string, body?: unknown) => stack.app.request(json(method, p, body, bearerHeader(admin.accessToken)));
async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const body = (await r.json()) as T;
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(body)}`);
  return body;
}

describe('on the real Temporal cluster', { timeout: 150_000 }, () => {
  it('the server is a cluster on PostgreSQL with the Mas* search attributes', async () => {
    const { customAttributes } = await stack.temporal.connection.operatorService.listSearchAttributes({ namespace: 'default' });
    expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(['MasEntityType', 'MasEntityId', 'MasState', 'MasUserId']));
    const info = await stack.temporal.connection.workflowService.getSystemInfo({});
    expect(info.serverVersion).toBe('1.29.1');
  });

  it('a meeting end: the worker running it is SIGKILLed right after completeMeeting committed; the run finishes on the other two with one credit', async () => {
    const { slot, mentor } = await createMentorWithSlot(stack.db, { earningPaise: 40_000 });
    const doomed = childWorker('completeMeeting', 1);
    await doomed.ready;
    expect((await stack.app.request(meetingEndedRequest(slot.id))).status).toBe(202);
    expect(await doomed.exited).toBe('SIGKILL');
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('COMPLETED');

    // Two workers now: this process's and a child's.
    await stack.startWorker();
    await childWorker().ready;
    const handle = stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id));
    expect((await handle.result()).amountPaise).toBe(40_000);
    expect(await stack.db.mentorTransaction.count({ where: { userId: mentor.id } })).toBe(1);
    expect(await stack.db.mentorEarnings.findUnique({ where: { userId: mentor.id } })).toMatchObject({ balancePaise: 40_000, sessionsCredited: 1 });

    // Advanced visibility on PostgreSQL: the run is found by its search attributes.
    const desc = await handle.describe();
    expect(desc.typedSearchAttributes.get(MasEntityType)).toBe('slot');
    const found = await until(
      async () => {
        const ids: string[] = [];
        for await (const w of stack.temporal.workflow.list({ query: `MasEntityType = 'slot' AND MasEntityId = '${slot.id}'` })) ids.push(w.workflowId);
        return ids;
      },
      (ids) => ids.length === 1,
      15_000,
    );
    expect(found).toEqual([handle.workflowId]);
  });

  it('CRM enrollments wait, pause and resume with two workers, one SIGKILLed mid-run: every one completes, each action once', async () => {
    const tag = randomUUID().slice(0, 8);
    const definition = {
      nodes: [
        { id: 't', type: 'trigger.manual' },
        // Long enough that every run is still waiting when the test pauses it on a loaded CI machine.
        { id: 'wait', type: 'delay.duration', seconds: 8 },
        { id: 'set', type: 'action.update_field', field: 'city', value: 'Resumed' },
        { id: 'e', type: 'end' },
      ],
      edges: [
        { from: 't', to: 'wait' },
        { from: 'wait', to: 'set' },
        { from: 'set', to: 'e' },
      ],
    };
    const w = await ok<{ id: string }>(api('POST', '/api/crm/workflows', { name: `Cluster ${tag}`, definition }), 201);
    await ok(api('POST', `/api/crm/workflows/${w.id}/publish`, { changeNote: 'v1' }), 201);
    // The worker that ran the meeting is still up; add the second one if the first test did not.
    if (children.filter((c) => c.output().includes('ready')).length < 2) await childWorker().ready;
    const leadIds: string[] = [];
    for (let i = 0; i < 8; i++) {
      const lead = await ok<{ id: string }>(api('POST', '/api/crm/leads', { name: `Lead ${tag} ${i}`, phone: `9${randomInt(100_000_000, 999_999_999)}`, sourceType: 'manual', city: 'Before' }), 201);
      leadIds.push(lead.id);
    }
    const enrolled = await ok<{ results: { result: string; enrollmentId: string }[] }>(api('POST', `/api/crm/workflows/${w.id}/enrollments`, { leadIds }));
    const ids = enrolled.results.map((r) => r.enrollmentId);
    expect(enrolled.results.every((r) => r.result === 'enrolled')).toBe(true);
    const statusOf = (id: string) => ok<{ status: string }>(api('GET', `/api/crm/enrollments/${id}`));
    await Promise.all(ids.map((id) => until(() => statusOf(id), (e) => e.status === 'WAITING', 30_000)));

    const paused = await Promise.all(ids.map((id) => ok<{ status: string; remainingDelayMs: number }>(api('POST', `/api/crm/enrollments/${id}/pause`, { reason: 'cluster test' }))));
    expect(paused.every((p) => p.status === 'PAUSED')).toBe(true);
    // Kill the child worker while every run is paused mid-delay; the rest runs on this process's worker.
    const child = children.find((c) => !c.output().includes('dying'))!;
    child.kill();
    expect(await child.exited).toBe('SIGKILL');
    // Longer than what was left of any run's delay: nothing may run while paused.
    await sleep(Math.max(...paused.map((p) => p.remainingDelayMs)) + 1000);
    expect(await stack.db.rawLead.count({ where: { id: { in: leadIds }, city: 'Resumed' } })).toBe(0);

    await Promise.all(ids.map((id) => ok(api('POST', `/api/crm/enrollments/${id}/resume`, {}))));
    for (const id of ids) await until(() => statusOf(id), (e) => e.status === 'COMPLETED', 60_000);
    expect(await stack.db.rawLead.count({ where: { id: { in: leadIds }, city: 'Resumed' } })).toBe(leadIds.length);
    const runs = await stack.db.workflowNodeRun.groupBy({ by: ['enrollmentId', 'nodeId'], where: { enrollmentId: { in: ids } }, _count: { _all: true } });
    expect(runs).toHaveLength(ids.length * 3);
    expect(runs.every((r) => r._count._all === 1)).toBe(true);
    const desc = await stack.temporal.workflow.getHandle((await stack.db.workflowEnrollment.findUniqueOrThrow({ where: { id: ids[0]! } })).temporalWorkflowId!).describe();
    expect(desc.typedSearchAttributes.get(MasState)).toBe('COMPLETED');
  });
});
