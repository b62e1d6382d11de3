// Sales-head profiles: staff write them, the head reads their own (others 404), staff list them;
// and the CRM honours them: a claim waits for approval only when the profile requires it, an
// assignment over maxOpenLeadsPerSalesperson is refused (409 single, 'refused' in bulk, 409 for a
// claim), and assignment rules skip a team whose autoAssignEnabled is off.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
let superadmin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
  superadmin = await createUser(stack, 'SUPERADMIN');
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const profile = (userId: string) => `/api/crm/sales-heads/${userId}/profile`;

async function team(size: number) {
  const head = await createUser(stack, 'SALES');
  const reps = [];
  for (let i = 0; i < size; i++) reps.push(await createUser(stack, 'SALES'));
  await stack.db.user.updateMany({ where: { id: { in: reps.map((r) => r.user.id) } }, data: { salesHeadId: head.user.id } });
  return { head, reps };
}
async function lead(fields: { owningSalesHeadId?: string; assignedTo?: string; status?: 'converted' | 'new'; utmCampaign?: string } = {}) {
  return stack.db.rawLead.create({ data: { name: `Lead ${randomUUID().slice(0, 6)}`, phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026-27', sourceType: 'manual', ...fields } });
}

describe('sales-head profiles', () => {
  it('staff write, the head reads their own, others see nothing; bad input is 400/422', async () => {
    const { head, reps } = await team(2);
    const blank = await call(head.accessToken, 'GET', profile(head.user.id));
    expect(blank.status).toBe(200);
    expect(blank.body).toMatchObject({ id: null, autoAssignEnabled: true, requiresAssignmentApproval: false, maxOpenLeadsPerSalesperson: null, teamSize: 2 });

    const put = await call(admin.accessToken, 'PUT', profile(head.user.id), { teamName: 'North', region: 'Delhi NCR', requiresAssignmentApproval: true, maxOpenLeadsPerSalesperson: 50 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ userId: head.user.id, teamName: 'North', region: 'Delhi NCR', requiresAssignmentApproval: true, maxOpenLeadsPerSalesperson: 50, autoAssignEnabled: true, teamSize: 2 });
    const again = await call(superadmin.accessToken, 'PUT', profile(head.user.id), { maxOpenLeadsPerSalesperson: null, autoAssignEnabled: false });
    expect(again.body).toMatchObject({ id: put.body.id, teamName: 'North', maxOpenLeadsPerSalesperson: null, autoAssignEnabled: false });
    expect((await call(head.accessToken, 'GET', profile(head.user.id))).body).toMatchObject({ id: put.body.id, autoAssignEnabled: false });

    // BOLA and roles: a rep cannot read the head's profile (404) nor write (403); a USER is 403.
    expect((await call(reps[0]!.accessToken, 'GET', profile(head.user.id))).status).toBe(404);
    expect((await call(head.accessToken, 'PUT', profile(head.user.id), { teamName: 'Mine' })).status).toBe(403);
    const user = await createUser(stack, 'USER');
    expect((await call(user.accessToken, 'GET', profile(head.user.id))).status).toBe(403);
    // Not a SALES user: 404 to read, 422 to write; an unknown user 404.
    expect((await call(admin.accessToken, 'GET', profile(user.user.id))).status).toBe(404);
    expect((await call(admin.accessToken, 'PUT', profile(user.user.id), { teamName: 'x' })).status).toBe(422);
    expect((await call(admin.accessToken, 'PUT', profile(randomUUID()), { teamName: 'x' })).status).toBe(404);
    expect((await call(admin.accessToken, 'PUT', profile(head.user.id), { platform: 'no-such-platform' })).status).toBe(422);
    for (const body of [{ maxOpenLeadsPerSalesperson: 0 }, { maxOpenLeadsPerSalesperson: 1.5 }, { teamName: 'x'.repeat(121) }, { autoAssignEnabled: 'yes' }, { owner: 'me' }]) {
      const res = await call(admin.accessToken, 'PUT', profile(head.user.id), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await call(admin.accessToken, 'GET', '/api/crm/sales-heads/not-a-uuid/profile')).status).toBe(400);

    // The list: staff only, cursor pages.
    const other = await team(0);
    await call(admin.accessToken, 'PUT', profile(other.head.user.id), { teamName: 'South', isActive: false });
    expect((await call(head.accessToken, 'GET', '/api/crm/sales-heads')).status).toBe(403);
    const first = await call(admin.accessToken, 'GET', '/api/crm/sales-heads?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await call(admin.accessToken, 'GET', `/api/crm/sales-heads?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].userId).not.toBe(first.body.items[0].userId);
    const inactive = await call(admin.accessToken, 'GET', '/api/crm/sales-heads?isActive=false&limit=100');
    expect(inactive.body.items.map((p: { userId: string }) => p.userId)).toContain(other.head.user.id);
    expect(inactive.body.items.map((p: { userId: string }) => p.userId)).not.toContain(head.user.id);
  });

  it('a claim applies at once unless the head’s profile requires approval', async () => {
    const { head, reps } = await team(1);
    const rep = reps[0]!;
    const pooled = await lead({ owningSalesHeadId: head.user.id });
    const at = await call(rep.accessToken, 'POST', '/api/crm/assignment-approvals', { leadIds: [pooled.id], reason: 'Met them' });
    expect(at.status).toBe(201);
    expect(at.body).toMatchObject({ status: 'approved', reviewedById: null });
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: pooled.id } })).assignedTo).toBe(rep.user.id);
    expect(await stack.db.leadAssignmentHistory.findFirstOrThrow({ where: { approvalId: at.body.id } })).toMatchObject({ method: 'approval', toUserId: rep.user.id, assignedById: rep.user.id });

    await call(admin.accessToken, 'PUT', profile(head.user.id), { requiresAssignmentApproval: true });
    const next = await lead({ owningSalesHeadId: head.user.id });
    const waits = await call(rep.accessToken, 'POST', '/api/crm/assignment-approvals', { leadIds: [next.id] });
    expect(waits.body).toMatchObject({ status: 'pending' });
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: next.id } })).assignedTo).toBeNull();
  });

  it('refuses assignments over maxOpenLeadsPerSalesperson (closed leads do not count)', async () => {
    const { head, reps } = await team(2);
    const [rep, mate] = reps as [(typeof reps)[0], (typeof reps)[0]];
    await call(admin.accessToken, 'PUT', profile(head.user.id), { maxOpenLeadsPerSalesperson: 2 });
    await lead({ assignedTo: rep.user.id });
    await lead({ assignedTo: rep.user.id, status: 'converted' });
    const a = await lead({ owningSalesHeadId: head.user.id });
    const b = await lead({ owningSalesHeadId: head.user.id });
    expect((await call(head.accessToken, 'POST', `/api/crm/leads/${a.id}/assign`, { assignedTo: rep.user.id })).status).toBe(200);
    const over = await call(head.accessToken, 'POST', `/api/crm/leads/${b.id}/assign`, { assignedTo: rep.user.id });
    expect(over.status).toBe(409);
    expect(over.body.detail).toContain('maxOpenLeadsPerSalesperson');
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: b.id } })).assignedTo).toBeNull();
    // Re-assigning a lead already theirs is not a new lead.
    expect((await call(head.accessToken, 'POST', `/api/crm/leads/${a.id}/assign`, { assignedTo: rep.user.id })).status).toBe(200);

    // Bulk manual: the leads past the cap come back refused; the rest are written.
    const c = await lead({ owningSalesHeadId: head.user.id });
    const d = await lead({ owningSalesHeadId: head.user.id });
    const e = await lead({ owningSalesHeadId: head.user.id });
    const bulk = await call(head.accessToken, 'POST', '/api/crm/leads/assign', { strategy: 'manual', leadIds: [c.id, d.id, e.id], assignedTo: mate.user.id });
    expect(bulk.status).toBe(200);
    expect(bulk.body.results.map((r: { status: string }) => r.status)).toEqual(['assigned', 'assigned', 'refused']);
    expect(bulk.body.results[2].message).toContain('maxOpenLeadsPerSalesperson');

    // A claim that would go over: 409, nothing moves (the cap is checked for the whole request).
    const f = await lead({ owningSalesHeadId: head.user.id });
    const claim = await call(rep.accessToken, 'POST', '/api/crm/assignment-approvals', { leadIds: [b.id, f.id] });
    expect(claim.status).toBe(409);
    expect(await stack.db.leadAssignmentApproval.count({ where: { requestedById: rep.user.id } })).toBe(0);
    expect((await stack.db.rawLead.findMany({ where: { id: { in: [b.id, f.id] } } })).every((l) => l.assignedTo === null)).toBe(true);
    // Approval of a pending request is held to the cap too.
    await call(admin.accessToken, 'PUT', profile(head.user.id), { requiresAssignmentApproval: true });
    const pending = await call(rep.accessToken, 'POST', '/api/crm/assignment-approvals', { leadIds: [b.id] });
    expect(pending.body.status).toBe('pending');
    expect((await call(head.accessToken, 'POST', `/api/crm/assignment-approvals/${pending.body.id}/approve`, {})).status).toBe(409);
    expect((await stack.db.leadAssignmentApproval.findUniqueOrThrow({ where: { id: pending.body.id } })).status).toBe('pending');
    // Raising the cap lets it through.
    await call(admin.accessToken, 'PUT', profile(head.user.id), { maxOpenLeadsPerSalesperson: null });
    expect((await call(head.accessToken, 'POST', `/api/crm/assignment-approvals/${pending.body.id}/approve`, {})).status).toBe(200);
  });

  it('parallel assignments racing for the last slot under the cap: one 200, the rest 409', async () => {
    const { head, reps } = await team(1);
    await call(admin.accessToken, 'PUT', profile(head.user.id), { maxOpenLeadsPerSalesperson: 1 });
    const leads = await Promise.all([1, 2, 3, 4].map(() => lead({ owningSalesHeadId: head.user.id })));
    const res = await Promise.all(leads.map((l) => call(head.accessToken, 'POST', `/api/crm/leads/${l.id}/assign`, { assignedTo: reps[0]!.user.id })));
    expect(res.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await stack.db.rawLead.count({ where: { assignedTo: reps[0]!.user.id } })).toBe(1);
  });

  it('assignment rules skip a team whose autoAssignEnabled is off; an explicit round robin still runs', async () => {
    const { head, reps } = await team(1);
    const campaign = `auto-${randomUUID().slice(0, 8)}`;
    const rules = [{ name: 'to the team', priority: 1, match: { utmCampaign: [campaign] }, target: { kind: 'round-robin', salesHeadId: head.user.id } }];
    expect((await call(superadmin.accessToken, 'PUT', '/api/system-config/crm.assignmentRules', { value: rules })).status).toBe(200);
    const x = await lead({ utmCampaign: campaign });
    const on = await call(admin.accessToken, 'POST', '/api/crm/leads/assign', { strategy: 'rules', leadIds: [x.id] });
    expect(on.body.results[0]).toMatchObject({ status: 'assigned', assignedTo: reps[0]!.user.id });

    await call(admin.accessToken, 'PUT', profile(head.user.id), { autoAssignEnabled: false });
    const y = await lead({ utmCampaign: campaign });
    const off = await call(admin.accessToken, 'POST', '/api/crm/leads/assign', { strategy: 'rules', leadIds: [y.id] });
    expect(off.body.results[0]).toMatchObject({ status: 'refused', assignedTo: null, rule: 'to the team' });
    expect(off.body.results[0].message).toContain('autoAssignEnabled');
    const rr = await call(admin.accessToken, 'POST', '/api/crm/leads/assign', { strategy: 'round-robin', leadIds: [y.id], salesHeadId: head.user.id });
    expect(rr.body.results[0]).toMatchObject({ status: 'assigned', assignedTo: reps[0]!.user.id });
  });
});
