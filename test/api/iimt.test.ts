// The public IIMT application form: one application per email (a repeat is 200 and updates it,
// parallel repeats too), bounded fields, 429 with Retry-After per client IP and per email, and
// the staff list with filters, cursor pages and status changes. Forms go over a real socket
// from chosen loopback addresses, so the per-IP limit sees distinct clients.
import http from 'node:http';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IIMT_RATE_LIMIT } from '../../services/marketing/iimt.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const loopback = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
const email = () => `Applicant.${randomUUID().slice(0, 8)}@Example.com`;
const base = () => ({ fullName: 'Neha Rao', email: email(), phone: '9876543210' });

interface Answer {
  status: number;
  retryAfter: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the OpenAPI test checks shapes
  body: any;
}

function submit(body: unknown, localAddress = loopback()): Promise<Answer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`${stack.apiUrl}/api/public/iimt/applications`), { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

describe('IIMT applications', () => {
  it('dedupes per email (201 then 200, the same row updated)', async () => {
    const form = { ...base(), dateOfBirth: '1998-04-12', graduationYear: 2020, workExperienceYears: 3.5, programOfInterest: 'PGP Analytics', attribution: { utmSource: 'google', referrer: 'https://example.com/' }, formData: { laptop: true } };
    const first = await submit(form);
    expect(first.status).toBe(201);
    expect(first.body.created).toBe(true);
    const row = await stack.db.iimtApplication.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(row).toMatchObject({ email: form.email.toLowerCase(), phone: '+919876543210', graduationYear: 2020, programOfInterest: 'PGP Analytics', status: 'submitted' });
    expect(Number(row.workExperienceYears)).toBe(3.5);

    const repeat = await submit({ fullName: 'Neha R', email: form.email.toUpperCase(), phone: '9876543210', city: 'Mumbai' });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual({ id: first.body.id, created: false });
    expect(await stack.db.iimtApplication.findUniqueOrThrow({ where: { id: first.body.id } })).toMatchObject({ fullName: 'Neha R', city: 'Mumbai', programOfInterest: 'PGP Analytics' });
  });

  it('parallel submissions of one email: one row', async () => {
    const form = base();
    const answers = await Promise.all(Array.from({ length: 5 }, () => submit(form)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await stack.db.iimtApplication.count({ where: { email: form.email.toLowerCase() } })).toBe(1);
  });

  it('refuses bad input', async () => {
    expect((await submit({ ...base(), email: 'nope' })).status).toBe(400);
    expect((await submit({ fullName: 'No phone', email: email() })).status).toBe(400);
    expect((await submit({ ...base(), phone: 'call me' })).status).toBe(400);
    expect((await submit({ ...base(), dateOfBirth: '2999-01-01' })).status).toBe(400);
    expect((await submit({ ...base(), graduationYear: 1800 })).status).toBe(400);
    expect((await submit({ ...base(), workExperienceYears: -1 })).status).toBe(400);
    expect((await submit({ ...base(), status: 'qualified' })).status).toBe(400);
    expect((await submit({ ...base(), attribution: { utmSource: 'x', evil: 'y' } })).status).toBe(400);
  });

  it('429 with Retry-After past the per-email and per-IP limits; another client is not affected', async () => {
    const form = base();
    for (let i = 0; i < IIMT_RATE_LIMIT.perEmail; i++) expect((await submit(form)).status).toBe(i === 0 ? 201 : 200);
    const blocked = await submit(form);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);

    const ip = loopback();
    for (let i = 0; i < IIMT_RATE_LIMIT.perIp; i++) expect((await submit(base(), ip)).status).toBe(201);
    const flooded = await submit(base(), ip);
    expect(flooded.status).toBe(429);
    expect(Number(flooded.retryAfter)).toBeLessThanOrEqual(IIMT_RATE_LIMIT.windowSeconds);
    expect((await submit(base())).status).toBe(201);
  });

  it('staff and sales list with filters and cursor pages and change the status; students 403', async () => {
    const programme = `Programme ${randomUUID().slice(0, 8)}`;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await submit({ ...base(), programOfInterest: programme })).body.id as string);
    const sales = await createUser(stack, 'SALES');
    const q = `/api/admin/iimt/applications?programOfInterest=${encodeURIComponent(programme)}`;
    const first = await call(sales.accessToken, 'GET', `${q}&limit=2`);
    expect(first.status).toBe(200);
    const second = await call(sales.accessToken, 'GET', `${q}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual([...made].reverse());
    expect(first.body.items[0]).toMatchObject({ phone: '+919876543210', status: 'submitted', dateOfBirth: null });

    const contacted = await call(sales.accessToken, 'PATCH', `/api/admin/iimt/applications/${made[0]}`, { status: 'contacted' });
    expect(contacted.body.status).toBe('contacted');
    expect((await call(sales.accessToken, 'GET', `${q}&status=contacted`)).body.items.map((r: { id: string }) => r.id)).toEqual([made[0]]);
    expect((await call(sales.accessToken, 'PATCH', `/api/admin/iimt/applications/${made[0]}`, { status: 'hired' })).status).toBe(400);
    expect((await call(sales.accessToken, 'PATCH', `/api/admin/iimt/applications/${randomUUID()}`, { status: 'rejected' })).status).toBe(404);
    const student = await createUser(stack, 'USER');
    expect((await call(student.accessToken, 'GET', '/api/admin/iimt/applications')).status).toBe(403);
  });
});
