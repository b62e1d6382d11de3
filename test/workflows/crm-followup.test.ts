// Follow-up reminders on the real dev server: a durable timer that moves when rescheduled and
// stops when the follow-up is completed.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

async function leadFor() {
  const sales = await createUser(stack, 'SALES');
  const lead = await stack.db.rawLead.create({
    data: { name: 'Ravi Kumar', phone: `+9197${Date.now().toString().slice(-8)}${Math.floor(Math.random() * 10)}`, sessionYear: '2026', sourceType: 'manual', assignedTo: sales.user.id, platform: 'mr-mentor' },
  });
  return { sales, lead };
}
const schedule = (leadId: string, token: string, dueAt: string) => stack.app.request(json('POST', `/api/crm/leads/${leadId}/follow-ups`, { dueAt, note: 'Call about the batch' }, bearerHeader(token)));

describe('follow-up reminders', () => {
  it('reminds the assignee once when due', async () => {
    const { sales, lead } = await leadFor();
    const res = await schedule(lead.id, sales.accessToken, inSeconds(2));
    expect(res.status).toBe(201);
    const f = (await res.json()) as { id: string; temporalWorkflowId: string };
    expect(f.temporalWorkflowId).toBe(`crm-followup/${f.id}`);
    const handle = stack.temporal.workflow.getHandle(workflowIds.crmFollowUp(f.id));
    expect(await handle.result()).toBe('reminded');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/crm-followup.json', historyToJSON(await handle.fetchHistory()));
    const notes = await stack.db.notification.findMany({ where: { userId: sales.user.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: 'REMINDER', title: 'Follow up with Ravi Kumar' });
    expect((await stack.db.leadFollowUp.findUniqueOrThrow({ where: { id: f.id } })).reminderSentAt).not.toBeNull();
  });

  it('rescheduling moves the timer; completing stops it with no reminder', async () => {
    const { sales, lead } = await leadFor();
    const f = (await (await schedule(lead.id, sales.accessToken, inSeconds(2))).json()) as { id: string };
    const moved = await stack.app.request(json('PATCH', `/api/crm/follow-ups/${f.id}`, { dueAt: inSeconds(600) }, bearerHeader(sales.accessToken)));
    expect(moved.status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(await stack.db.notification.count({ where: { userId: sales.user.id } })).toBe(0);
    const done = await stack.app.request(json('POST', `/api/crm/follow-ups/${f.id}/complete`, { outcomeNote: 'Enrolled' }, bearerHeader(sales.accessToken)));
    expect(done.status).toBe(200);
    expect(await stack.temporal.workflow.getHandle(workflowIds.crmFollowUp(f.id)).result()).toBe('closed');
    expect((await stack.app.request(json('PATCH', `/api/crm/follow-ups/${f.id}`, { dueAt: inSeconds(900) }, bearerHeader(sales.accessToken)))).status).toBe(409);
    expect((await stack.app.request(json('POST', `/api/crm/follow-ups/${f.id}/complete`, {}, bearerHeader(sales.accessToken)))).status).toBe(409);
  });

  it('refuses a past dueAt (400) and a lead the salesperson cannot see (404)', async () => {
    const { sales, lead } = await leadFor();
    expect((await schedule(lead.id, sales.accessToken, inSeconds(-60))).status).toBe(400);
    const other = await createUser(stack, 'SALES');
    expect((await schedule(lead.id, other.accessToken, inSeconds(60))).status).toBe(404);
  });
});
