// CRM triggers go through an outbox written in the lead's own transaction: dispatched right
// after the commit in the normal case, and by the crm-trigger-sweeper workflow when the
// request died between the commit and the dispatch.
import { randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordLeadEvents } from '../../services/crm-engine/triggers.js';
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

const api = (method: string, path: string, body?: unknown) => stack.app.request(json(method, path, body, bearerHeader(admin.accessToken)));

async function formWorkflow(form: string) {
  const definition = { nodes: [{ id: 't', type: 'trigger.form_submitted', formId: form }, { id: 'e', type: 'end' }], edges: [{ from: 't', to: 'e' }] };
  const w = (await (await api('POST', '/api/crm/workflows', { name: `Outbox ${form}`, definition })).json()) as { id: string };
  expect((await api('POST', `/api/crm/workflows/${w.id}/publish`, {})).status).toBe(201);
  return w.id;
}

describe('CRM trigger outbox', () => {
  it('a capture records its trigger event in the same transaction and marks it dispatched once enrolled', async () => {
    const form = `form-${randomUUID().slice(0, 8)}`;
    const wf = await formWorkflow(form);
    const res = await api('POST', '/api/crm/leads', { name: 'Outbox Lead', phone: `9${randomInt(100_000_000, 999_999_999)}`, sourceType: 'website', sourceDetail: form });
    expect(res.status).toBe(201);
    const { id: leadId } = (await res.json()) as { id: string };
    const events = await stack.db.crmTriggerEvent.findMany({ where: { leadId } });
    expect(events).toMatchObject([{ type: 'LEAD_CREATED', platform: 'mr-mentor' }]);
    expect(events[0]!.dispatchedAt).not.toBeNull();
    expect(await stack.db.workflowEnrollment.count({ where: { workflowId: wf, subjectId: leadId } })).toBe(1);
  });

  it('an event left undispatched by a crash is dispatched by the sweeper workflow, once', async () => {
    const form = `form-${randomUUID().slice(0, 8)}`;
    const wf = await formWorkflow(form);
    // The lead and its event committed, then the process died before emitLeadEvents().
    const lead = await stack.db.$transaction(async (tx) => {
      const l = await tx.rawLead.create({ data: { platform: 'mr-mentor', name: 'Crashed', phone: `+91${randomInt(6_000_000_000, 9_999_999_999)}`, sessionYear: '2026', sourceType: 'website', sourceDetail: form } });
      await recordLeadEvents(tx, [{ type: 'LEAD_CREATED', leadId: l.id, platform: 'mr-mentor', sourceType: 'website', formId: form }]);
      // A minute old: the sweeper below only takes events older than 30 s, so it never races
      // another test file's capture that is between its commit and its own dispatch.
      await tx.crmTriggerEvent.updateMany({ where: { leadId: l.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
      return l;
    });
    expect(await stack.db.workflowEnrollment.count({ where: { subjectId: lead.id } })).toBe(0);

    const handle = await stack.temporal.workflow.start('crmTriggerSweeper', {
      taskQueue: stack.taskQueue,
      workflowId: `crm-trigger-sweeper-test/${randomUUID()}`,
      args: [{ intervalSeconds: 1, olderThanSeconds: 30, batch: 50, sweepsPerRun: 3 }],
    });
    const row = await until(() => stack.db.crmTriggerEvent.findFirstOrThrow({ where: { leadId: lead.id } }), (r) => r.dispatchedAt !== null);
    expect(row.dispatchedAt).not.toBeNull();
    expect(await stack.db.workflowEnrollment.count({ where: { workflowId: wf, subjectId: lead.id } })).toBe(1);
    // It keeps sweeping (and continues-as-new); a second pass finds nothing and enrolls nobody twice.
    await until(() => handle.describe(), (d) => d.runId !== d.raw.workflowExecutionInfo?.firstRunId, 15_000);
    expect(await stack.db.workflowEnrollment.count({ where: { subjectId: lead.id } })).toBe(1);
    if (process.env.RECORD_HISTORIES === '1') {
      const first = stack.temporal.workflow.getHandle(handle.workflowId, (await handle.describe()).raw.workflowExecutionInfo!.firstRunId!);
      writeFileSync('test/replay/histories/crm-trigger-sweeper.json', historyToJSON(await first.fetchHistory()));
    }
    await handle.terminate('test over');
  });
});
