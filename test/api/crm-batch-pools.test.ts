// A batch's lead pool: admins add salespeople with weights and caps, then distribute the batch's
// unassigned open leads — shares follow weights, caps hold, history rows are written, and two
// parallel runs never hand the same lead twice. Salespeople cannot reach it.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { batchWithCourse } from '../support/fixtures.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);

async function batchLeads(batchId: string, n: number, extra: { status?: 'lost'; assignedTo?: string } = {}) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const l = await stack.db.rawLead.create({ data: { name: `Lead ${randomUUID().slice(0, 6)}`, phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026-27', sourceType: 'manual', batchId, ...extra } });
    ids.push(l.id);
  }
  return ids;
}

describe('batch lead pools', () => {
  it('admins keep the pool and distribute by weight within caps; reps are refused; bad input is 400/422', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const a = await createUser(stack, 'SALES');
    const b = await createUser(stack, 'SALES');
    const c = await createUser(stack, 'SALES');
    const student = await createUser(stack, 'USER');
    const { batch } = await batchWithCourse(stack.db, 5, 'BLA');
    const pool = `/api/crm/batches/${batch.id}/lead-pool`;

    expect((await call(a.accessToken, 'GET', pool)).status).toBe(403);
    expect((await call(a.accessToken, 'PUT', `${pool}/${a.user.id}`, {})).status).toBe(403);
    expect((await call(admin.accessToken, 'PUT', `${pool}/${student.user.id}`, {})).status).toBe(422);
    expect((await call(admin.accessToken, 'PUT', `${pool}/${a.user.id}`, { weight: 0 })).status).toBe(400);
    expect((await call(admin.accessToken, 'PUT', `/api/crm/batches/${randomUUID()}/lead-pool/${a.user.id}`, {})).status).toBe(404);
    expect((await call(admin.accessToken, 'POST', `${pool}/distribute`, {})).status).toBe(422); // empty pool

    expect((await call(admin.accessToken, 'PUT', `${pool}/${a.user.id}`, { weight: 2 })).body).toMatchObject({ userId: a.user.id, weight: 2, dailyCap: null, isActive: true });
    await call(admin.accessToken, 'PUT', `${pool}/${b.user.id}`, { weight: 1 });
    await call(admin.accessToken, 'PUT', `${pool}/${c.user.id}`, { weight: 5, dailyCap: 1 });
    expect((await call(admin.accessToken, 'GET', pool)).body.items.map((m: { userId: string }) => m.userId)).toEqual([a.user.id, b.user.id, c.user.id]);

    const ids = await batchLeads(batch.id, 7);
    const lost = await batchLeads(batch.id, 1, { status: 'lost' });
    const taken = await batchLeads(batch.id, 1, { assignedTo: b.user.id });
    expect((await call(admin.accessToken, 'POST', `${pool}/distribute`, { limit: 0 })).status).toBe(400);
    const res = await call(admin.accessToken, 'POST', `${pool}/distribute`, { reason: 'Monday intake' });
    expect(res.status).toBe(200);
    expect(res.body.remaining).toBe(0);
    const got = (id: string) => res.body.assigned.filter((x: { userId: string }) => x.userId === id).length;
    // c is capped at 1; the other six split 2:1.
    expect([got(a.user.id), got(b.user.id), got(c.user.id)]).toEqual([4, 2, 1]);
    expect(new Set(res.body.assigned.map((x: { leadId: string }) => x.leadId))).toEqual(new Set(ids));
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: lost[0]! } })).assignedTo).toBeNull();
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: taken[0]! } })).assignedTo).toBe(b.user.id);
    expect(await stack.db.leadAssignmentHistory.count({ where: { rawLeadId: { in: ids }, method: 'bulk', assignedById: admin.user.id, reason: 'Monday intake' } })).toBe(7);

    // c is at its cap for today: new leads go to a and b only; a deactivated member is skipped.
    await call(admin.accessToken, 'PUT', `${pool}/${b.user.id}`, { isActive: false });
    const more = await batchLeads(batch.id, 2);
    const again = await call(admin.accessToken, 'POST', `${pool}/distribute`, {});
    expect(again.body.assigned).toEqual(more.map((leadId) => ({ leadId, userId: a.user.id })));

    expect((await call(admin.accessToken, 'DELETE', `${pool}/${b.user.id}`)).status).toBe(204);
    expect((await call(admin.accessToken, 'DELETE', `${pool}/${b.user.id}`)).status).toBe(404);
  });

  it('two parallel distributions hand every lead out once', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const reps = [await createUser(stack, 'SALES'), await createUser(stack, 'SALES')];
    const { batch } = await batchWithCourse(stack.db, 5, 'BLP');
    const pool = `/api/crm/batches/${batch.id}/lead-pool`;
    for (const r of reps) await call(admin.accessToken, 'PUT', `${pool}/${r.user.id}`, {});
    const ids = await batchLeads(batch.id, 6);
    const [x, y] = await Promise.all([call(admin.accessToken, 'POST', `${pool}/distribute`, { limit: 4 }), call(admin.accessToken, 'POST', `${pool}/distribute`, { limit: 4 })]);
    expect([x.status, y.status]).toEqual([200, 200]);
    const handed = [...x.body.assigned, ...y.body.assigned].map((a: { leadId: string }) => a.leadId);
    expect(handed.sort()).toEqual([...ids].sort());
    expect(await stack.db.leadAssignmentHistory.count({ where: { rawLeadId: { in: ids } } })).toBe(6);
  });
});
