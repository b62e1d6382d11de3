// Starting a CRM enrollment when Temporal is briefly busy: a start refused with UNAVAILABLE /
// DEADLINE_EXCEEDED is tried again and the enrollment stands; one that stays refused fails and
// leaves no row; an attempt that started the run before its answer was lost counts as started.
// The Temporal client is the suite's real one, wrapped to refuse the first calls.
import { randomUUID } from 'node:crypto';
import { ServiceError, type Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEnrollment, type PublishedVersion } from '../../services/crm-engine/enrollment.starter.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
}, 60_000);
afterAll(() => stack?.close());

const grpc = (code: number) => Object.assign(new Error(`${code} busy`), { code, details: 'busy', metadata: {} });

/** The real client, whose first `refusals` starts throw (after really starting the run, when `startFirst`). */
function flaky(refusals: number, code: number, startFirst = false): { client: Client; calls: () => number } {
  let calls = 0;
  const real = stack.temporal;
  const workflow = new Proxy(real.workflow, {
    get(target, prop, receiver) {
      if (prop !== 'start') return Reflect.get(target, prop, receiver);
      return async (...args: Parameters<Client['workflow']['start']>) => {
        calls++;
        if (calls <= refusals) {
          if (startFirst) await target.start(...args);
          throw new ServiceError('Failed to start Workflow', { cause: grpc(code) });
        }
        return target.start(...args);
      };
    },
  });
  return { client: new Proxy(real, { get: (t, p, r) => (p === 'workflow' ? workflow : Reflect.get(t, p, r)) }), calls: () => calls };
}

async function version(): Promise<PublishedVersion> {
  const definition = { nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'e', type: 'end' }], edges: [{ from: 't', to: 'e' }] };
  const w = await stack.db.crmWorkflow.create({ data: { name: `Retry ${randomUUID().slice(0, 8)}`, status: 'PUBLISHED', triggerType: 'MANUAL', definition, version: 1, publishedAt: new Date() } });
  await stack.db.crmWorkflowVersion.create({ data: { workflowId: w.id, version: 1, definition, changeNote: 'v1' } });
  return { crmWorkflowId: w.id, name: w.name, version: 1, allowReenrollment: false, definition: definition as PublishedVersion['definition'] };
}
const lead = async () => (await stack.db.rawLead.create({ data: { platform: 'mr-mentor', name: 'Retry lead', phone: `+9170${String(Date.now()).slice(-8)}`, sessionYear: '2026', sourceType: 'manual' } })).id;
const deps = (temporal: Client) => ({ db: stack.db, temporal, config: { taskQueue: `retry-${randomUUID().slice(0, 8)}` } });

describe('starting an enrollment on a busy server', () => {
  it('UNAVAILABLE twice, then started: one row, one run', async () => {
    const v = await version();
    const f = flaky(2, 14);
    const r = await startEnrollment(deps(f.client), v, await lead(), null);
    expect(r.started).toBe(true);
    expect(f.calls()).toBe(3);
    expect(await stack.db.workflowEnrollment.count({ where: { id: r.enrollmentId } })).toBe(1);
    expect((await stack.temporal.workflow.getHandle(r.workflowId).describe()).status.name).toBe('RUNNING');
  });

  it('a start whose answer was lost (DEADLINE_EXCEEDED after the run began) counts as started, once', async () => {
    const v = await version();
    const f = flaky(1, 4, true);
    const r = await startEnrollment(deps(f.client), v, await lead(), null);
    expect(r).toMatchObject({ started: true });
    expect(f.calls()).toBe(2);
    expect(await stack.db.workflowEnrollment.count({ where: { id: r.enrollmentId } })).toBe(1);
  });

  it('refused every time: it fails and leaves no row', async () => {
    const v = await version();
    const id = await lead();
    const f = flaky(10, 14);
    await expect(startEnrollment(deps(f.client), v, id, null)).rejects.toThrow(ServiceError);
    expect(f.calls()).toBe(4);
    expect(await stack.db.workflowEnrollment.count({ where: { workflowId: v.crmWorkflowId, subjectId: id } })).toBe(0);
  });

  it('a refusal that is not transient (INVALID_ARGUMENT) is not retried', async () => {
    const v = await version();
    const f = flaky(10, 3);
    await expect(startEnrollment(deps(f.client), v, await lead(), null)).rejects.toThrow(ServiceError);
    expect(f.calls()).toBe(1);
  });
});
