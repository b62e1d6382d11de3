// Lead-assignment approvals: a rep asks for leads of their team's pool; their sales head (or an
// admin) approves — the leads move to the rep with history rows (method approval) — or rejects.
// Parallel approvals apply once; another team's rep or head sees nothing (404).
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const BASE = '/api/crm/assignment-approvals';

async function team(size: number) {
  const head = await createUser(stack, 'SALES');
  const reps = [];
  for (let i = 0; i < size; i++) reps.push(await createUser(stack, 'SALES'));
  await stack.db.user.updateMany({ where: { id: { in: reps.map((r) => r.user.id) } }, data: { salesHeadId: head.user.id } });
  // These teams' claims wait for review (without it they apply at once: crm-sales-heads.test.ts).
  await stack.db.salesHeadProfile.create({ data: { userId: head.user.id, requiresAssignmentApproval: true } });
  return { head, reps };
}

async function lead(fields: { owningSalesHeadId?: string; assignedTo?: string } = {}) {
  return stack.db.rawLead.create({ data: { name: `Lead ${randomUUID().slice(0, 6)}`, phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026-27', sourceType: 'manual', ...fields } });
}

describe('lead-assignment approvals', () => {
  it('a rep requests pool leads; the head approves and the leads move with approval history; BOLA is 404', async () => {
    const { head, reps } = await team(2);
    const [rep, mate] = reps as [(typeof reps)[0], (typeof reps)[0]];
    const other = await team(1);
    const pooled = await lead({ owningSalesHeadId: head.user.id });
    const mates = await lead({ assignedTo: mate.user.id });
    const foreign = await lead({ owningSalesHeadId: other.head.user.id });

    expect((await call(rep.accessToken, 'POST', BASE, { leadIds: [] })).status).toBe(400);
    expect((await call(rep.accessToken, 'POST', BASE, { leadIds: ['nope'] })).status).toBe(400);
    const bad = await call(rep.accessToken, 'POST', BASE, { leadIds: [foreign.id] });
    expect(bad.status).toBe(404);
    expect(bad.body.code).toBe('NOT_FOUND');
    expect((await call(admin.accessToken, 'POST', BASE, { leadIds: [pooled.id] })).status).toBe(403);

    const req = await call(rep.accessToken, 'POST', BASE, { leadIds: [pooled.id, mates.id], reason: 'I spoke to both at the webinar' });
    expect(req.status).toBe(201);
    expect(req.body).toMatchObject({ requestedById: rep.user.id, status: 'pending', rawLeadIds: [pooled.id, mates.id] });
    expect((await call(rep.accessToken, 'POST', BASE, { leadIds: [mates.id] })).status).toBe(409);

    // Visibility: the rep and their head see it; another team's head and rep do not.
    const id = req.body.id as string;
    expect((await call(head.accessToken, 'GET', `${BASE}?status=pending`)).body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect((await call(rep.accessToken, 'GET', `${BASE}/${id}`)).status).toBe(200);
    expect((await call(other.head.accessToken, 'GET', `${BASE}/${id}`)).status).toBe(404);
    expect((await call(other.reps[0]!.accessToken, 'POST', `${BASE}/${id}/approve`, {})).status).toBe(404);
    expect((await call(other.head.accessToken, 'GET', BASE)).body.items.map((a: { id: string }) => a.id)).not.toContain(id);
    // The requester (and a teammate) may not approve; a bad note is 400.
    expect((await call(rep.accessToken, 'POST', `${BASE}/${id}/approve`, {})).status).toBe(403);
    expect((await call(head.accessToken, 'POST', `${BASE}/${id}/approve`, { note: 'x'.repeat(2000) })).status).toBe(400);

    const ok = await call(head.accessToken, 'POST', `${BASE}/${id}/approve`, { note: 'Fine' });
    expect(ok.status).toBe(200);
    expect(ok.body.approval).toMatchObject({ status: 'approved', reviewedById: head.user.id, reviewNote: 'Fine' });
    expect(ok.body.results).toEqual([
      { leadId: pooled.id, status: 'assigned' },
      { leadId: mates.id, status: 'assigned' },
    ]);
    const moved = await stack.db.rawLead.findMany({ where: { id: { in: [pooled.id, mates.id] } } });
    expect(moved.every((l) => l.assignedTo === rep.user.id)).toBe(true);
    const history = await stack.db.leadAssignmentHistory.findMany({ where: { approvalId: id }, orderBy: { rawLeadId: 'asc' } });
    expect(history).toHaveLength(2);
    expect(history.find((h) => h.rawLeadId === mates.id)).toMatchObject({ fromUserId: mate.user.id, toUserId: rep.user.id, assignedById: head.user.id, method: 'approval' });
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: mates.id, activityType: 'reassigned' } })).toBe(1);

    // Reviewed: approving or rejecting again is 409.
    expect((await call(head.accessToken, 'POST', `${BASE}/${id}/approve`, {})).status).toBe(409);
    expect((await call(admin.accessToken, 'POST', `${BASE}/${id}/reject`, {})).status).toBe(409);
  });

  it('reject and cancel leave the leads alone; only the requester cancels', async () => {
    const { head, reps } = await team(2);
    const l1 = await lead({ owningSalesHeadId: head.user.id });
    const l2 = await lead({ owningSalesHeadId: head.user.id });
    const r1 = await call(reps[0]!.accessToken, 'POST', BASE, { leadIds: [l1.id] });
    const rejected = await call(head.accessToken, 'POST', `${BASE}/${r1.body.id}/reject`, { note: 'Already promised to someone' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewNote: 'Already promised to someone' });
    const r2 = await call(reps[1]!.accessToken, 'POST', BASE, { leadIds: [l2.id] });
    expect((await call(reps[0]!.accessToken, 'POST', `${BASE}/${r2.body.id}/cancel`)).status).toBe(404); // a teammate does not see it
    expect((await call(head.accessToken, 'POST', `${BASE}/${r2.body.id}/cancel`)).status).toBe(403); // SALES only, and the head is not the requester
    expect((await call(reps[1]!.accessToken, 'POST', `${BASE}/${r2.body.id}/cancel`)).body.status).toBe('cancelled');
    expect((await call(head.accessToken, 'POST', `${BASE}/${r2.body.id}/approve`, {})).status).toBe(409);
    expect((await stack.db.rawLead.findMany({ where: { id: { in: [l1.id, l2.id] } } })).map((l) => l.assignedTo)).toEqual([null, null]);
    // A rep with no team cannot request.
    const loner = await createUser(stack, 'SALES');
    expect((await call(loner.accessToken, 'POST', BASE, { leadIds: [l1.id] })).status).toBe(422);
  });

  it('parallel approvals (head and admin at once) apply once: one 200, the rest 409, one history row', async () => {
    const { head, reps } = await team(1);
    const l = await lead({ owningSalesHeadId: head.user.id });
    const req = await call(reps[0]!.accessToken, 'POST', BASE, { leadIds: [l.id] });
    const id = req.body.id as string;
    const answers = await Promise.all([head, admin, head, admin, head].map((u) => call(u.accessToken, 'POST', `${BASE}/${id}/approve`, {})));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(await stack.db.leadAssignmentHistory.count({ where: { rawLeadId: l.id } })).toBe(1);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: l.id } })).assignedTo).toBe(reps[0]!.user.id);
  });

  it('parallel identical requests by one rep create one pending request', async () => {
    const { head, reps } = await team(1);
    const l = await lead({ owningSalesHeadId: head.user.id });
    const answers = await Promise.all(Array.from({ length: 4 }, () => call(reps[0]!.accessToken, 'POST', BASE, { leadIds: [l.id] })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409]);
  });
});
