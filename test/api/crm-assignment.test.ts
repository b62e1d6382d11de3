// Bulk lead assignment through the api: round robin over a team's active members (even, also
// under parallel requests), rules from system config, history and activity rows, and the
// visibility rule (a salesperson assigns only leads they can see, within the team they head).
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearerHeader, createUser, json } from '../support/auth.js';
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

type User = Awaited<ReturnType<typeof createUser>>;
interface Item {
  leadId: string;
  status: string;
  assignedTo: string | null;
  rule?: string;
  message?: string;
}
type BulkResult = { results: Item[]; summary: Record<string, number> };

const tag = () => randomUUID().slice(0, 8);
const call = (req: Request) => stack.app.request(req);
const bulk = (token: string, body: unknown) => call(json('POST', '/api/crm/leads/assign', body, bearerHeader(token)));

async function team(size: number, extra: { inactive?: number } = {}) {
  const head = await createUser(stack, 'SALES');
  const reps: User[] = [];
  for (let i = 0; i < size; i++) reps.push(await createUser(stack, 'SALES'));
  const inactive: User[] = [];
  for (let i = 0; i < (extra.inactive ?? 0); i++) inactive.push(await createUser(stack, 'SALES', { isActive: false }));
  const notSales = await createUser(stack, 'USER');
  await stack.db.user.updateMany({ where: { id: { in: [...reps, ...inactive, notSales].map((u) => u.user.id) } }, data: { salesHeadId: head.user.id } });
  return { head, reps, inactive };
}

/** Leads captured by an admin; `owner` makes a sales head their owner (so the head sees them). */
async function leads(n: number, fields: Record<string, unknown> = {}, owner?: string) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await call(json('POST', '/api/crm/leads', { name: `Lead ${tag()}`, phone: `9${randomInt(100_000_000, 999_999_999)}`, sourceType: 'manual', ...fields }, bearerHeader(admin.accessToken)));
    expect(res.status).toBe(201);
    ids.push(((await res.json()) as { id: string }).id);
  }
  if (owner) await stack.db.rawLead.updateMany({ where: { id: { in: ids } }, data: { owningSalesHeadId: owner } });
  return ids;
}

async function countsByAssignee(ids: string[]) {
  const rows = await stack.db.rawLead.groupBy({ by: ['assignedTo'], where: { id: { in: ids } }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.assignedTo ?? 'none', r._count]));
}

