// Salesperson targets: a sales head (or an admin) sets a rep's monthly target; the rep reads
// their own with progress summed from the KPI rollup's days of that month; another team's head
// and rep get 404 (read) or 403 (set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiDay } from '../../domain/kpi/metrics.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

async function metric(userId: string, metricKey: string, day: string, value: number) {
  const w = kpiDay(day);
  await stack.db.performanceMetric.create({ data: { userId, metricKey, period: 'DAILY', periodStart: w.start, periodEnd: w.end, value, unit: 'count', sampleCount: value } });
}

describe('salesperson targets', () => {
  it('a head sets a rep’s month; the rep reads progress from the rollup; others are refused', async () => {
    const head = await createUser(stack, 'SALES');
    const rep = await createUser(stack, 'SALES');
    const otherHead = await createUser(stack, 'SALES');
    const admin = await createUser(stack, 'ADMIN');
    await stack.db.user.update({ where: { id: rep.user.id }, data: { salesHeadId: head.user.id } });

    const body = { userId: rep.user.id, month: '2026-11', targetCalls: 200, targetLeadsContacted: 80, targetConversions: 10, targetRevenue: '250000.00', notes: 'Festive push' };
    expect((await call(head.accessToken, 'POST', '/api/crm/targets', { ...body, month: '2026-13' })).status).toBe(400);
    expect((await call(head.accessToken, 'POST', '/api/crm/targets', { ...body, targetCalls: -1 })).status).toBe(400);
    expect((await call(otherHead.accessToken, 'POST', '/api/crm/targets', body)).status).toBe(403);
    expect((await call(rep.accessToken, 'POST', '/api/crm/targets', body)).status).toBe(403);
    expect((await call(admin.accessToken, 'POST', '/api/crm/targets', { ...body, userId: admin.user.id })).status).toBe(422);

    const created = await call(head.accessToken, 'POST', '/api/crm/targets', body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userId: rep.user.id, periodType: 'monthly', month: '2026-11', periodStart: '2026-11-01', periodEnd: '2026-11-30', targetRevenue: '250000.00' });
    expect((await call(admin.accessToken, 'POST', '/api/crm/targets', body)).status).toBe(409);
    const id = created.body.id as string;

    // The rollup's days: two in November count, October's and December's do not.
    await metric(rep.user.id, 'crm.calls_made', '2026-11-01', 30);
    await metric(rep.user.id, 'crm.calls_made', '2026-11-30', 20);
    await metric(rep.user.id, 'crm.calls_connected', '2026-11-15', 20);
    await metric(rep.user.id, 'crm.leads_converted', '2026-11-15', 3);
    await metric(rep.user.id, 'crm.calls_made', '2026-10-31', 99);
    await metric(rep.user.id, 'crm.calls_made', '2026-12-01', 99);

    const mine = await call(rep.accessToken, 'GET', `/api/crm/targets/${id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.progress).toMatchObject({
      calls: { target: 200, actual: 50, pct: 25 },
      leadsContacted: { target: 80, actual: 20, pct: 25 },
      conversions: { target: 10, actual: 3, pct: 30 },
      revenue: { target: '250000.00', actual: null },
    });
    expect(mine.body.progress.asOf).toEqual(expect.any(String));
    expect((await call(otherHead.accessToken, 'GET', `/api/crm/targets/${id}`)).status).toBe(404);
    expect((await call(rep.accessToken, 'GET', '/api/crm/targets')).body.items.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await call(head.accessToken, 'GET', `/api/crm/targets?month=2026-11&userId=${rep.user.id}`)).body.items.map((t: { id: string }) => t.id)).toEqual([id]);
    expect((await call(otherHead.accessToken, 'GET', `/api/crm/targets?userId=${rep.user.id}`)).body.items).toEqual([]);
    expect((await call(rep.accessToken, 'GET', '/api/crm/targets?month=nov')).status).toBe(400);

    // Only the head or an admin changes or deletes it.
    expect((await call(rep.accessToken, 'PATCH', `/api/crm/targets/${id}`, { targetCalls: 1 })).status).toBe(403);
    expect((await call(head.accessToken, 'PATCH', `/api/crm/targets/${id}`, {})).status).toBe(400);
    expect((await call(head.accessToken, 'PATCH', `/api/crm/targets/${id}`, { targetCalls: 100, targetRevenue: null })).body).toMatchObject({ targetCalls: 100, targetRevenue: null });
    expect((await call(admin.accessToken, 'GET', `/api/crm/targets/${id}`)).body.progress.calls).toEqual({ target: 100, actual: 50, pct: 50 });
    expect((await call(otherHead.accessToken, 'DELETE', `/api/crm/targets/${id}`)).status).toBe(404);
    expect((await call(rep.accessToken, 'DELETE', `/api/crm/targets/${id}`)).status).toBe(403);
    expect((await call(admin.accessToken, 'DELETE', `/api/crm/targets/${id}`)).status).toBe(204);
    expect((await call(rep.accessToken, 'GET', `/api/crm/targets/${id}`)).status).toBe(404);
  });
});
