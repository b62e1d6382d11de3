// User admin and typed system config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

describe('GET /api/admin/users', () => {
  it('filters by role and text, pages with a cursor, and never returns passwords', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const tag = `pager${Date.now()}`;
    for (let i = 0; i < 5; i++) await stack.db.user.create({ data: { email: `${tag}-${i}@list.test`, name: `Pager ${i}`, role: 'SALES', password: 'scrypt$x' } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs: string = `?role=SALES&q=${tag}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await stack.app.request(json('GET', `/api/admin/users${qs}`, undefined, bearerHeader(admin.accessToken)));
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).not.toMatch(/password|scrypt/);
      const page = JSON.parse(text) as { items: { email: string; role: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((u) => u.email));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${tag}-${i}@list.test`));
  });

  it('scopes the list to the x-platform tenant when the header is sent', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const tag = `tenant${Date.now()}`;
    await stack.db.user.create({ data: { email: `${tag}-a@list.test`, name: 'A', platform: 'mr-mentor' } });
    await stack.db.user.create({ data: { email: `${tag}-b@list.test`, name: 'B', platform: 'my-analytics-school' } });
    const res = await stack.app.request(json('GET', `/api/admin/users?q=${tag}`, undefined, { ...bearerHeader(admin.accessToken), 'x-platform': 'my-analytics-school' }));
    const page = (await res.json()) as { items: { email: string }[] };
    expect(page.items.map((u) => u.email)).toEqual([`${tag}-b@list.test`]);
  });

  it('refuses a limit over the cap with 400', async () => {
    const admin = await createUser(stack, 'ADMIN');
    expect((await stack.app.request(json('GET', '/api/admin/users?limit=1000', undefined, bearerHeader(admin.accessToken)))).status).toBe(400);
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('deactivates instead of deleting, and the user is locked out at once', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const victim = await createUser(stack, 'USER');
    const res = await stack.app.request(json('PATCH', `/api/admin/users/${victim.user.id}`, { isActive: false }, bearerHeader(admin.accessToken)));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: victim.user.id, isActive: false });
    expect(await stack.db.user.count({ where: { id: victim.user.id } })).toBe(1);
    expect((await stack.app.request(json('GET', '/api/me', undefined, bearerHeader(victim.accessToken)))).status).toBe(401);
  });

  it('lets an admin make a SALES user but not an ADMIN; a SUPERADMIN can', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const superadmin = await createUser(stack, 'SUPERADMIN');
    const u = await createUser(stack, 'USER');
    expect((await stack.app.request(json('PATCH', `/api/admin/users/${u.user.id}`, { role: 'SALES' }, bearerHeader(admin.accessToken)))).status).toBe(200);
    expect((await stack.app.request(json('PATCH', `/api/admin/users/${u.user.id}`, { role: 'ADMIN' }, bearerHeader(admin.accessToken)))).status).toBe(403);
    expect((await stack.app.request(json('PATCH', `/api/admin/users/${u.user.id}`, { role: 'ADMIN' }, bearerHeader(superadmin.accessToken)))).status).toBe(200);
    // The old token now carries a stale role claim; the role is read from the database.
    expect((await stack.app.request(json('GET', '/api/me', undefined, bearerHeader(u.accessToken)))).status).toBe(200);
  });

  it('answers 404 for an unknown user and 400 for an empty change', async () => {
    const admin = await createUser(stack, 'ADMIN');
    expect((await stack.app.request(json('PATCH', '/api/admin/users/6b3d8f0e-0000-4000-8000-000000000000', { isActive: false }, bearerHeader(admin.accessToken)))).status).toBe(404);
    const u = await createUser(stack);
    expect((await stack.app.request(json('PATCH', `/api/admin/users/${u.user.id}`, {}, bearerHeader(admin.accessToken)))).status).toBe(400);
  });
});

describe('/api/system-config', () => {
  it('validates values per key, audits every change, and supports compare-and-set', async () => {
    const sa = await createUser(stack, 'SUPERADMIN');
    const list = (await (await stack.app.request(json('GET', '/api/system-config', undefined, bearerHeader(sa.accessToken)))).json()) as { items: { key: string; version: number }[] };
    const current = list.items.find((i) => i.key === 'booking.holdMinutes')!;

    const bad = await stack.app.request(json('PUT', '/api/system-config/booking.holdMinutes', { value: 'ten' }, bearerHeader(sa.accessToken)));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors[0]!.path).toBe('json.value');

    const ok = await stack.app.request(json('PUT', '/api/system-config/booking.holdMinutes', { value: 15, expectedVersion: current.version }, bearerHeader(sa.accessToken)));
    expect(ok.status).toBe(200);
    const saved = (await ok.json()) as { version: number; value: number };
    expect(saved).toMatchObject({ value: 15, version: current.version + 1 });

    const stale = await stack.app.request(json('PUT', '/api/system-config/booking.holdMinutes', { value: 20, expectedVersion: current.version }, bearerHeader(sa.accessToken)));
    expect(stale.status).toBe(409);
    expect((await stack.app.request(json('PUT', '/api/system-config/no.such.key', { value: 1 }, bearerHeader(sa.accessToken)))).status).toBe(404);

    const audit = await stack.db.systemConfigChange.findMany({ where: { key: 'booking.holdMinutes', changedById: sa.user.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ newValue: 15, version: saved.version });

    // The audit trail over the api, newest first, paged.
    const second = await stack.app.request(json('PUT', '/api/system-config/booking.holdMinutes', { value: 12 }, bearerHeader(sa.accessToken)));
    expect(second.status).toBe(200);
    const trail = (await (await stack.app.request(json('GET', '/api/system-config/booking.holdMinutes/changes?limit=1', undefined, bearerHeader(sa.accessToken)))).json()) as { items: { oldValue: unknown; newValue: unknown; changedBy: { id: string } }[]; nextCursor: string };
    expect(trail.items).toEqual([expect.objectContaining({ oldValue: 15, newValue: 12, changedBy: { id: sa.user.id, email: sa.email.toLowerCase() } })]);
    const older = (await (await stack.app.request(json('GET', `/api/system-config/booking.holdMinutes/changes?limit=1&cursor=${trail.nextCursor}`, undefined, bearerHeader(sa.accessToken)))).json()) as { items: { newValue: unknown }[] };
    expect(older.items[0]).toMatchObject({ newValue: 15 });
    expect((await stack.app.request(json('GET', '/api/system-config/no.such.key/changes', undefined, bearerHeader(sa.accessToken)))).status).toBe(404);
    const admin = await createUser(stack, 'ADMIN');
    expect((await stack.app.request(json('GET', '/api/system-config/booking.holdMinutes/changes', undefined, bearerHeader(admin.accessToken)))).status).toBe(403);
  });
});
