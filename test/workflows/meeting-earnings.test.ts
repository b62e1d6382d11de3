// meetingEarnings on the real dev server, driven through the real api route.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import { createMentorWithSlot, meetingEndedRequest } from '../support/fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.close());

async function ledgerOf(mentorId: string) {
  const [earnings, transactions] = await Promise.all([
    stack.db.mentorEarnings.findUnique({ where: { userId: mentorId } }),
    stack.db.mentorTransaction.findMany({ where: { userId: mentorId } }),
  ]);
  return { earnings, transactions };
}

describe('meeting end → earnings credited', () => {
  it('completes the slot, logs the end and credits the mentor once', async () => {
    const { slot, mentor } = await createMentorWithSlot(stack.db, { earningPaise: 45_000 });
    const endedAt = new Date(Date.now() - 60_000).toISOString();
    const res = await stack.app.request(meetingEndedRequest(slot.id, { endedAt }));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ workflowId: `meeting-earnings/${slot.id}`, status: 'accepted' });

    const handle = stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id));
    const result = await handle.result();
    expect(result).toEqual({ slotId: slot.id, credited: true, amountPaise: 45_000, balanceAfterPaise: 45_000 });
    // RECORD_HISTORIES=1 refreshes the history that test/replay replays after a workflow change.
    if (process.env.RECORD_HISTORIES === '1') {
      writeFileSync('test/replay/histories/meeting-earnings.json', historyToJSON(await handle.fetchHistory()));
    }

    const after = await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } });
    expect(after).toMatchObject({ status: 'COMPLETED', earningsCredited: true });
    expect(after.actualEndTime?.toISOString()).toBe(endedAt);
    const logs = await stack.db.meetingLog.findMany({ where: { slotId: slot.id } });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ event: 'ENDED', source: 'meeting-server' });
    const { earnings, transactions } = await ledgerOf(mentor.id);
    expect(earnings).toMatchObject({ balancePaise: 45_000, totalEarnedPaise: 45_000, sessionsCredited: 1 });
    expect(transactions).toHaveLength(1);
    expect(transactions[0]).toMatchObject({ type: 'CREDIT', amountPaise: 45_000, balanceAfterPaise: 45_000, slotId: slot.id });
  });

  it('10 concurrent duplicate end events credit exactly once', async () => {
    const { slot, mentor } = await createMentorWithSlot(stack.db, { earningPaise: 30_000 });
    const body = { endedAt: new Date().toISOString() };
    const responses = await Promise.all(Array.from({ length: 10 }, () => stack.app.request(meetingEndedRequest(slot.id, body))));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { workflowId: string }).workflowId)));
    expect(ids).toEqual(new Set([`meeting-earnings/${slot.id}`]));

    await stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id)).result();
    const { earnings, transactions } = await ledgerOf(mentor.id);
    expect(transactions).toHaveLength(1);
    expect(earnings).toMatchObject({ balancePaise: 30_000, sessionsCredited: 1 });

    // Exactly one run was ever started for this slot.
    const runs = [];
    for await (const wf of stack.temporal.workflow.list({ query: `WorkflowId = "meeting-earnings/${slot.id}"` })) runs.push(wf);
    expect(runs.length).toBeLessThanOrEqual(1);
  });

  it('a replayed end event after completion answers already-ended and credits nothing more', async () => {
    const { slot, mentor } = await createMentorWithSlot(stack.db, { earningPaise: 20_000 });
    const first = await stack.app.request(meetingEndedRequest(slot.id));
    expect(first.status).toBe(202);
    await stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id)).result();

    for (let i = 0; i < 3; i++) {
      const again = await stack.app.request(meetingEndedRequest(slot.id));
      expect(again.status).toBe(202);
      expect(await again.json()).toEqual({ workflowId: `meeting-earnings/${slot.id}`, status: 'already-ended' });
    }
    const { earnings, transactions } = await ledgerOf(mentor.id);
    expect(transactions).toHaveLength(1);
    expect(earnings?.balancePaise).toBe(20_000);
  });

  it('two slots of one mentor ending at once both credit, and the balance adds up', async () => {
    const { mentor, slot: a } = await createMentorWithSlot(stack.db, { earningPaise: 10_000 });
    const b = await stack.db.slot.create({
      data: { mentorId: mentor.id, startDateTime: a.startDateTime, endDateTime: a.endDateTime, status: 'CONFIRMED', mentorEarningPaise: 15_000 },
    });
    await Promise.all([stack.app.request(meetingEndedRequest(a.id)), stack.app.request(meetingEndedRequest(b.id))]);
    await Promise.all([a.id, b.id].map((id) => stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(id)).result()));
    const { earnings, transactions } = await ledgerOf(mentor.id);
    expect(transactions).toHaveLength(2);
    expect(earnings).toMatchObject({ balancePaise: 25_000, sessionsCredited: 2 });
    expect(transactions.map((t) => t.balanceAfterPaise).sort((x, y) => x - y).at(-1)).toBe(25_000);
  });

  it('is readable in the Web UI: summary and search attributes', async () => {
    const { slot, mentor } = await createMentorWithSlot(stack.db);
    await stack.app.request(meetingEndedRequest(slot.id));
    const handle = stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slot.id));
    await handle.result();
    const desc = await handle.describe();
    expect(await desc.staticSummary()).toBe(`Meeting earnings · ${mentor.name} · ${slot.startDateTime.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
    expect(desc.typedSearchAttributes.get(MasEntityType)).toBe('slot');
    expect(desc.typedSearchAttributes.get(MasEntityId)).toBe(slot.id);
    expect(desc.typedSearchAttributes.get(MasUserId)).toBe(mentor.id);
    expect(desc.typedSearchAttributes.get(MasState)).toBe('EARNINGS_CREDITED');
  });
});
