// Cancelling inside the notice window is a request the mentor answers; a TENTATIVE slot is its
// mentor's (or an admin's) to cancel. On the real database, with racing answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createMentor, createOpenSlot, createStudent, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const post = (path: string, token: string, body: unknown = {}) => stack.app.request(json('POST', path, body, bearerHeader(token)));
const paid = async (userId: string) => (await stack.db.token.findUniqueOrThrow({ where: { userId } })).balance;
const statusOf = async (slotId: string) => (await stack.db.slot.findUniqueOrThrow({ where: { id: slotId } })).status;

/** A slot booked by a student with 4 paid tokens, starting inHours from now (default policy: 24 h notice, 50 %). */
async function booked(inHours = 2) {
  const m = await createMentor(stack);
  const s = await createStudent(stack, { paid: 4, promo: 0 });
  const slot = await createOpenSlot(stack, m.user.id, { price: 4, inHours });
  expect((await post(`/api/slots/${slot.id}/book`, s.accessToken)).status).toBe(200);
  return { m, s, slot };
}

describe('cancelling a TENTATIVE slot', () => {
  it('its mentor or an admin may; another mentor or a student gets 404', async () => {
    const m = await createMentor(stack);
    const other = await createMentor(stack);
    const student = await createStudent(stack);
    const mine = await createOpenSlot(stack, m.user.id);
    expect((await post(`/api/slots/${mine.id}/cancel`, other.accessToken)).status).toBe(404);
    expect((await post(`/api/slots/${mine.id}/cancel`, student.accessToken)).status).toBe(404);
    const res = await post(`/api/slots/${mine.id}/cancel`, m.accessToken, { reason: 'travelling' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slot: { id: mine.id, status: 'CANCELLED' }, refunded: { paid: 0, promotional: 0 } });

    const admin = await createUser(stack, 'ADMIN');
    const another = await createOpenSlot(stack, m.user.id, { inHours: 72 });
    expect((await post(`/api/slots/${another.id}/cancel`, admin.accessToken)).status).toBe(200);
    expect(await statusOf(another.id)).toBe('CANCELLED');
  });
});

