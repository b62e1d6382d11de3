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
