// Events and league registrations: staff configure events (others 403) and frontends read the
// enabled ones; the public form registers once per event and email (a repeat is 200 and updates
// it, parallel repeats too), waitlists past capacity, refuses a closed event (409) and answers
// 429 with Retry-After per client IP and per email. Forms go over a real socket from chosen
// loopback addresses, so the per-IP limit sees distinct clients.
import http from 'node:http';
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEAGUE_RATE_LIMIT } from '../../services/marketing/league.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const loopback = () => `127.${randomInt(1, 250)}.${randomInt(1, 250)}.${randomInt(2, 250)}`;
const email = () => `Player.${randomUUID().slice(0, 8)}@Example.com`;
const slug = () => `league-${randomUUID().slice(0, 8)}`;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely; the OpenAPI test checks shapes
  body: any;
}

function register(key: string, body: unknown, localAddress = loopback()): Promise<Answer> {
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`${stack.apiUrl}/api/public/events/${key}/registrations`), { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'], body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function openEvent(extra: Record<string, unknown> = {}) {
  const key = slug();
  const res = await call(admin.accessToken, 'POST', '/api/admin/events', { key, name: 'Data League', isEnabled: true, registrationOpen: true, ...extra });
  expect(res.status).toBe(201);
  return key;
}

describe('events', () => {
  it('staff configure events; frontends read the enabled ones; bad input 400/409/422; others 403', async () => {
    const key = slug();
    const created = await call(admin.accessToken, 'POST', '/api/admin/events', { key, name: 'Analytics League', startsAt: '2027-01-10T10:00:00+05:30', maxRegistrations: 2, settings: { theme: 'dark', showLeaderboard: true } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ key, isEnabled: false, registrationOpen: false, maxRegistrations: 2, settings: { theme: 'dark' } });
    expect((await call(admin.accessToken, 'POST', '/api/admin/events', { key, name: 'Again' })).status).toBe(409);
    expect((await call(admin.accessToken, 'POST', '/api/admin/events', { key: 'Not A Slug', name: 'x' })).status).toBe(400);
    expect((await call(admin.accessToken, 'POST', '/api/admin/events', { key: slug(), name: 'x', maxRegistrations: 0 })).status).toBe(400);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/events/${key}`, { endsAt: '2027-01-01T00:00:00Z' })).status).toBe(422);

    // Disabled: not public.
    expect((await stack.app.request(`/api/public/events/${key}`)).status).toBe(404);
    const on = await call(admin.accessToken, 'PATCH', `/api/admin/events/${key}`, { isEnabled: true, registrationOpen: true });
    expect(on.body).toMatchObject({ isEnabled: true, registrationOpen: true });
    const pub = await stack.app.request(`/api/public/events/${key}`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    expect(await pub.json()).toMatchObject({ key, registrationOpen: true, placesLeft: 2, settings: { showLeaderboard: true } });
    const all = (await (await stack.app.request('/api/public/events')).json()) as { items: { key: string }[] };
    expect(all.items.map((e) => e.key)).toContain(key);
    expect(all.items).not.toContainEqual(expect.objectContaining({ id: expect.anything() }));

    const student = await createUser(stack, 'USER');
    const sales = await createUser(stack, 'SALES');
    expect((await call(student.accessToken, 'POST', '/api/admin/events', { key: slug(), name: 'Mine' })).status).toBe(403);
    expect((await call(sales.accessToken, 'PATCH', `/api/admin/events/${key}`, { isEnabled: false })).status).toBe(403);
    expect((await call(admin.accessToken, 'GET', `/api/admin/events?isEnabled=true`)).body.items.map((e: { key: string }) => e.key)).toContain(key);

    expect((await call(admin.accessToken, 'DELETE', `/api/admin/events/${key}`)).status).toBe(204);
    expect((await call(admin.accessToken, 'GET', `/api/admin/events/${key}`)).status).toBe(404);
  });
});

describe('league registrations', () => {
  it('dedupes per event and email (201 then 200, the same row updated); another event is separate', async () => {
    const key = await openEvent();
    const addr = email();
    const first = await register(key, { name: 'Asha', email: addr, phone: '98765 43210', college: 'IIT Bombay', teamName: 'Query Queens', teamMembers: [{ name: 'Ravi', email: 'Ravi@Example.com' }], utmSource: 'instagram' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ created: true, status: 'REGISTERED' });
    const row = await stack.db.leagueRegistration.findUniqueOrThrow({ where: { id: first.body.id } });
    expect(row).toMatchObject({ eventKey: key, email: addr.toLowerCase(), phone: '+919876543210', college: 'IIT Bombay', teamMembers: [{ name: 'Ravi', email: 'ravi@example.com' }] });

    const repeat = await register(key, { name: 'Asha K', email: ` ${addr.toUpperCase()} `, city: 'Pune' });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toMatchObject({ id: first.body.id, created: false });
    expect(await stack.db.leagueRegistration.findUniqueOrThrow({ where: { id: first.body.id } })).toMatchObject({ name: 'Asha K', city: 'Pune', college: 'IIT Bombay' });
    expect((await register(await openEvent(), { name: 'Asha', email: addr })).status).toBe(201);
  });

  it('parallel registrations of one email: one row', async () => {
    const key = await openEvent();
    const addr = email();
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => register(key, { name: `Ravi ${i}`, email: addr })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await stack.db.leagueRegistration.count({ where: { eventKey: key, email: addr.toLowerCase() } })).toBe(1);
  });

  it('past capacity newcomers are waitlisted, even in parallel; a closed or unknown event refuses', async () => {
    const key = await openEvent({ maxRegistrations: 2 });
    const answers = await Promise.all(Array.from({ length: 4 }, () => register(key, { name: 'Racer', email: email() })));
    expect(answers.map((a) => a.body.status).sort()).toEqual(['REGISTERED', 'REGISTERED', 'WAITLISTED', 'WAITLISTED']);
    expect((await (await stack.app.request(`/api/public/events/${key}`)).json()) as { placesLeft: number }).toMatchObject({ placesLeft: 0 });

    const closed = await openEvent({ registrationClosesAt: new Date(Date.now() - 60_000).toISOString() });
    expect((await register(closed, { name: 'Late', email: email() })).status).toBe(409);
    const off = await openEvent({ registrationOpen: false });
    expect((await register(off, { name: 'Early', email: email() })).status).toBe(409);
    expect((await register(slug(), { name: 'Lost', email: email() })).status).toBe(404);
  });

  it('refuses bad input', async () => {
    const key = await openEvent();
    expect((await register(key, { name: 'Bad', email: 'not-an-email' })).status).toBe(400);
    expect((await register(key, { name: 'No email' })).status).toBe(400);
    expect((await register(key, { name: 'Extra', email: email(), status: 'CONFIRMED' })).status).toBe(400);
    expect((await register(key, { name: 'Team', email: email(), teamMembers: Array.from({ length: 11 }, (_, i) => ({ name: `M${i}` })) })).status).toBe(400);
    expect((await register(key, { name: 'Phone', email: email(), phone: 'call me' })).status).toBe(400);
    expect((await register(key, { name: 'Nested', email: email(), extraData: { a: { b: 1 } } })).status).toBe(400);
    expect((await register(key, { name: 'Answers', email: email(), extraData: { year: 3, track: 'sql', tools: ['excel', 'python'], laptop: true } })).status).toBe(201);
    expect((await register('Bad Key', { name: 'Key', email: email() })).status).toBe(400);
  });

  it('429 with Retry-After past the per-email and per-IP limits; another client is not affected', async () => {
    const key = await openEvent();
    const addr = email();
    for (let i = 0; i < LEAGUE_RATE_LIMIT.perEmail; i++) expect((await register(key, { name: 'Again', email: addr })).status).toBe(i === 0 ? 201 : 200);
    const blocked = await register(key, { name: 'Again', email: addr });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.retryAfter)).toBeGreaterThan(0);

    const ip = loopback();
    for (let i = 0; i < LEAGUE_RATE_LIMIT.perIp; i++) expect((await register(key, { name: 'Flood', email: email() }, ip)).status).toBe(201);
    const flooded = await register(key, { name: 'Flood', email: email() }, ip);
    expect(flooded.status).toBe(429);
    expect(Number(flooded.retryAfter)).toBeLessThanOrEqual(LEAGUE_RATE_LIMIT.windowSeconds);
    expect((await register(key, { name: 'Other', email: email() })).status).toBe(201);
  });

  it('staff and sales list an event’s registrations with filters and cursor pages; staff change a status; students 403', async () => {
    const key = await openEvent();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await register(key, { name: `Paged ${i}`, email: email() })).body.id as string);
    const sales = await createUser(stack, 'SALES');
    const first = await call(sales.accessToken, 'GET', `/api/admin/events/${key}/registrations?limit=2`);
    expect(first.status).toBe(200);
    const second = await call(sales.accessToken, 'GET', `/api/admin/events/${key}/registrations?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((r: { id: string }) => r.id)).toEqual([...made].reverse());

    const confirmed = await call(admin.accessToken, 'PATCH', `/api/admin/league-registrations/${made[0]}`, { status: 'CONFIRMED' });
    expect(confirmed.body.status).toBe('CONFIRMED');
    expect((await call(admin.accessToken, 'GET', `/api/admin/events/${key}/registrations?status=CONFIRMED`)).body.items.map((r: { id: string }) => r.id)).toEqual([made[0]]);
    expect((await call(sales.accessToken, 'PATCH', `/api/admin/league-registrations/${made[0]}`, { status: 'CANCELLED' })).status).toBe(403);
    expect((await call(admin.accessToken, 'PATCH', `/api/admin/league-registrations/${randomUUID()}`, { status: 'CANCELLED' })).status).toBe(404);
    const student = await createUser(stack, 'USER');
    expect((await call(student.accessToken, 'GET', `/api/admin/events/${key}/registrations`)).status).toBe(403);
    expect((await call(admin.accessToken, 'GET', `/api/admin/events/${key}/registrations?cursor=garbage`)).status).toBe(400);
  });
});