describe('POST /api/crm/leads/assign — round robin', () => {
  it('respects the team’s open-lead cap: members at maxOpenLeadsPerSalesperson are skipped, and leads nobody can take are refused', async () => {
    const { head, reps } = await team(2);
    await stack.db.salesHeadProfile.create({ data: { userId: head.user.id, maxOpenLeadsPerSalesperson: 1 } });
    const ids = await leads(3, {}, head.user.id);
    const body = (await (await bulk(head.accessToken, { strategy: 'round-robin', leadIds: ids })).json()) as BulkResult;
    expect(body.summary).toEqual({ assigned: 2, refused: 1 });
    expect(Object.values(await countsByAssignee(ids)).sort()).toEqual([1, 1, 1]);
    expect(new Set(body.results.filter((r) => r.status === 'assigned').map((r) => r.assignedTo))).toEqual(new Set(reps.map((r) => r.user.id)));
  });

  it('spreads a team’s leads evenly over its active SALES members only, with history and activity', async () => {
    const { head, reps, inactive } = await team(3, { inactive: 1 });
    const ids = await leads(9, {}, head.user.id);
    const res = await bulk(head.accessToken, { strategy: 'round-robin', leadIds: ids });
    expect(res.status).toBe(200);
    const body = (await res.json()) as BulkResult;
    expect(body.summary).toEqual({ assigned: 9 });
    expect(await countsByAssignee(ids)).toEqual(Object.fromEntries(reps.map((r) => [r.user.id, 3])));
    expect(body.results.map((r) => r.leadId)).toEqual(ids);
    expect(body.results.some((r) => r.assignedTo === inactive[0]!.user.id)).toBe(false);

    const history = await stack.db.leadAssignmentHistory.findMany({ where: { rawLeadId: { in: ids } } });
    expect(history).toHaveLength(9);
    expect(history.every((h) => h.method === 'round_robin' && h.assignedById === head.user.id && h.fromUserId === null)).toBe(true);
    const activity = await stack.db.leadActivityLog.count({ where: { rawLeadId: { in: ids }, activityType: 'assigned', performedBy: head.user.id } });
    expect(activity).toBe(9);
  });

  it('continues the rotation across requests and stays even under 20 parallel requests', async () => {
    const { head, reps } = await team(4);
    const ids = await leads(60, {}, head.user.id);
    // 20 requests at once, 3 leads each: one team lock serialises the pickers.
    const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => bulk(admin.accessToken, { strategy: 'round-robin', salesHeadId: head.user.id, leadIds: ids.slice(i * 3, i * 3 + 3) })));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await countsByAssignee(ids)).toEqual(Object.fromEntries(reps.map((r) => [r.user.id, 15])));

    // A newcomer goes next (never assigned), then the rotation carries on evenly.
    const newcomer = await createUser(stack, 'SALES');
    await stack.db.user.update({ where: { id: newcomer.user.id }, data: { salesHeadId: head.user.id } });
    const more = await leads(5, {}, head.user.id);
    const res = (await (await bulk(head.accessToken, { strategy: 'round-robin', leadIds: more })).json()) as BulkResult;
    expect(res.results[0]!.assignedTo).toBe(newcomer.user.id);
    expect(new Set(res.results.map((r) => r.assignedTo)).size).toBe(5);
  });

  it('needs a team with active members, and an admin must name it', async () => {
    const lonely = await createUser(stack, 'SALES');
    const ids = await leads(1, {}, lonely.user.id);
    expect((await bulk(lonely.accessToken, { strategy: 'round-robin', leadIds: ids })).status).toBe(422);
    expect((await bulk(admin.accessToken, { strategy: 'round-robin', leadIds: ids })).status).toBe(400);
  });
});

describe('POST /api/crm/leads/assign — rules', () => {
  it('routes each lead by the first matching rule in priority order', async () => {
    const { head, reps } = await team(2);
    const pune = await createUser(stack, 'SALES');
    const campaign = `spring-${tag()}`;
    const rules = [
      { name: 'campaign catch-all', priority: 20, match: { utmCampaign: [campaign] }, target: { kind: 'round-robin', salesHeadId: head.user.id } },
      { name: 'pune webinar', priority: 10, match: { utmCampaign: [campaign], city: ['pune'], sourceType: ['webinar'] }, target: { kind: 'user', userId: pune.user.id } },
    ];
    const put = await call(json('PUT', '/api/system-config/crm.assignmentRules', { value: rules }, bearerHeader(superadmin.accessToken)));
    expect(put.status).toBe(200);

    const [puneLead] = await leads(1, { city: 'Pune', sourceType: 'webinar', utmCampaign: campaign });
    const [puneManual] = await leads(1, { city: 'Pune', utmCampaign: campaign });
    const [mumbai] = await leads(1, { city: 'Mumbai', sourceType: 'webinar', utmCampaign: campaign });
    const [other] = await leads(1, { city: 'Pune', sourceType: 'webinar' });
    const res = await bulk(admin.accessToken, { strategy: 'rules', leadIds: [puneLead, puneManual, mumbai, other] });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as BulkResult;
    expect(results[0]).toMatchObject({ status: 'assigned', assignedTo: pune.user.id, rule: 'pune webinar' });
    expect(results[1]).toMatchObject({ status: 'assigned', rule: 'campaign catch-all' });
    expect(results[2]).toMatchObject({ status: 'assigned', rule: 'campaign catch-all' });
    expect(new Set([results[1]!.assignedTo, results[2]!.assignedTo])).toEqual(new Set(reps.map((r) => r.user.id)));
    expect(results[3]).toMatchObject({ status: 'unmatched', assignedTo: null });
    const history = await stack.db.leadAssignmentHistory.findFirstOrThrow({ where: { rawLeadId: puneLead } });
    expect(history).toMatchObject({ method: 'bulk', toUserId: pune.user.id, assignedById: admin.user.id, reason: 'pune webinar' });

    // A sales head may run the rules only into their own team: the other targets are refused per lead.
    const [again] = await leads(1, { city: 'Pune', sourceType: 'webinar', utmCampaign: campaign }, head.user.id);
    const byHead = (await (await bulk(head.accessToken, { strategy: 'rules', leadIds: [again] })).json()) as BulkResult;
    expect(byHead.results[0]).toMatchObject({ status: 'refused', rule: 'pune webinar', assignedTo: null });
  });

  it('rejects rules that do not fit the schema', async () => {
    const bad = [{ name: 'x', priority: 1, match: { colour: ['red'] }, target: { kind: 'user', userId: randomUUID() } }];
    const res = await call(json('PUT', '/api/system-config/crm.assignmentRules', { value: bad }, bearerHeader(superadmin.accessToken)));
    expect(res.status).toBe(400);
  });
});

