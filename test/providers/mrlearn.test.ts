// The real Mr Learn client against its simulator over HTTP: a token, every row of every
// collection paged exactly once in (updated_at, id) order, updated_since after a generation of
// changes, a 429 waited out for its Retry-After, 5xx backed off, an expired token renewed once,
// a revoked client failing clearly and not retryably, and bad cursors refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LmsApiError } from '../../providers/lib/lms-api-client.js';
import { createMrLearnClient, MRLEARN_ROW_SCHEMAS, type MrLearnProvider, type MrLearnResource } from '../../providers/mrlearn/index.js';
import { MRLEARN_SIM_CLIENT, startMrLearnSimulator, type MrLearnSimulator } from '../../providers/mrlearn/simulator.js';

let sim: MrLearnSimulator;
const client = (over: Partial<Parameters<typeof createMrLearnClient>[0]> = {}): MrLearnProvider =>
  createMrLearnClient({ baseUrl: sim.baseUrl, clientId: MRLEARN_SIM_CLIENT.clientId, clientSecret: MRLEARN_SIM_CLIENT.clientSecret, backoffBaseMs: 5, timeoutMs: 5_000, ...over });

async function all(p: MrLearnProvider, resource: MrLearnResource, opts: { limit?: number; updatedSince?: string } = {}) {
  const rows: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await p.page(resource, { cursor, limit: opts.limit ?? 250, updatedSince: opts.updatedSince ?? null });
    rows.push(...(page.data as Record<string, unknown>[]));
    cursor = page.nextCursor;
    pages++;
  } while (cursor);
  return { rows, pages };
}

beforeAll(async () => {
  sim = await startMrLearnSimulator({ learners: 2_000, courses: 30 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

describe('mr learn client and simulator', () => {
  it('pages every row once, in (updated_at, id) order, each valid against its schema', async () => {
    const p = client();
    for (const resource of ['courses', 'learners', 'learner_reports'] as const) {
      const { rows, pages } = await all(p, resource);
      expect(rows.length).toBe(sim.rowCount(resource));
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
      for (const r of rows) expect(MRLEARN_ROW_SCHEMAS[resource].safeParse(r).success).toBe(true);
      const keys = rows.map((r) => `${String(r.updated_at)}|${String(r.id)}`);
      expect(keys).toEqual([...keys].sort());
      expect(pages).toBe(Math.ceil(rows.length / 250));
    }
    expect(p.api.stats().tokenRequests).toBe(1);
  });

  it('answers the same data on every pass (deterministic) and only changed rows after updated_since', async () => {
    const p = client();
    const first = await all(p, 'learners');
    const again = await all(p, 'learners');
    expect(again.rows).toEqual(first.rows);
    const watermark = first.rows.map((r) => String(r.updated_at)).sort().at(-1)!;
    expect((await all(p, 'learners', { updatedSince: watermark })).rows).toEqual([]);
    sim.bumpGeneration(5);
    const changed = await all(p, 'learners', { updatedSince: watermark });
    expect(changed.rows.length).toBe(sim.changedIn('learners', 1));
    expect(changed.rows.length).toBeGreaterThan(50);
    const before = new Map(first.rows.map((r) => [r.id, r]));
    for (const r of changed.rows) expect(String(r.updated_at) > String(before.get(r.id)!.updated_at)).toBe(true);
    // A full pass still has every learner once: the changed ones moved to the end.
    const full = await all(p, 'learners');
    expect(full.rows.length).toBe(2_000);
    expect(full.rows.slice(-changed.rows.length).map((r) => r.id)).toEqual(changed.rows.map((r) => r.id));
  });

  it('waits out a 429 for its Retry-After, and backs off 5xx, then succeeds', async () => {
    const waits: number[] = [];
    const p = client({ sleep: async (ms) => void waits.push(ms) });
    sim.failNext(2, { status: 429, retryAfterSeconds: 2 });
    const page = await p.page('courses', { limit: 10 });
    expect(page.data).toHaveLength(10);
    expect(waits).toEqual([2000, 2000]);
    sim.failNext(3, { status: 503 });
    waits.length = 0;
    await p.page('courses', { limit: 10 });
    expect(waits).toEqual([5, 10, 20]);
    expect(p.api.stats()).toMatchObject({ rateLimited: 2, serverErrors: 3 });
  });

  it('gives up with the wait when Retry-After is longer than it will wait in place, or after maxAttempts', async () => {
    const p = client({ maxRetryAfterSeconds: 5, sleep: async () => {} });
    sim.failNext(1, { status: 429, retryAfterSeconds: 60 });
    const err = (await p.page('courses', {}).catch((e: unknown) => e)) as LmsApiError;
    expect(err).toBeInstanceOf(LmsApiError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterSeconds: 60, status: 429 });
    sim.failNext(10, { status: 500 });
    const five = (await client({ maxAttempts: 3, sleep: async () => {} }).page('courses', {}).catch((e: unknown) => e)) as LmsApiError;
    expect(five).toMatchObject({ kind: 'server', retryable: true, status: 500 });
  });

  it('renews an expired token once and carries on', async () => {
    const saved: string[] = [];
    const p = client({ onToken: (t) => void saved.push(t.accessToken) });
    await p.page('courses', { limit: 5 });
    sim.expireTokens();
    await p.page('courses', { limit: 5 });
    expect(saved).toHaveLength(2);
    expect(saved[0]).not.toBe(saved[1]);
    expect(p.api.stats()).toMatchObject({ tokenRequests: 2, unauthorized: 1 });
  });

  it('fails clearly, and not retryably, when the client has lost access', async () => {
    const p = client();
    await p.page('courses', { limit: 5 });
    sim.revokeClient(MRLEARN_SIM_CLIENT.clientId);
    const err = (await p.page('courses', { limit: 5 }).catch((e: unknown) => e)) as LmsApiError;
    expect(err).toBeInstanceOf(LmsApiError);
    expect(err.retryable).toBe(false);
    expect(err.status).toBe(401);
    expect(err.message).toMatch(/refused the client credentials of client mas-dev/);
    const wrong = (await client({ clientSecret: 'not-the-secret' }).page('courses', {}).catch((e: unknown) => e)) as LmsApiError;
    expect(wrong).toMatchObject({ retryable: false, status: 401, code: 'invalid_client' });
  });

  it('refuses a bad cursor, limit or updated_since with 400', async () => {
    const p = client();
    for (const q of [{ cursor: 'nope' }, { limit: 5000 }, { updatedSince: 'yesterday' }]) {
      const err = (await p.page('learners', q).catch((e: unknown) => e)) as LmsApiError;
      expect(err).toMatchObject({ status: 400, retryable: false });
    }
  });
});