describe('a student cancel inside the notice window', () => {
  it('becomes CANCELLATION_REQUESTED with nothing refunded yet; repeating it changes nothing', async () => {
    const { s, slot } = await booked();
    const answers = await Promise.all([0, 1, 2].map(() => post(`/api/slots/${slot.id}/cancel`, s.accessToken, { reason: 'exam moved' })));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    for (const r of answers) expect(await r.json()).toMatchObject({ slot: { status: 'CANCELLATION_REQUESTED' }, refunded: { paid: 0, promotional: 0 } });
    expect(await paid(s.user.id)).toBe(0);
    const logs = await stack.db.meetingLog.findMany({ where: { slotId: slot.id, event: 'CANCELLED' } });
    expect(logs).toHaveLength(1);
    expect(logs[0]!.metadata).toMatchObject({ stage: 'requested', by: 'student', reason: 'exam moved' });
  });

  it('the mentor approves: CANCELLED with the policy refund, once; a second answer gets 409', async () => {
    const { m, s, slot } = await booked();
    await post(`/api/slots/${slot.id}/cancel`, s.accessToken);
    const res = await post(`/api/slots/${slot.id}/cancellation/approve`, m.accessToken, { note: 'no problem' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slot: { status: 'CANCELLED' }, refunded: { paid: 2, promotional: 0 } });
    expect(await paid(s.user.id)).toBe(2);
    expect((await post(`/api/slots/${slot.id}/cancellation/approve`, m.accessToken)).status).toBe(409);
    expect((await post(`/api/slots/${slot.id}/cancellation/decline`, m.accessToken)).status).toBe(409);
    expect(await stack.db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } })).toBe(1);
  });

  it('the mentor declines: CONFIRMED again, nothing refunded, and the student may ask again', async () => {
    const { m, s, slot } = await booked();
    await post(`/api/slots/${slot.id}/cancel`, s.accessToken);
    const res = await post(`/api/slots/${slot.id}/cancellation/decline`, m.accessToken, { note: 'please come' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ slot: { status: 'CONFIRMED', studentId: s.user.id }, refunded: { paid: 0, promotional: 0 } });
    expect(await paid(s.user.id)).toBe(0);
    expect(await stack.db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } })).toBe(0);
    expect(await (await post(`/api/slots/${slot.id}/cancel`, s.accessToken)).json()).toMatchObject({ slot: { status: 'CANCELLATION_REQUESTED' } });
  });

  it('only the mentor of the slot or an admin answers: the student 403, another mentor 404, an admin 200', async () => {
    const { s, slot } = await booked();
    await post(`/api/slots/${slot.id}/cancel`, s.accessToken);
    const other = await createMentor(stack);
    expect((await post(`/api/slots/${slot.id}/cancellation/approve`, other.accessToken)).status).toBe(404);
    expect((await post(`/api/slots/${slot.id}/cancellation/decline`, other.accessToken)).status).toBe(404);
    // The student holds the EXPERT role too here, so the route lets them in and the service refuses.
    const expertStudent = await createMentor(stack);
    const theirs = await createOpenSlot(stack, (await createMentor(stack)).user.id, { price: 2, inHours: 2 });
    await stack.db.token.create({ data: { userId: expertStudent.user.id, balance: 5 } });
    await stack.db.promotionalToken.create({ data: { userId: expertStudent.user.id } });
    expect((await post(`/api/slots/${theirs.id}/book`, expertStudent.accessToken)).status).toBe(200);
    await post(`/api/slots/${theirs.id}/cancel`, expertStudent.accessToken);
    expect((await post(`/api/slots/${theirs.id}/cancellation/approve`, expertStudent.accessToken)).status).toBe(403);
    // A plain student is stopped by the route's roles.
    expect((await post(`/api/slots/${slot.id}/cancellation/approve`, s.accessToken)).status).toBe(403);
    expect(await statusOf(slot.id)).toBe('CANCELLATION_REQUESTED');

    const admin = await createUser(stack, 'ADMIN');
    expect((await post(`/api/slots/${slot.id}/cancellation/decline`, admin.accessToken)).status).toBe(200);
    expect(await statusOf(slot.id)).toBe('CONFIRMED');
  });

  it('an approve and a decline racing: exactly one wins, the other gets 409', async () => {
    for (let round = 0; round < 3; round++) {
      const { m, s, slot } = await booked();
      await post(`/api/slots/${slot.id}/cancel`, s.accessToken);
      const [approve, decline] = await Promise.all([post(`/api/slots/${slot.id}/cancellation/approve`, m.accessToken), post(`/api/slots/${slot.id}/cancellation/decline`, m.accessToken)]);
      expect([approve.status, decline.status].sort()).toEqual([200, 409]);
      const refunds = await stack.db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } });
      expect(await statusOf(slot.id)).toBe(approve.status === 200 ? 'CANCELLED' : 'CONFIRMED');
      expect(refunds).toBe(approve.status === 200 ? 1 : 0);
    }
  });

  it('a mentor cancelling a pending request refunds in full', async () => {
    const { m, s, slot } = await booked();
    await post(`/api/slots/${slot.id}/cancel`, s.accessToken);
    expect(await (await post(`/api/slots/${slot.id}/cancel`, m.accessToken)).json()).toMatchObject({ slot: { status: 'CANCELLED' }, refunded: { paid: 4 } });
  });

  it('refuses a bad answer body with 400 naming the field', async () => {
    const { m, s, slot } = await booked();
    await post(`/api/slots/${slot.id}/cancel`, s.accessToken);
    const res = await post(`/api/slots/${slot.id}/cancellation/approve`, m.accessToken, { note: 'x'.repeat(501), extra: 1 });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    const paths = ((await res.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).join(' ');
    expect(paths).toMatch(/note/);
    expect(await statusOf(slot.id)).toBe('CANCELLATION_REQUESTED');
  });
});
