// Journey 1 and the auth gotchas through the real api: signup → login → me → refresh →
// password change, refresh rotation and reuse, generic login failures, deactivation.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createUser, json, TEST_PASSWORD } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false, config: { loginRateLimit: { perIp: 1000, perEmail: 1000, windowSeconds: 60 } } });
});
afterAll(() => stack.close());

type Session = { accessToken: string; refreshToken: string; user: { id: string; email: string; role: string; stage: string } };
const call = (req: Request) => stack.app.request(req);
const email = () => `New.User+${randomUUID().slice(0, 6)}@Example.COM`;

describe('the signup journey', () => {
  it('signup → login → /api/me → refresh → password change invalidates the old token', async () => {
    const addr = email();
    const signup = await call(json('POST', '/api/auth/signup', { email: addr, password: 'learn-sql-2026', name: 'Riya' }, { 'x-platform': 'my-analytics-school' }));
    expect(signup.status).toBe(201);
    const s1 = (await signup.json()) as Session;
    expect(s1.user).toMatchObject({ email: addr.toLowerCase(), role: 'USER', stage: 'SIGNUP' });
    expect(JSON.stringify(s1)).not.toMatch(/password|learn-sql-2026/i);

    // One transaction made the whole graph.
    const id = s1.user.id;
    expect(await stack.db.token.count({ where: { userId: id } })).toBe(1);
    expect((await stack.db.promotionalToken.findUniqueOrThrow({ where: { userId: id } })).balance).toBe(2);
    expect(await stack.db.loginLog.count({ where: { userId: id, action: 'SIGNUP' } })).toBe(1);
    expect((await stack.db.user.findUniqueOrThrow({ where: { id } })).platform).toBe('my-analytics-school');

    const login = await call(json('POST', '/api/auth/login', { email: addr.toUpperCase(), password: 'learn-sql-2026' }));
    expect(login.status).toBe(200);
    const s2 = (await login.json()) as Session;

    const me = await call(json('GET', '/api/me', undefined, bearerHeader(s2.accessToken)));
    expect(me.status).toBe(200);
    const meBody = (await me.json()) as { createdAt: string };
    expect(meBody).toMatchObject({ id, email: addr.toLowerCase(), wallet: { balance: 0, promotionalBalance: 2 } });
    // Read with plain pg (infra/prisma.ts pgPool): the same instant Prisma reads, whatever the process's TZ.
    expect(meBody.createdAt).toBe((await stack.db.user.findUniqueOrThrow({ where: { id } })).createdAt.toISOString());

    const refreshed = await call(json('POST', '/api/auth/refresh', { refreshToken: s2.refreshToken }));
    expect(refreshed.status).toBe(200);
    const s3 = (await refreshed.json()) as Session;
    expect(s3.refreshToken).not.toBe(s2.refreshToken);

    const changed = await call(json('POST', '/api/auth/password', { currentPassword: 'learn-sql-2026', newPassword: 'learn-python-2027' }, bearerHeader(s3.accessToken)));
    expect(changed.status).toBe(200);
    const s4 = (await changed.json()) as Session;
    expect((await call(json('GET', '/api/me', undefined, bearerHeader(s3.accessToken)))).status).toBe(401);
    expect((await call(json('GET', '/api/me', undefined, bearerHeader(s4.accessToken)))).status).toBe(200);
    expect((await call(json('POST', '/api/auth/refresh', { refreshToken: s3.refreshToken }))).status).toBe(401);
    expect((await call(json('POST', '/api/auth/login', { email: addr, password: 'learn-sql-2026' }))).status).toBe(401);
    expect((await call(json('POST', '/api/auth/login', { email: addr, password: 'learn-python-2027' }))).status).toBe(200);
  });

  it('refuses a duplicate email, whatever its case, with 409', async () => {
    const addr = email();
    expect((await call(json('POST', '/api/auth/signup', { email: addr, password: 'learn-sql-2026', name: 'A' }))).status).toBe(201);
    const dup = await call(json('POST', '/api/auth/signup', { email: addr.toLowerCase(), password: 'learn-sql-2026', name: 'B' }));
    expect(dup.status).toBe(409);
    expect(dup.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('10 concurrent signups with one email make exactly one account', async () => {
    const addr = email();
    const res = await Promise.all(Array.from({ length: 10 }, () => call(json('POST', '/api/auth/signup', { email: addr, password: 'learn-sql-2026', name: 'Race' }))));
    expect(res.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
    expect(await stack.db.user.count({ where: { email: addr.toLowerCase() } })).toBe(1);
  });

  it.each([
    ['short', 'abc12'],
    ['no digits', 'onlyletterspassword'],
    ['common', 'password123'],
  ])('refuses a weak password (%s) with 400 naming the field', async (_why, password) => {
    const res = await call(json('POST', '/api/auth/signup', { email: email(), password, name: 'W' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path)).toContain('json.password');
  });

  it('refuses an unknown x-platform with 400', async () => {
    const res = await call(json('POST', '/api/auth/signup', { email: email(), password: 'learn-sql-2026', name: 'P' }, { 'x-platform': 'evil-corp' }));
    expect(res.status).toBe(400);
  });
});

describe('login', () => {
  it('gives one generic 401 for an unknown email and for a wrong password, and logs both', async () => {
    const { email: known } = await createUser(stack);
    const a = await call(json('POST', '/api/auth/login', { email: `nobody-${randomUUID()}@auth.test`, password: TEST_PASSWORD }));
    const b = await call(json('POST', '/api/auth/login', { email: known, password: 'wrong-password-1' }));
    expect([a.status, b.status]).toEqual([401, 401]);
    const [da, db] = (await Promise.all([a.json(), b.json()])) as { detail: string }[];
    expect(da!.detail).toBe(db!.detail);
    expect(await stack.db.loginLog.count({ where: { email: known, action: 'LOGIN_FAILED' } })).toBe(1);
  });

  it('a deactivated user can neither log in nor refresh nor use an access token', async () => {
    const { user, email: addr } = await createUser(stack);
    const s = (await (await call(json('POST', '/api/auth/login', { email: addr, password: TEST_PASSWORD }))).json()) as Session;
    await stack.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect((await call(json('POST', '/api/auth/login', { email: addr, password: TEST_PASSWORD }))).status).toBe(401);
    expect((await call(json('POST', '/api/auth/refresh', { refreshToken: s.refreshToken }))).status).toBe(401);
    expect((await call(json('GET', '/api/me', undefined, bearerHeader(s.accessToken)))).status).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('rotate on every use; reusing an old one revokes the whole family', async () => {
    const { email: addr } = await createUser(stack);
    const s1 = (await (await call(json('POST', '/api/auth/login', { email: addr, password: TEST_PASSWORD }))).json()) as Session;
    const s2 = (await (await call(json('POST', '/api/auth/refresh', { refreshToken: s1.refreshToken }))).json()) as Session;
    // The stolen old token comes back: refused, and the legitimate newer one dies with it.
    expect((await call(json('POST', '/api/auth/refresh', { refreshToken: s1.refreshToken }))).status).toBe(401);
    expect((await call(json('POST', '/api/auth/refresh', { refreshToken: s2.refreshToken }))).status).toBe(401);
  });

  it('two concurrent refreshes with one token: exactly one wins', async () => {
    const { email: addr } = await createUser(stack);
    const s1 = (await (await call(json('POST', '/api/auth/login', { email: addr, password: TEST_PASSWORD }))).json()) as Session;
    const res = await Promise.all([0, 1].map(() => call(json('POST', '/api/auth/refresh', { refreshToken: s1.refreshToken }))));
    expect(res.map((r) => r.status).sort()).toEqual([200, 401]);
  });

  it('are stored only as hashes, and logout ends the session', async () => {
    const { user, email: addr } = await createUser(stack);
    const s = (await (await call(json('POST', '/api/auth/login', { email: addr, password: TEST_PASSWORD }))).json()) as Session;
    const rows = await stack.db.refreshToken.findMany({ where: { userId: user.id } });
    expect(rows.some((r) => r.tokenHash === s.refreshToken)).toBe(false);
    expect((await call(json('POST', '/api/auth/logout', { refreshToken: s.refreshToken }))).status).toBe(204);
    expect((await call(json('POST', '/api/auth/refresh', { refreshToken: s.refreshToken }))).status).toBe(401);
    expect((await call(json('POST', '/api/auth/logout', { refreshToken: s.refreshToken }))).status).toBe(204);
  });
});
