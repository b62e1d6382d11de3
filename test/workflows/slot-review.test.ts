// Disputed sessions on the real dev server: a no-show report or a far-too-short session puts
// the slot UNDER_REVIEW, meeting-earnings/<slotId> waits for the admin's ruling (an Update), and
// the ruling credits the mentor or refunds the student, once however often it arrives.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIds } from '../../domain/ids.js';
import { MasState } from '../../workflows/search-attributes.js';
import { bearerHeader, createMentor, createOpenSlot, createStudent, createUser, json } from '../support/auth.js';
import { meetingEndedRequest } from '../support/fixtures.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

const post = (path: string, token: string, body: unknown = {}) => stack.app.request(json('POST', path, body, bearerHeader(token)));
const handleOf = (slotId: string) => stack.temporal.workflow.getHandle(workflowIds.meetingEarnings(slotId));
const slotOf = (slotId: string) => stack.db.slot.findUniqueOrThrow({ where: { id: slotId } });
const paid = async (userId: string) => (await stack.db.token.findUniqueOrThrow({ where: { userId } })).balance;

/** A session booked through the api (3 paid tokens), then moved to have started 60 minutes ago. */
async function session() {
  const m = await createMentor(stack);
  const s = await createStudent(stack, { paid: 3 });
  const open = await createOpenSlot(stack, m.user.id, { price: 3 });
  expect((await post(`/api/slots/${open.id}/book`, s.accessToken)).status).toBe(200);
  const start = new Date(Date.now() - 60 * 60_000);
  const slot = await stack.db.slot.update({ where: { id: open.id }, data: { startDateTime: start, endDateTime: new Date(start.getTime() + 60 * 60_000) } });
  return { m, s, slot };
}

async function waitingForRuling(slotId: string) {
  await until(
    async () => (await handleOf(slotId).describe()).typedSearchAttributes.get(MasState),
    (state) => state === 'UNDER_REVIEW',
  );
}

describe('a no-show report', () => {
  it('puts the session UNDER_REVIEW; a refund ruling refunds the student in full and credits nobody', async () => {
    const { m, s, slot } = await session();
    const res = await post(`/api/slots/${slot.id}/no-show`, s.accessToken, { note: 'mentor never joined' });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ workflowId: `meeting-earnings/${slot.id}`, status: 'under-review' });
    expect((await slotOf(slot.id)).status).toBe('UNDER_REVIEW');
    // Repeating the report, and the mentor's end meanwhile, join the waiting run.
    expect((await post(`/api/slots/${slot.id}/no-show`, s.accessToken)).status).toBe(202);
    expect(await (await post(`/api/slots/${slot.id}/end`, m.accessToken)).json()).toMatchObject({ status: 'already-ended' });
    await waitingForRuling(slot.id);
    expect(await paid(s.user.id)).toBe(0);

    const ruled = await post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'refund', note: 'confirmed with the mentor' });
    expect(ruled.status).toBe(200);
    expect(await ruled.json()).toMatchObject({ decision: 'refund', credited: false, refunded: { paid: 3, promotional: 0 }, slot: { status: 'CANCELLED', earningsCredited: false } });
    const result = await handleOf(slot.id).result();
    expect(result).toMatchObject({ credited: false, review: 'refund' });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/meeting-earnings-review-refund.json', historyToJSON(await handleOf(slot.id).fetchHistory()));

    expect(await paid(s.user.id)).toBe(3);
    expect(await stack.db.mentorTransaction.count({ where: { userId: m.user.id } })).toBe(0);
    expect((await post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'credit' })).status).toBe(409);
    expect(await stack.db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } })).toBe(1);
  });

  it('only its student may report, once the session has started', async () => {
    const { m, slot } = await session();
    const stranger = await createStudent(stack);
    expect((await post(`/api/slots/${slot.id}/no-show`, stranger.accessToken)).status).toBe(404);
    expect((await post(`/api/slots/${slot.id}/no-show`, m.accessToken)).status).toBe(403);
    expect((await post(`/api/slots/${slot.id}/no-show`, admin.accessToken)).status).toBe(403);

    const later = await createMentor(stack);
    const student = await createStudent(stack);
    const future = await createOpenSlot(stack, later.user.id);
    await post(`/api/slots/${future.id}/book`, student.accessToken);
    expect((await post(`/api/slots/${future.id}/no-show`, student.accessToken)).status).toBe(409);
    expect((await slotOf(future.id)).status).toBe('CONFIRMED');
    expect((await slotOf(slot.id)).status).toBe('CONFIRMED');
  });
});

describe('a session far shorter than booked', () => {
  it('waits UNDER_REVIEW; a credit ruling completes it and credits the mentor once', async () => {
    const { m, slot } = await session();
    // 5 minutes of a 60-minute booking (the default threshold is 25 %).
    const startedAt = slot.startDateTime.toISOString();
    const endedAt = new Date(slot.startDateTime.getTime() + 5 * 60_000).toISOString();
    expect((await stack.app.request(meetingEndedRequest(slot.id, { startedAt, endedAt }))).status).toBe(202);
    await waitingForRuling(slot.id);
    expect(await slotOf(slot.id)).toMatchObject({ status: 'UNDER_REVIEW', earningsCredited: false });
    expect(await stack.db.mentorTransaction.count({ where: { userId: m.user.id } })).toBe(0);

    const ruled = await post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'credit' });
    expect(ruled.status).toBe(200);
    expect(await ruled.json()).toMatchObject({ decision: 'credit', credited: true, slot: { status: 'COMPLETED', earningsCredited: true } });
    expect(await handleOf(slot.id).result()).toMatchObject({ credited: true, review: 'credit', amountPaise: 40_000 });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/meeting-earnings-review-credit.json', historyToJSON(await handleOf(slot.id).fetchHistory()));

    expect((await post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'credit' })).status).toBe(409);
    expect(await stack.db.mentorTransaction.count({ where: { userId: m.user.id } })).toBe(1);
  });

  it('two rulings at once: one applies, the other gets 409, and the mentor is credited once', async () => {
    const { m, s, slot } = await session();
    await post(`/api/slots/${slot.id}/no-show`, s.accessToken);
    await waitingForRuling(slot.id);
    const answers = await Promise.all([
      post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'credit' }),
      post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'refund' }),
      post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'credit' }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    await handleOf(slot.id).result();
    const after = await slotOf(slot.id);
    const credits = await stack.db.mentorTransaction.count({ where: { userId: m.user.id } });
    const refunds = await stack.db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } });
    if (after.status === 'COMPLETED') expect([credits, refunds]).toEqual([1, 0]);
    else expect([after.status, credits, refunds]).toEqual(['CANCELLED', 0, 1]);
  });

  it('a full-length session is not disputed, and a ruling on it is refused with 409', async () => {
    const { slot } = await session();
    expect((await stack.app.request(meetingEndedRequest(slot.id, { endedAt: new Date().toISOString() }))).status).toBe(202);
    expect(await handleOf(slot.id).result()).toMatchObject({ credited: true });
    expect((await slotOf(slot.id)).status).toBe('COMPLETED');
    expect((await post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'refund' })).status).toBe(409);
    expect((await post(`/api/admin/slots/6b3d8f0e-0000-4000-8000-000000000000/review`, admin.accessToken, { decision: 'refund' })).status).toBe(404);
    const bad = await post(`/api/admin/slots/${slot.id}/review`, admin.accessToken, { decision: 'maybe' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/decision/);
  });
});
