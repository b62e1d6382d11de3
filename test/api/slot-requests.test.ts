// Student-initiated requests: accept books the session with the student's tokens at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createMentor, createStudent, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const ask = (token: string, mentorId: string, h = 30) =>
  stack.app.request(json('POST', '/api/slot-requests', { mentorId, requestedStart: at(h), requestedEnd: at(h + 1), message: 'Case interview prep?' }, bearerHeader(token)));

describe('slot requests', () => {
  it('request → accept creates a CONFIRMED slot paid with the student’s tokens; accepting twice is 409', async () => {
    const m = await createMentor(stack, { rateTokens: 3 });
    const s = await createStudent(stack, { paid: 5 });
    const res = await ask(s.accessToken, m.user.id);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const accepted = await Promise.all([0, 1].map(() => stack.app.request(json('POST', `/api/slot-requests/${id}/accept`, undefined, bearerHeader(m.accessToken)))));
    expect(accepted.map((r) => r.status).sort()).toEqual([200, 409]);
    const ok = (await accepted.find((r) => r.status === 200)!.json()) as { slot: { id: string; status: string; studentId: string } };
    expect(ok.slot).toMatchObject({ status: 'CONFIRMED', studentId: s.user.id });
    expect((await stack.db.token.findUniqueOrThrow({ where: { userId: s.user.id } })).balance).toBe(2);
    const mine = (await (await stack.app.request(json('GET', '/api/slot-requests', undefined, bearerHeader(s.accessToken)))).json()) as { items: { status: string; slotId: string }[] };
    expect(mine.items[0]).toMatchObject({ status: 'ACCEPTED', slotId: ok.slot.id });
  });

  it('accepting a request the student can no longer pay for is refused and leaves it pending', async () => {
    const m = await createMentor(stack, { rateTokens: 4 });
    const s = await createStudent(stack, { paid: 1 });
    const { id } = (await (await ask(s.accessToken, m.user.id)).json()) as { id: string };
    expect((await stack.app.request(json('POST', `/api/slot-requests/${id}/accept`, undefined, bearerHeader(m.accessToken)))).status).toBe(409);
    expect((await stack.db.requestedSlot.findUniqueOrThrow({ where: { id } })).status).toBe('PENDING');
  });

  it('a mentor declines; another mentor cannot touch the request', async () => {
    const m = await createMentor(stack);
    const other = await createMentor(stack);
    const s = await createStudent(stack);
    const { id } = (await (await ask(s.accessToken, m.user.id)).json()) as { id: string };
    expect((await stack.app.request(json('POST', `/api/slot-requests/${id}/decline`, undefined, bearerHeader(other.accessToken)))).status).toBe(404);
    expect((await stack.app.request(json('POST', `/api/slot-requests/${id}/decline`, undefined, bearerHeader(m.accessToken)))).status).toBe(200);
    expect((await stack.app.request(json('POST', `/api/slot-requests/${id}/accept`, undefined, bearerHeader(m.accessToken)))).status).toBe(409);
  });

  it('refuses a request in the past (400) or to an unknown mentor (404)', async () => {
    const s = await createStudent(stack);
    const m = await createMentor(stack);
    expect((await ask(s.accessToken, m.user.id, -5)).status).toBe(400);
    expect((await ask(s.accessToken, '6b3d8f0e-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
