// Legacy leads: admins list them and migrate one into a raw lead through the lead capture —
// twice, or in parallel, answers the same raw lead. Campaign leads: captured through the lead
// capture with their attribution, idempotent on (channel, externalLeadId), also in parallel.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const call = (...args: Parameters<ReturnType<typeof apiCaller>>) => apiCaller(stack)(...args);
const phone10 = () => `9${randomInt(100_000_000, 999_999_999)}`;

describe('legacy leads', () => {
  it('admins list and migrate; a repeat answers the same raw lead; reps are refused', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const rep = await createUser(stack, 'SALES');
    const owner = await createUser(stack, 'USER');
    const num = phone10();
    const legacy = await stack.db.lead.create({ data: { userId: owner.user.id, name: 'Old Lead', phone: num, source: 'walk-in', notes: 'Met at the fair', assignedTo: rep.user.id } });

    expect((await call(rep.accessToken, 'GET', '/api/admin/legacy-leads')).status).toBe(403);
    expect((await call(rep.accessToken, 'POST', `/api/admin/legacy-leads/${legacy.id}/migrate`)).status).toBe(403);
    const list = await call(admin.accessToken, 'GET', `/api/admin/legacy-leads?userId=${owner.user.id}`);
    expect(list.body.items).toEqual([expect.objectContaining({ id: legacy.id, name: 'Old Lead', status: 'ACTIVE', source: 'walk-in' })]);
    expect((await call(admin.accessToken, 'GET', '/api/admin/legacy-leads?status=GONE')).status).toBe(400);

    const first = await call(admin.accessToken, 'POST', `/api/admin/legacy-leads/${legacy.id}/migrate`);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ legacyLeadId: legacy.id, migrated: true, merged: false });
    const raw = await stack.db.rawLead.findUniqueOrThrow({ where: { id: first.body.rawLeadId as string } });
    expect(raw).toMatchObject({ name: 'Old Lead', phone: `+91${num}`, sourceType: 'import', sourceDetail: 'legacy: walk-in' });
    expect(raw.extraData).toMatchObject({ legacyLeadId: legacy.id, legacyNotes: 'Met at the fair' });
    const again = await call(admin.accessToken, 'POST', `/api/admin/legacy-leads/${legacy.id}/migrate`);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rawLeadId: raw.id, migrated: false });
    expect((await call(admin.accessToken, 'POST', `/api/admin/legacy-leads/${randomUUID()}/migrate`)).status).toBe(404);
    expect((await call(admin.accessToken, 'POST', '/api/admin/legacy-leads/nope/migrate')).status).toBe(400);
  });

  it('the legacy assignee carries over when it is an active salesperson; otherwise the raw lead stays unassigned; a merge keeps the current assignee', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const [rep, otherRep, inactiveRep, notSales, owner] = await Promise.all([createUser(stack, 'SALES'), createUser(stack, 'SALES'), createUser(stack, 'SALES'), createUser(stack, 'ADMIN'), createUser(stack, 'USER')]);
    await stack.db.user.update({ where: { id: inactiveRep.user.id }, data: { isActive: false } });
    const migrate = async (assignedTo: string | null, num = phone10()) => {
      // Each its own owner: the capture also matches on the owner's email.
      const legacy = await stack.db.lead.create({ data: { userId: (await createUser(stack, 'USER')).user.id, name: 'Assigned Lead', phone: num, assignedTo } });
      const res = await call(admin.accessToken, 'POST', `/api/admin/legacy-leads/${legacy.id}/migrate`);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return stack.db.rawLead.findUniqueOrThrow({ where: { id: res.body.rawLeadId as string }, include: { assignmentHistory: true } });
    };
    const kept = await migrate(rep.user.id);
    expect(kept.assignedTo).toBe(rep.user.id);
    expect(kept.assignedAt).not.toBeNull();
    expect(kept.assignmentHistory.map((h) => [h.fromUserId, h.toUserId, h.method, h.assignedById])).toEqual([[null, rep.user.id, 'import', admin.user.id]]);
    for (const who of [inactiveRep.user.id, notSales.user.id, null]) {
      const raw = await migrate(who);
      expect(raw.assignedTo, JSON.stringify({ who, inactive: inactiveRep.user.id, notSales: notSales.user.id, hist: raw.assignmentHistory })).toBeNull();
      expect(raw.assignmentHistory).toEqual([]);
    }
    // A rep at their team's open-lead cap does not get it: it stays unassigned.
    const head = await createUser(stack, 'SALES');
    await stack.db.salesHeadProfile.create({ data: { userId: head.user.id, maxOpenLeadsPerSalesperson: 1 } });
    const capped = await createUser(stack, 'SALES');
    await stack.db.user.update({ where: { id: capped.user.id }, data: { salesHeadId: head.user.id } });
    expect((await migrate(capped.user.id)).assignedTo).toBe(capped.user.id);
    expect((await migrate(capped.user.id)).assignedTo).toBeNull();
    // A legacy lead whose assignee was deleted (assignedTo set null by the FK) migrates unassigned too.
    const gone = await createUser(stack, 'SALES');
    const num = phone10();
    const legacy = await stack.db.lead.create({ data: { userId: owner.user.id, name: 'Orphan', phone: num, assignedTo: gone.user.id } });
    await stack.db.user.delete({ where: { id: gone.user.id } });
    const orphan = await call(admin.accessToken, 'POST', `/api/admin/legacy-leads/${legacy.id}/migrate`);
    expect(orphan.status).toBe(201);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: orphan.body.rawLeadId as string } })).assignedTo).toBeNull();
    // Merging into a raw lead another rep already works keeps that rep.
    const existingPhone = phone10();
    const first = await migrate(otherRep.user.id, existingPhone);
    const merged = await migrate(rep.user.id, existingPhone);
    expect(merged.id).toBe(first.id);
    expect(merged.assignedTo).toBe(otherRep.user.id);
    expect(merged.assignmentHistory.map((h) => h.toUserId)).toEqual([otherRep.user.id]);
  });

  it('parallel migrations of one legacy lead make one raw lead', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const owner = await createUser(stack, 'USER');
    const legacy = await stack.db.lead.create({ data: { userId: owner.user.id, name: 'Racy', email: `racy-${randomUUID().slice(0, 6)}@Example.test` } });
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(admin.accessToken, 'POST', `/api/admin/legacy-leads/${legacy.id}/migrate`)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.rawLeadId)).size).toBe(1);
    expect(await stack.db.rawLead.count({ where: { email: legacy.email!.toLowerCase() } })).toBe(1);
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: answers[0]!.body.rawLeadId as string, description: 'Migrated from a legacy lead' } })).toBe(1);
  });
});

