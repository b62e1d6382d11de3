import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createMentor, createStudent, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

async function session(status: 'COMPLETED' | 'CONFIRMED') {
  const m = await createMentor(stack);
  const s = await createStudent(stack);
  const start = new Date(Date.now() - 2 * 3_600_000);
  const slot = await stack.db.slot.create({ data: { mentorId: m.user.id, studentId: s.user.id, startDateTime: start, endDateTime: new Date(start.getTime() + 3_600_000), status } });
  return { m, s, slot };
}
const give = (slotId: string, token: string, body: unknown) => stack.app.request(json('POST', `/api/slots/${slotId}/feedback`, body, bearerHeader(token)));

describe('session feedback', () => {
  it('one row per side: the student rates the mentor, the mentor the student; a second try is 409', async () => {
    const { m, s, slot } = await session('COMPLETED');
    const a = await give(slot.id, s.accessToken, { rating: 5, experience: 'EXCELLENT', comment: 'Great SQL tips' });
    expect(a.status).toBe(201);
    expect(await a.json()).toMatchObject({ side: 'STUDENT', aboutUserId: m.user.id, rating: 5 });
    expect((await give(slot.id, m.accessToken, { rating: 4 })).status).toBe(201);
    const dupes = await Promise.all([0, 1, 2].map(() => give(slot.id, s.accessToken, { rating: 1 })));
    expect(dupes.map((r) => r.status)).toEqual([409, 409, 409]);
    const list = (await (await stack.app.request(json('GET', `/api/slots/${slot.id}/feedback`, undefined, bearerHeader(m.accessToken)))).json()) as { items: unknown[] };
    expect(list.items).toHaveLength(2);
  });

  it('refuses feedback before the session completes (409), from strangers (404), and bad ratings (400)', async () => {
    const { s, slot } = await session('CONFIRMED');
    expect((await give(slot.id, s.accessToken, { rating: 5 })).status).toBe(409);
    const stranger = await createStudent(stack);
    expect((await give(slot.id, stranger.accessToken, { rating: 5 })).status).toBe(404);
    expect((await give(slot.id, s.accessToken, { rating: 9 })).status).toBe(400);
  });
});
