// Forgot / reset password on the real stack: one answer for every email, a link that works
// once and expires, every session ended by a reset, and one winner when two resets race.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../infra/auth/opaque-tokens.js';
import { bearerHeader, createUser, json, TEST_PASSWORD } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false, config: { forgotPasswordRateLimit: { perIp: 1_000, perEmail: 3, windowSeconds: 3_600 } } });
});
afterAll(() => stack.close());

const NEW_PASSWORD = 'fresh-Password-2026-x';
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => stack.app.request(json('POST', path, body, headers));
const forgot = (email: string) => post('/api/auth/forgot-password', { email });
const reset = (token: string, newPassword = NEW_PASSWORD) => post('/api/auth/reset-password', { token, newPassword });

async function emailedToken(to: string, count = 1): Promise<string> {
  const mails = await stack.emailSim.waitFor({ to, subject: 'Reset your MAS password' }, { count });
  const text = mails[count - 1]!.text;
  const m = /http:\/\/web\.test\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text);
  expect(m, text).not.toBeNull();
  return m![1]!;
}

async function login(email: string, password: string) {
  const res = await post('/api/auth/login', { email, password });
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as { accessToken: string; refreshToken: string }) : null };
}

describe('forgot password', () => {
  it('answers an unknown email exactly as a known one, and mails only the known one', async () => {
    const { email } = await createUser(stack);
    const known = await forgot(email);
    const unknown = await forgot(`nobody-${Date.now()}@auth.test`);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    expect(unknown.headers.get('content-type')).toBe(known.headers.get('content-type'));
    await emailedToken(email);
    // Logged in emails_sent like every other email (marked SENT just after the relay accepted it).
    await until(() => stack.db.emailSent.findFirst({ where: { toEmail: email, emailType: 'PASSWORD_RESET' } }), (r) => r?.status === 'SENT');
    // Only the token's hash is stored.
    const row = await stack.db.passwordResetToken.findFirstOrThrow({ where: { user: { email } } });
    expect(row.tokenHash).toBe(sha256(await emailedToken(email)));
  });

  it('a deactivated account gets the same answer and no email', async () => {
    const { email } = await createUser(stack, 'USER', { isActive: false });
    const res = await forgot(email);
    expect(res.status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(stack.emailSim.messages({ to: email })).toEqual([]);
    expect(await stack.db.passwordResetToken.count({ where: { user: { email } } })).toBe(0);
  });

  it('rate limits per email with Retry-After (429 problem)', async () => {
    const email = `limited-${Date.now()}@auth.test`;
    for (let i = 0; i < 3; i++) expect((await forgot(email)).status).toBe(202);
    const res = await forgot(email);
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a bad body with a 400 problem', async () => {
    for (const body of [{}, { email: 'not-an-email' }, { email: 'a@b.test', extra: 1 }, { email: `${'x'.repeat(300)}@b.test` }]) {
      const res = await post('/api/auth/forgot-password', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe('reset password', () => {
  it('sets the password once, ends every session, and the old password and tokens stop working', async () => {
    const { email } = await createUser(stack);
    const session = await login(email, TEST_PASSWORD);
    expect(session.status).toBe(200);
    expect((await forgot(email)).status).toBe(202);
    const token = await emailedToken(email);

    const res = await reset(token);
    expect(res.status).toBe(204);
    // The access token issued before the reset is refused; the refresh token is revoked.
    expect((await stack.app.request(json('GET', '/api/me', undefined, bearerHeader(session.body!.accessToken)))).status).toBe(401);
    expect((await post('/api/auth/refresh', { refreshToken: session.body!.refreshToken })).status).toBe(401);
    const revoked = await stack.db.refreshToken.findFirstOrThrow({ where: { tokenHash: sha256(session.body!.refreshToken) } });
    expect(revoked.revokeReason).toBe('password-reset');
    expect((await login(email, TEST_PASSWORD)).status).toBe(401);
    expect((await login(email, NEW_PASSWORD)).status).toBe(200);
    expect(await stack.db.loginLog.count({ where: { email, action: 'PASSWORD_RESET' } })).toBe(1);

    // The link works once.
    const again = await reset(token, 'another-Password-2026-y');
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(((await again.json()) as { detail: string }).detail).toMatch(/invalid, expired or already used/);
  });

  it('an expired link, a superseded link and an unknown token all answer 410 with one message', async () => {
    const { email } = await createUser(stack);
    await forgot(email);
    const first = await emailedToken(email, 1);
    await forgot(email);
    const second = await emailedToken(email, 2);
    expect(second).not.toBe(first);
    const superseded = await reset(first);
    expect(superseded.status).toBe(410);

    await stack.db.passwordResetToken.update({ where: { tokenHash: sha256(second) }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const expired = await reset(second);
    expect(expired.status).toBe(410);
    const unknown = await reset('A'.repeat(43));
    expect(unknown.status).toBe(410);
    const details = await Promise.all([superseded, expired, unknown].map(async (r) => ((await r.json()) as { detail: string }).detail));
    expect(new Set(details).size).toBe(1);
    expect((await login(email, TEST_PASSWORD)).status).toBe(200);
  });

  it('two parallel resets with one token: exactly one succeeds', async () => {
    const { email, user } = await createUser(stack);
    await forgot(email);
    const token = await emailedToken(email);
    const results = await Promise.all([reset(token, 'racer-One-Password-1'), reset(token, 'racer-Two-Password-2'), reset(token, 'racer-Three-Password-3')]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([204, 410, 410]);
    const winner = ['racer-One-Password-1', 'racer-Two-Password-2', 'racer-Three-Password-3'][results.findIndex((r) => r.status === 204)]!;
    expect((await login(email, winner)).status).toBe(200);
    expect(await stack.db.loginLog.count({ where: { userId: user.id, action: 'PASSWORD_RESET' } })).toBe(1);
  });

  it('refuses a weak password or a malformed token with a 400 problem, leaving the link usable', async () => {
    const { email } = await createUser(stack);
    await forgot(email);
    const token = await emailedToken(email);
    for (const body of [{ token, newPassword: 'short' }, { token: 'abc', newPassword: NEW_PASSWORD }, { token }, { token, newPassword: NEW_PASSWORD, x: 1 }]) {
      const res = await post('/api/auth/reset-password', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await reset(token)).status).toBe(204);
  });

  it('a reset cannot reopen a deactivated account', async () => {
    const { email, user } = await createUser(stack);
    await forgot(email);
    const token = await emailedToken(email);
    await stack.db.user.update({ where: { id: user.id }, data: { isActive: false } });
    expect((await reset(token)).status).toBe(410);
    expect((await stack.db.user.findUniqueOrThrow({ where: { id: user.id } })).isActive).toBe(false);
    // The refused attempt rolled back: the token is still unused.
    expect((await stack.db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).usedAt).toBeNull();
  });
});
