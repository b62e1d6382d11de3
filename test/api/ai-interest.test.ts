// The public "AI for everyone" interest form: one row per email (a repeat is 200 and updates it,
// parallel repeats too), the person captured once as a CRM lead when they ask to be contacted
// (a repeat merges into the same lead), 429 with Retry-After per client IP and per email, and
// the staff list with cursor pages. Forms go over a real socket from chosen loopback addresses,
// so the per-IP limit sees distinct clients.
import http from 'node:http';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_INTEREST_RATE_LIMIT } from '../../services/ai/interests.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const PATH = '/api/public/ai-for-everyone/interests';
const loopback = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
const email = () => `Learner.${randomUUID().slice(0, 8)}@Example.com`;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the OpenAPI test checks shapes
  body: any;
}

function submit(body: unknown, localAddress = loopback()): Promise<Answer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`${stack.apiUrl}${PATH}`), { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('AI for everyone interest form', () => {
  it('dedupes per email (201 then 200, same row updated) and captures the CRM lead once', async () => {
    const addr = email();
    const lower = addr.toLowerCase();
    const first = await submit({ name: 'Asha K', email: addr, phone: '98765 43210', profession: 'Teacher', city: 'Pune', utmSource: 'instagram', contactMe: true });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, lead: { merged: false } });
    const row = await stack.db.aiForEveryoneInterest.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(row).toMatchObject({ email: lower, phone: '+919876543210', profession: 'Teacher', city: 'Pune', utmSource: 'instagram' });
    const lead = await stack.db.rawLead.findUniqueOrThrow({ where: { id: first.body.lead.id } });
    expect(lead).toMatchObject({ email: lower, phone: '+919876543210', sourceType: 'website', sourceDetail: 'ai_for_everyone', city: 'Pune', platform: 'mr-mentor' });

    const repeat = await submit({ name: 'Asha Kulkarni', email: ` ${addr.toUpperCase()} `, experienceLevel: 'beginner', contactMe: true });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id: first.body.id, created: false, lead: { id: first.body.lead.id, merged: true } });
    expect(await stack.db.aiForEveryoneInterest.count({ where: { email: lower } })).toBe(1);
    expect(await stack.db.aiForEveryoneInterest.findUniqueOrThrow({ where: { id: first.body.id } })).toMatchObject({ name: 'Asha Kulkarni', experienceLevel: 'beginner', city: 'Pune', profession: 'Teacher' });
    expect(await stack.db.rawLead.count({ where: { email: lower } })).toBe(1);

    // Without contactMe no lead is captured.
    const quiet = email();
    const q = await submit({ name: 'Quiet', email: quiet });
    expect(q.status).toBe(201);
    expect(q.body.lead).toBeNull();
    expect(await stack.db.rawLead.count({ where: { email: quiet.toLowerCase() } })).toBe(0);
  });

  it('parallel submissions of one email: one row, one lead', async () => {
    const addr = email();
    const answers = await Promise.all(Array.from({ length: 4 }, (_, i) => submit({ name: `Ravi ${i}`, email: addr, contactMe: true })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.lead.id)).size).toBe(1);
    expect(await stack.db.aiForEveryoneInterest.count({ where: { email: addr.toLowerCase() } })).toBe(1);
    expect(await stack.db.rawLead.count({ where: { email: addr.toLowerCase() } })).toBe(1);
  });

  it('refuses bad input', async () => {
    expect((await submit({ name: 'Bad', email: 'not-an-email' })).status).toBe(400);
    expect((await submit({ name: 'No email' })).status).toBe(400);
    expect((await submit({ name: 'Extra', email: email(), isAdmin: true })).status).toBe(400);
    expect((await submit({ name: 'x'.repeat(500), email: email() })).status).toBe(400);
    expect((await submit({ name: 'Phone', email: email(), phone: 'call me' })).status).toBe(400);
  });

  it('429 with Retry-After past the per-email limit, across addresses', async () => {
    const addr = email();
    for (let i = 0; i < AI_INTEREST_RATE_LIMIT.perEmail; i++) expect((await submit({ name: 'Again', email: addr })).status).toBe(i === 0 ? 201 : 200);
    const blocked = await submit({ name: 'Again', email: addr });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect(Number(blocked.retryAfter)).toBeLessThanOrEqual(AI_INTEREST_RATE_LIMIT.windowSeconds);
  });

  it('429 with Retry-After past the per-IP limit; another client is not affected', async () => {
    const ip = loopback();
    for (let i = 0; i < AI_INTEREST_RATE_LIMIT.perIp; i++) expect((await submit({ name: 'Flood', email: email() }, ip)).status).toBe(201);
    const blocked = await submit({ name: 'Flood', email: email() }, ip);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);
    expect((await submit({ name: 'Other', email: email() })).status).toBe(201);
  });

  it('staff and sales list the forms with filters and cursor pages; others 403', async () => {
    const source = `campaign-${randomUUID().slice(0, 8)}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await submit({ name: `Paged ${i}`, email: email(), source })).body.id as string);
    const sales = await createUser(stack, 'SALES');
    const first = await call(sales.accessToken, 'GET', `/api/admin/ai-for-everyone/interests?source=${source}&limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    const second = await call(sales.accessToken, 'GET', `/api/admin/ai-for-everyone/interests?source=${source}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual([...ids].reverse());

    const admin = await createUser(stack, 'ADMIN');
    const one = await stack.db.aiForEveryoneInterest.findUniqueOrThrow({ where: { id: ids[0]! } });
    const byEmail = await call(admin.accessToken, 'GET', `/api/admin/ai-for-everyone/interests?email=${encodeURIComponent(one.email.toUpperCase())}`);
    expect(byEmail.body.items.map((r: { id: string }) => r.id)).toEqual([ids[0]]);
    const student = await createUser(stack, 'USER');
    expect((await call(student.accessToken, 'GET', '/api/admin/ai-for-everyone/interests')).status).toBe(403);
  });
});
