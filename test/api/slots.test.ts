// Mentors' slots: create, overlap, edit, delete, search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createMentor, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const at = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('mentor slots', () => {
  it('creates a TENTATIVE slot priced from the mentor profile, and refuses an overlap with 409', async () => {
    const m = await createMentor(stack, { rateTokens: 3 });
    const res = await stack.app.request(json('POST', '/api/slots', { startDateTime: at(24), endDateTime: at(25), title: 'SQL' }, bearerHeader(m.accessToken)));
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'TENTATIVE', priceTokens: 3, mentorId: m.user.id });
    const clash = await stack.app.request(json('POST', '/api/slots', { startDateTime: at(24.5), endDateTime: at(25.5) }, bearerHeader(m.accessToken)));
    expect(clash.status).toBe(409);
    const adjacent = await stack.app.request(json('POST', '/api/slots', { startDateTime: at(25), endDateTime: at(26) }, bearerHeader(m.accessToken)));
    expect(adjacent.status).toBe(201);
  });

  it('10 concurrent overlapping creates: exactly one slot', async () => {
    const m = await createMentor(stack);
    const res = await Promise.all(Array.from({ length: 10 }, (_, i) => stack.app.request(json('POST', '/api/slots', { startDateTime: at(30 + i * 0.1), endDateTime: at(31 + i * 0.1) }, bearerHeader(m.accessToken)))));
    expect(res.filter((r) => r.status === 201)).toHaveLength(1);
    expect(res.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it('refuses past, inverted or over-long times with 400 naming the fields', async () => {
    const m = await createMentor(stack);
    for (const [start, end] of [[at(-1), at(0)], [at(5), at(4)], [at(5), at(10)]] as const) {
      const res = await stack.app.request(json('POST', '/api/slots', { startDateTime: start, endDateTime: end }, bearerHeader(m.accessToken)));
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    }
  });

  it('refuses a slot from an EXPERT without a mentor profile with 403', async () => {
    const u = await createUser(stack, 'EXPERT');
    expect((await stack.app.request(json('POST', '/api/slots', { startDateTime: at(24), endDateTime: at(25) }, bearerHeader(u.accessToken)))).status).toBe(403);
  });

  it('lets a mentor move and delete an unbooked slot, but not someone else’s', async () => {
    const m = await createMentor(stack);
    const other = await createMentor(stack);
    const slot = (await (await stack.app.request(json('POST', '/api/slots', { startDateTime: at(40), endDateTime: at(41) }, bearerHeader(m.accessToken)))).json()) as { id: string };
    expect((await stack.app.request(json('PATCH', `/api/slots/${slot.id}`, { startDateTime: at(42), endDateTime: at(43) }, bearerHeader(other.accessToken)))).status).toBe(404);
    const moved = await stack.app.request(json('PATCH', `/api/slots/${slot.id}`, { startDateTime: at(42), endDateTime: at(43) }, bearerHeader(m.accessToken)));
    expect(moved.status).toBe(200);
    expect((await stack.app.request(json('DELETE', `/api/slots/${slot.id}`, undefined, bearerHeader(m.accessToken)))).status).toBe(204);
    expect((await stack.app.request(json('GET', `/api/slots/${slot.id}`, undefined, bearerHeader(m.accessToken)))).status).toBe(404);
  });

  it('searches by mentor, time range and expertise, soonest first, with a cursor', async () => {
    const m = await createMentor(stack);
    for (const h of [50, 52, 54, 56]) await stack.app.request(json('POST', '/api/slots', { startDateTime: at(h), endDateTime: at(h + 1) }, bearerHeader(m.accessToken)));
    const student = await createUser(stack, 'USER');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await stack.app.request(json('GET', `/api/slots?mentorId=${m.user.id}&from=${encodeURIComponent(at(51))}&expertise=SQL&limit=2${cursor ? `&cursor=${cursor}` : ''}`, undefined, bearerHeader(student.accessToken)));
      expect(res.status).toBe(200);
      const page = (await res.json()) as { items: { startDateTime: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((s) => s.startDateTime));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect([...seen].sort()).toEqual(seen);
  });
});
