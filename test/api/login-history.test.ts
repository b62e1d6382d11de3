// Login history: a user reads their own login_logs (newest first, filter by action, cursor);
// another user's rows never show; admins read any user's; a bad query is 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

describe('login history', () => {
  it('mine and, for admins, anyone’s', async () => {
    const me = await createUser(stack, 'USER');
    const other = await createUser(stack, 'EXPERT');
    const admin = await createUser(stack, 'ADMIN');
    const t = (s: number) => new Date(Date.now() - s * 1000);
    await stack.db.loginLog.createMany({
      data: [
        { userId: me.user.id, action: 'LOGIN_FAILED', success: false, email: me.email, ip: '10.0.0.1', reason: 'bad password', createdAt: t(30) },
        { userId: me.user.id, action: 'LOGIN', email: me.email, ip: '10.0.0.1', userAgent: 'test', createdAt: t(20) },
        { userId: me.user.id, action: 'LOGOUT', email: me.email, createdAt: t(10) },
        { userId: other.user.id, action: 'LOGIN', email: other.email, createdAt: t(5) },
      ],
    });
    const mine = await call(me.accessToken, 'GET', '/api/me/login-history');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r: { action: string }) => r.action)).toEqual(['LOGOUT', 'LOGIN', 'LOGIN_FAILED']);
    expect(mine.body.items[2]).toMatchObject({ success: false, reason: 'bad password', ip: '10.0.0.1' });
    const p1 = await call(me.accessToken, 'GET', '/api/me/login-history?limit=2');
    const p2 = await call(me.accessToken, 'GET', `/api/me/login-history?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.items.map((r: { action: string }) => r.action)).toEqual(['LOGIN_FAILED']);
    expect((await call(me.accessToken, 'GET', '/api/me/login-history?action=LOGIN')).body.items).toHaveLength(1);
    expect((await call(me.accessToken, 'GET', '/api/me/login-history?action=HACK')).status).toBe(400);
    expect((await call(other.accessToken, 'GET', '/api/me/login-history')).body.items.map((r: { action: string }) => r.action)).toEqual(['LOGIN']);

    expect((await call(me.accessToken, 'GET', `/api/admin/users/${other.user.id}/login-history`)).status).toBe(403);
    expect((await call(admin.accessToken, 'GET', `/api/admin/users/${me.user.id}/login-history`)).body.items).toHaveLength(3);
    expect((await call(admin.accessToken, 'GET', `/api/admin/users/${crypto.randomUUID()}/login-history`)).status).toBe(404);
    expect((await call(admin.accessToken, 'GET', '/api/admin/users/nope/login-history')).status).toBe(400);
  });
});