describe('POST /api/crm/leads/assign — access', () => {
  it('lets a sales head touch only leads they can see, and assign only within their team; a rep not at all', async () => {
    const one = await team(2);
    const two = await team(1);
    const [a, a2] = one.reps as [User, User];
    const b = two.reps[0]!;
    const [theirs, mine] = await leads(2);
    await stack.db.rawLead.update({ where: { id: theirs! }, data: { assignedTo: b.user.id } });
    await stack.db.rawLead.update({ where: { id: mine! }, data: { assignedTo: a.user.id } });

    const res = (await (await bulk(one.head.accessToken, { strategy: 'manual', assignedTo: a.user.id, leadIds: [theirs, mine] })).json()) as BulkResult;
    expect(res.results).toEqual([
      { leadId: theirs, status: 'not_found', assignedTo: null, message: expect.any(String) },
      { leadId: mine, status: 'unchanged', assignedTo: a.user.id },
    ]);
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: theirs! } })).assignedTo).toBe(b.user.id);
    // Another team's member is not theirs to assign to; a rep assigns nothing, not even their own lead.
    expect((await bulk(one.head.accessToken, { strategy: 'manual', assignedTo: b.user.id, leadIds: [mine] })).status).toBe(403);
    expect((await bulk(a.accessToken, { strategy: 'manual', assignedTo: a2.user.id, leadIds: [mine] })).status).toBe(403);
    expect((await bulk(a.accessToken, { strategy: 'round-robin', salesHeadId: one.head.user.id, leadIds: [mine] })).status).toBe(403);
    // The head moves it within the team, and the history records the chain.
    const moved = (await (await bulk(one.head.accessToken, { strategy: 'manual', assignedTo: a2.user.id, leadIds: [mine], reason: 'rebalancing' })).json()) as BulkResult;
    expect(moved.results[0]).toMatchObject({ status: 'assigned', assignedTo: a2.user.id });
    const history = await stack.db.leadAssignmentHistory.findMany({ where: { rawLeadId: mine } });
    expect(history).toMatchObject([{ fromUserId: a.user.id, toUserId: a2.user.id, assignedById: one.head.user.id, method: 'bulk', reason: 'rebalancing' }]);
    const log = await stack.db.leadActivityLog.findFirstOrThrow({ where: { rawLeadId: mine, activityType: 'reassigned' } });
    expect(log.metadata).toMatchObject({ from: a.user.id, to: a2.user.id, method: 'bulk', reason: 'rebalancing' });
  });

  it('validates the body: strategy fields, at most 500 ids, active SALES assignees', async () => {
    const ids = await leads(1);
    expect((await bulk(admin.accessToken, { strategy: 'manual', leadIds: ids })).status).toBe(400);
    expect((await bulk(admin.accessToken, { strategy: 'manual', assignedTo: admin.user.id, leadIds: Array.from({ length: 501 }, () => randomUUID()) })).status).toBe(400);
    expect((await bulk(admin.accessToken, { strategy: 'teleport', leadIds: ids })).status).toBe(400);
    expect((await bulk(admin.accessToken, { strategy: 'manual', assignedTo: admin.user.id, leadIds: ids })).status).toBe(422);
    const student = await createUser(stack, 'USER');
    expect((await bulk(student.accessToken, { strategy: 'rules', leadIds: ids })).status).toBe(403);
  });
});

