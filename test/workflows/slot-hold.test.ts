// Slot holds on the real dev server: a durable timer releases an unconfirmed hold and returns
// the escrowed tokens; a confirm racing the expiry has exactly one winner.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { bearerHeader, createMentor, createOpenSlot, createStudent, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ config: { slotHoldSeconds: 2 } });
});
afterAll(() => stack.close());

const wallet = async (userId: string) => (await stack.db.token.findUniqueOrThrow({ where: { userId } })).balance;
const hold = (slotId: string, token: string) => stack.app.request(json('POST', `/api/slots/${slotId}/hold`, undefined, bearerHeader(token)));
const confirm = (slotId: string, token: string) => stack.app.request(json('POST', `/api/slots/${slotId}/hold/confirm`, undefined, bearerHeader(token)));

describe('slot hold', () => {
  it('an unconfirmed hold lapses: the slot is back on offer and the tokens are returned', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 5 });
    const slot = await createOpenSlot(stack, m.user.id, { price: 3 });
    const res = await hold(slot.id, s.accessToken);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { workflowId: string; slot: { status: string } };
    expect(body).toMatchObject({ workflowId: `slot-hold/${slot.id}`, slot: { status: 'MEETING_REQUESTED' } });
    expect(await wallet(s.user.id)).toBe(2);
    // Someone else cannot take it while it is held.
    const other = await createStudent(stack);
    expect((await hold(slot.id, other.accessToken)).status).toBe(409);

    const handle = stack.temporal.workflow.getHandle(workflowIds.slotHold(slot.id));
    expect(await handle.result()).toBe('released');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/slot-hold.json', historyToJSON(await handle.fetchHistory()));
    expect(await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).toMatchObject({ status: 'TENTATIVE', studentId: null, holdId: null });
    expect(await wallet(s.user.id)).toBe(5);
    const ledger = await stack.db.tokenUsage.findMany({ where: { slotId: slot.id }, orderBy: { createdAt: 'asc' } });
    expect(ledger.map((l) => [l.type, l.amount])).toEqual([
      ['HOLD', -3],
      ['HOLD_RELEASE', 3],
    ]);
    // Back on offer: it can be held again (a new run under the same workflow id).
    expect((await hold(slot.id, other.accessToken)).status).toBe(201);
  });

  it('a confirmed hold becomes a booking; the timer then does nothing', async () => {
    const m = await createMentor(stack);
    const s = await createStudent(stack, { paid: 5 });
    const slot = await createOpenSlot(stack, m.user.id, { price: 2 });
    expect((await hold(slot.id, s.accessToken)).status).toBe(201);
    const res = await confirm(slot.id, s.accessToken);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slot: { status: 'CONFIRMED', studentId: s.user.id }, alreadyConfirmed: false });
    expect(await (await confirm(slot.id, s.accessToken)).json()).toMatchObject({ alreadyConfirmed: true });
    expect(await stack.temporal.workflow.getHandle(workflowIds.slotHold(slot.id)).result()).toBe('confirmed');
    expect(await wallet(s.user.id)).toBe(3);

    // Cancelling the confirmed hold refunds from the escrow row.
    const cancel = await stack.app.request(json('POST', `/api/slots/${slot.id}/cancel`, {}, bearerHeader(m.accessToken)));
    expect(await cancel.json()).toMatchObject({ refunded: { paid: 2 } });
    expect(await wallet(s.user.id)).toBe(5);
  });

  it('a confirm racing the expiry: exactly one wins, and the tokens add up either way', async () => {
    const runs = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const m = await createMentor(stack);
        const s = await createStudent(stack, { paid: 4 });
        const slot = await createOpenSlot(stack, m.user.id, { price: 4 });
        expect((await hold(slot.id, s.accessToken)).status).toBe(201);
        // Aim at the edge of the 2 s window, a little before and a little after.
        await new Promise((r) => setTimeout(r, 1_850 + i * 100));
        const res = await confirm(slot.id, s.accessToken);
        await stack.temporal.workflow.getHandle(workflowIds.slotHold(slot.id)).result();
        const final = await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } });
        return { status: res.status, final: final.status, balance: await wallet(s.user.id) };
      }),
    );
    for (const r of runs) {
      if (r.status === 200) expect(r).toMatchObject({ final: 'CONFIRMED', balance: 0 });
      // 409 when the hold had lapsed but was not released yet, 404 once it was released.
      else {
        expect([404, 409]).toContain(r.status);
        expect(r).toMatchObject({ final: 'TENTATIVE', balance: 4 });
      }
    }
  });
});