describe('campaign leads', () => {
  it('capture creates the raw lead (source campaign) and the attribution; a re-delivery answers the first; parallel ones too', async () => {
    const admin = await createUser(stack, 'ADMIN');
    const rep = await createUser(stack, 'SALES');
    const ext = `lg-${randomUUID()}`;
    const body = { name: 'Ad Lead', phone: phone10(), channel: 'facebook', campaignName: 'Winter MAS101', adId: 'ad-9', formId: 'form-1', externalLeadId: ext };
    expect((await call(rep.accessToken, 'POST', '/api/crm/campaign-leads', { ...body, phone: undefined })).status).toBe(400);
    expect((await call(rep.accessToken, 'POST', '/api/crm/campaign-leads', { ...body, channel: 'x' })).status).toBe(400);

    const answers = await Promise.all(Array.from({ length: 4 }, () => call(rep.accessToken, 'POST', '/api/crm/campaign-leads', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 201]);
    const ids = new Set(answers.map((a) => a.body.campaignLead.id));
    expect(ids.size).toBe(1);
    const created = answers.find((a) => a.status === 201)!.body.campaignLead;
    expect(created).toMatchObject({ channel: 'facebook', campaignName: 'Winter MAS101', externalLeadId: ext, phone: `+91${body.phone}` });
    const raw = await stack.db.rawLead.findUniqueOrThrow({ where: { id: created.rawLeadId } });
    expect(raw).toMatchObject({ sourceType: 'campaign', sourceDetail: 'Winter MAS101', utmCampaign: 'Winter MAS101' });

    // Another campaign's capture of the same person merges into that raw lead and keeps its own row.
    const second = await call(rep.accessToken, 'POST', '/api/crm/campaign-leads', { ...body, channel: 'google', externalLeadId: 'g-1' });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ merged: true, campaignLead: { rawLeadId: raw.id, channel: 'google' } });

    expect((await call(rep.accessToken, 'GET', '/api/crm/campaign-leads')).status).toBe(403);
    const list = await call(admin.accessToken, 'GET', `/api/crm/campaign-leads?rawLeadId=${raw.id}`);
    expect(list.body.items.map((c: { channel: string }) => c.channel)).toEqual(['google', 'facebook']);
  });
});