describe('POST /api/crm/leads/assign — all or nothing', () => {
  it('a write that fails on the 250th of 300 leads leaves every lead as it was; the retry assigns all 300', async () => {
    const { reps } = await team(2);
    const rows = Array.from({ length: 300 }, () => ({ name: `Bulk ${tag()}`, phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026', sourceType: 'manual' as const }));
    const ids = (await stack.db.rawLead.createManyAndReturn({ data: rows, select: { id: true } })).map((r) => r.id);
    const poisoned = ids[249]!;
    // The database refuses the history row of one lead, as a constraint or a lost connection would.
    const fn = `"mas_crm"."refuse_${tag()}"`;
    await stack.db.$executeRawUnsafe(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.raw_lead_id = '${poisoned}'::uuid THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    const trigger = `refuse_${tag()}`;
    await stack.db.$executeRawUnsafe(`CREATE TRIGGER "${trigger}" BEFORE INSERT ON "mas_crm"."lead_assignment_history" FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    try {
      const res = await bulk(admin.accessToken, { strategy: 'manual', assignedTo: reps[0]!.user.id, leadIds: ids });
      expect(res.status).toBe(500);
      expect(await countsByAssignee(ids)).toEqual({ none: 300 });
      expect(await stack.db.leadAssignmentHistory.count({ where: { rawLeadId: { in: ids } } })).toBe(0);
      expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: { in: ids } } })).toBe(0);
    } finally {
      await stack.db.$executeRawUnsafe(`DROP TRIGGER "${trigger}" ON "mas_crm"."lead_assignment_history"`);
      await stack.db.$executeRawUnsafe(`DROP FUNCTION ${fn}()`);
    }
    const retry = await bulk(admin.accessToken, { strategy: 'manual', assignedTo: reps[0]!.user.id, leadIds: ids });
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as BulkResult).summary).toEqual({ assigned: 300 });
    expect(await countsByAssignee(ids)).toEqual({ [reps[0]!.user.id]: 300 });
    expect(await stack.db.leadAssignmentHistory.count({ where: { rawLeadId: { in: ids }, toUserId: reps[0]!.user.id, method: 'bulk' } })).toBe(300);
    const lead = await stack.db.rawLead.findUniqueOrThrow({ where: { id: poisoned } });
    expect(Math.abs(lead.assignedAt!.getTime() - Date.now())).toBeLessThan(60_000); // stored in UTC like every other timestamp
  });

  it('a round robin over 500 leads in one batch: every lead once, spread evenly over the team', async () => {
    const { head, reps } = await team(4);
    const rows = Array.from({ length: 500 }, () => ({ name: `RR ${tag()}`, phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026', sourceType: 'manual' as const }));
    const ids = (await stack.db.rawLead.createManyAndReturn({ data: rows, select: { id: true } })).map((r) => r.id);
    const res = await bulk(admin.accessToken, { strategy: 'round-robin', salesHeadId: head.user.id, leadIds: ids });
    expect(res.status).toBe(200);
    expect(Object.values(await countsByAssignee(ids)).sort()).toEqual([125, 125, 125, 125]);
    expect(Object.keys(await countsByAssignee(ids)).sort()).toEqual(reps.map((r) => r.user.id).sort());
    expect(await stack.db.leadAssignmentHistory.count({ where: { rawLeadId: { in: ids }, method: 'round_robin' } })).toBe(500);
  });
});
