// Rate limits shared across api processes, and secrets that never reach logs or responses.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import { bearerHeader, createUser, json, TEST_PASSWORD } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
const logLines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logLines.push(chunk.toString());
      cb();
    },
  });
  stack = await startTestStack({ worker: false, logger: pino({ level: 'debug' }, sink), config: { loginRateLimit: { perIp: 1000, perEmail: 3, windowSeconds: 60 } } });
});
afterAll(() => stack.close());

describe('login rate limit', () => {
  it('answers 429 with Retry-After once an email has used its attempts, across api processes', async () => {
    const { email } = await createUser(stack);
    // A second app on the same database stands in for a second api process.
    const other = createApp(stack.deps);
    const apps = [stack.app, other, stack.app];
    for (const app of apps) expect((await app.request(json('POST', '/api/auth/login', { email, password: 'wrong-password-9' }))).status).toBe(401);
    const blocked = await other.request(json('POST', '/api/auth/login', { email, password: TEST_PASSWORD }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('counts atomically under concurrency', async () => {
    const key = `test:${Date.now()}`;
    const decisions = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(stack.db, key, 5, 60)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it('opens a new window once the old one has expired', async () => {
    const key = `test:window:${Date.now()}`;
    const t0 = new Date();
    expect((await consumeRateLimit(stack.db, key, 1, 1, t0)).allowed).toBe(true);
    expect((await consumeRateLimit(stack.db, key, 1, 1, t0)).allowed).toBe(false);
    expect((await consumeRateLimit(stack.db, key, 1, 1, new Date(t0.getTime() + 1500))).allowed).toBe(true);
  });
});

describe('secrets', () => {
  it('never appear in logs or responses: passwords, access and refresh tokens', async () => {
    const email = `secret-${Date.now()}@auth.test`;
    const password = 'Very-secret-pass-77';
    const signup = await stack.app.request(json('POST', '/api/auth/signup', { email, password, name: 'S' }));
    const session = (await signup.json()) as { accessToken: string; refreshToken: string };
    const responses: string[] = [];
    for (const req of [
      json('POST', '/api/auth/login', { email, password }),
      json('POST', '/api/auth/login', { email, password: 'Wrong-secret-pass-1' }),
      json('POST', '/api/auth/refresh', { refreshToken: session.refreshToken }),
      json('GET', '/api/me', undefined, bearerHeader(session.accessToken)),
      json('GET', '/api/me', undefined, bearerHeader(`${session.accessToken}x`)),
    ]) {
      const res = await stack.app.request(req);
      responses.push(await res.text());
    }
    const logs = logLines.join('\n');
    expect(logs).toContain('"route":"/api/auth/login"');
    for (const secret of [password, 'Wrong-secret-pass-1', session.refreshToken, session.accessToken]) {
      expect(logs).not.toContain(secret);
      for (const body of responses) expect(body).not.toContain(secret);
    }
    expect(responses.join('\n')).not.toMatch(/scrypt\$/);
  });

  it('logs one line per request with the request id, route, status, duration and user', async () => {
    const { user, accessToken } = await createUser(stack);
    const res = await stack.app.request(json('GET', '/api/me', undefined, bearerHeader(accessToken)));
    const requestId = res.headers.get('x-request-id')!;
    const line = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === requestId);
    expect(line).toMatchObject({ method: 'GET', route: '/api/me', status: 200, userId: user.id, durationMs: expect.any(Number) });
  });
});
