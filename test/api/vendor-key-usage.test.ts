// A vendor key's usage for admins: per-day access summaries in a range with totals, and the
// leads it ingested (status filter, cursor); unknown keys 404, salespeople 403.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

describe('vendor key usage', () => {
  it('summaries and leads per key', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const rep = await createUser(stack, 'SALES');
    const tag = randomUUID().slice(0, 8);
    const key = await stack.db.vendorApiKey.create({ data: { name: `Usage ${tag}`, vendorName: 'Shiksha', keyHash: `hash-${tag}`, keyPrefix: `mas_test_${tag}` } });
    const d = (day: string) => new Date(`${day}T00:00:00Z`);
    await stack.db.vendorApiKeyAccessSummary.createMany({
      data: [
        { vendorApiKeyId: key.id, day: d('2026-11-01'), requestCount: 10, successCount: 8, errorCount: 2, leadsReceivedCount: 7, duplicateCount: 1 },
        { vendorApiKeyId: key.id, day: d('2026-11-02'), requestCount: 5, successCount: 5, leadsReceivedCount: 5 },
        { vendorApiKeyId: key.id, day: d('2026-11-20'), requestCount: 1, successCount: 1, leadsReceivedCount: 1 },
      ],
    });
    const base = `/api/admin/vendor-keys/${key.id}`;
    const s = await call(admin.accessToken, 'GET', `${base}/access-summaries?from=2026-11-01&to=2026-11-10`);
    expect(s.status).toBe(200);
    expect(s.body.days.map((x: { day: string }) => x.day)).toEqual(['2026-11-02', '2026-11-01']);
    expect(s.body.totals).toMatchObject({ requestCount: 15, successCount: 13, errorCount: 2, leadsReceivedCount: 12, duplicateCount: 1 });
    expect((await call(admin.accessToken, 'GET', `${base}/access-summaries?from=2026-11-10&to=2026-11-01`)).status).toBe(400);
    expect((await call(admin.accessToken, 'GET', `${base}/access-summaries?from=nov`)).status).toBe(400);
    expect((await call(rep.accessToken, 'GET', `${base}/access-summaries`)).status).toBe(403);
    expect((await call(admin.accessToken, 'GET', `/api/admin/vendor-keys/${randomUUID()}/access-summaries`)).status).toBe(404);

    await stack.db.vendorLead.createMany({
      data: [
        { vendorApiKeyId: key.id, idempotencyKey: 'a', status: 'REJECTED', rejectionReason: 'no phone', rawPayload: {}, createdAt: new Date(Date.now() - 2000) },
        { vendorApiKeyId: key.id, idempotencyKey: 'b', status: 'RECEIVED', name: 'Riya', rawPayload: {}, createdAt: new Date(Date.now() - 1000) },
      ],
    });
    const leads = await call(admin.accessToken, 'GET', `${base}/leads`);
    expect(leads.body.items.map((l: { status: string }) => l.status)).toEqual(['RECEIVED', 'REJECTED']);
    expect((await call(admin.accessToken, 'GET', `${base}/leads?status=REJECTED`)).body.items).toEqual([expect.objectContaining({ rejectionReason: 'no phone' })]);
    expect((await call(admin.accessToken, 'GET', `${base}/leads?status=NOPE`)).status).toBe(400);
    expect((await call(rep.accessToken, 'GET', `${base}/leads`)).status).toBe(403);
    expect((await call(admin.accessToken, 'GET', `/api/admin/vendor-keys/${randomUUID()}/leads`)).status).toBe(404);
  });
});
