import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app.js';
import { createPrisma } from '../../infra/prisma.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

describe('GET /api/health', () => {
  it('answers 200 when the database and Temporal both answer', async () => {
    const res = await stack.app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', failing: [], db: { ok: true }, temporal: { ok: true } });
  });

  it('answers 503 naming the database when it is unreachable', async () => {
    const deadDb = createPrisma('postgresql://nobody:nothing@127.0.0.1:1/none', 1);
    const app = createApp({ ...stack.deps, db: deadDb });
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { failing: string[]; db: { ok: boolean; error?: string }; temporal: { ok: boolean } };
    expect(body.failing).toEqual(['db']);
    expect(body.db).toMatchObject({ ok: false, error: 'unreachable' });
    expect(body.temporal.ok).toBe(true);
    await deadDb.$disconnect();
  });

  it('answers 503 naming Temporal when it is unreachable', async () => {
    const deadTemporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
    const app = createApp({ ...stack.deps, temporal: deadTemporal, config: { ...stack.deps.config, healthTimeoutMs: 1_000 } });
    const res = await app.request('/api/health');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ failing: ['temporal'], db: { ok: true }, temporal: { ok: false } });
  });
});

describe('response headers over real HTTP (written on the ServerResponse before the answer)', () => {
  const API_SET = {
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'strict-transport-security': 'max-age=15552000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
  };

  it('gives the probe, an API answer and an error the OWASP REST set and a request ID', async () => {
    for (const [path, status] of [
      ['/api/health', 200],
      ['/api/me', 401],
      ['/api/no-such-route', 404],
    ] as const) {
      const res = await fetch(`${stack.apiUrl}${path}`, { headers: { 'x-request-id': 'trace-abc-12345' } });
      expect(res.status, path).toBe(status);
      for (const [name, value] of Object.entries(API_SET)) expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      expect(res.headers.get('x-request-id'), path).toBe('trace-abc-12345');
      expect(res.headers.get('x-xss-protection'), path).toBeNull();
    }
    const probe = await fetch(`${stack.apiUrl}/api/health`);
    expect(probe.headers.get('cache-control')).toBe('no-store');
    expect(probe.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives the HTML docs page the document set, its own frame rule and CSP', async () => {
    const res = await fetch(`${stack.apiUrl}/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});
