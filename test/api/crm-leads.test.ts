// Journey 5 through the api: lead capture with phone/email dedupe (merge, never a second lead,
// also under concurrency), visibility per salesperson / sales head / admin, and assignment
// with its history.
import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLead } from '../../services/crm/lead-capture.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

type Lead = { id: string; name: string; phone: string | null; email: string | null; city: string | null; college: string | null; assignedTo: string | null; sessionYear: string; status: string };
type Capture = { id: string; merged: boolean; lead: Lead | null };
type Problem = { status: number; code: string; errors?: { path: string; message: string }[] };

const mobile = () => `9${randomInt(100_000_000, 999_999_999)}`;
const tag = () => randomUUID().slice(0, 8);
const call = (req: Request) => stack.app.request(req);
const capture = (token: string, body: unknown, headers: Record<string, string> = {}) => call(json('POST', '/api/crm/leads', body, { ...bearerHeader(token), ...headers }));
const get = (token: string, path: string) => call(json('GET', path, undefined, bearerHeader(token)));
const assign = (token: string, leadId: string, assignedTo: string) => call(json('POST', `/api/crm/leads/${leadId}/assign`, { assignedTo }, bearerHeader(token)));

async function salesTeam() {
  const head = await createUser(stack, 'SALES');
  const rep = await createUser(stack, 'SALES');
  await stack.db.user.update({ where: { id: rep.user.id }, data: { salesHeadId: head.user.id } });
  return { head, rep };
}

async function newLead(name: string, extra: Record<string, unknown> = {}) {
  const res = await capture(admin.accessToken, { name, phone: mobile(), sourceType: 'manual', ...extra });
  expect(res.status).toBe(201);
  return ((await res.json()) as Capture).lead!;
}

async function listIds(token: string, qs: string) {
  const res = await get(token, `/api/crm/leads?${qs}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: Lead[] }).items.map((l) => l.id).sort();
}

describe('POST /api/crm/leads', () => {
  it('creates a lead with a normalised phone and email, and logs a created activity', async () => {
    const sales = await createUser(stack, 'SALES');
    const phone = mobile();
    const res = await capture(sales.accessToken, { name: 'Riya Sharma', phone: `${phone.slice(0, 5)} ${phone.slice(5)}`, email: `Riya.${tag()}@Example.COM`, city: 'Pune', sourceType: 'webinar' });
    expect(res.status).toBe(201);
    const { merged, lead } = (await res.json()) as Capture;
    expect(merged).toBe(false);
    expect(lead).toMatchObject({ name: 'Riya Sharma', phone: `+91${phone}`, city: 'Pune', sourceType: 'webinar', status: 'new', sessionYear: String(new Date().getUTCFullYear()) });
    expect(lead!.email).toBe(lead!.email!.toLowerCase());
    const log = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: lead!.id } });
    expect(log).toMatchObject([{ activityType: 'created', performedBy: sales.user.id }]);
  });

  it('merges a repeat of the phone, however it is written: fills empty fields, keeps the rest, answers 200', async () => {
    const phone = mobile();
    const first = (await (await capture(admin.accessToken, { name: 'Arjun', phone, city: 'Pune', sourceType: 'manual', extraData: { course: 'SQL' } })).json()) as Capture;
    const res = await capture(admin.accessToken, { name: 'Arjun K', phone: `+91-${phone}`, city: 'Mumbai', college: 'COEP', sessionYear: '2027', sourceType: 'website', extraData: { course: 'Python', intake: 'May' } });
    expect(res.status).toBe(200);
    const second = (await res.json()) as Capture;
    expect(second).toMatchObject({ id: first.id, merged: true });
    expect(second.lead).toMatchObject({ name: 'Arjun', city: 'Pune', college: 'COEP', sourceType: 'manual', extraData: { course: 'SQL', intake: 'May' } });
    expect(await stack.db.rawLead.count({ where: { phone: `+91${phone}` } })).toBe(1);
    const log = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: first.id }, orderBy: { createdAt: 'asc' } });
    expect(log.map((l) => l.activityType)).toEqual(['created', 'updated']);
    expect(log[1]!.metadata).toMatchObject({ merged: true, matchedBy: 'phone', filled: ['college', 'extraData.intake'], sessionYear: '2027' });
  });

  it('merges on the email whatever its case, and gives the lead the phone it lacked', async () => {
    const email = `lead-${tag()}@crm.test`;
    const first = (await (await capture(admin.accessToken, { name: 'Meera', email, sourceType: 'campaign' })).json()) as Capture;
    const phone = mobile();
    const res = await capture(admin.accessToken, { name: 'Meera', email: email.toUpperCase(), phone, sourceType: 'campaign' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Capture).lead).toMatchObject({ id: first.id, email, phone: `+91${phone}` });
  });

  it('keeps leads of different platforms apart', async () => {
    const phone = mobile();
    const a = await capture(admin.accessToken, { name: 'Tenant A', phone, sourceType: 'manual' }, { 'x-platform': 'mr-mentor' });
    const b = await capture(admin.accessToken, { name: 'Tenant B', phone, sourceType: 'manual' }, { 'x-platform': 'my-analytics-school' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await stack.db.rawLead.count({ where: { phone: `+91${phone}` } })).toBe(2);
  });

  it('turns 10 concurrent identical captures into one lead: one 201, nine merges', async () => {
    const phone = mobile();
    const email = `race-${tag()}@crm.test`;
    const results = await Promise.all(Array.from({ length: 10 }, () => capture(admin.accessToken, { name: 'Race', phone, email, sourceType: 'vendor' })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    const ids = new Set(await Promise.all(results.map(async (r) => ((await r.json()) as Capture).id)));
    expect(ids.size).toBe(1);
    const leads = await stack.db.rawLead.findMany({ where: { OR: [{ phone: `+91${phone}` }, { email }] } });
    expect(leads).toHaveLength(1);
    const log = await stack.db.leadActivityLog.groupBy({ by: ['activityType'], where: { rawLeadId: leads[0]!.id }, _count: true });
    expect(Object.fromEntries(log.map((g) => [g.activityType, g._count]))).toEqual({ created: 1, updated: 9 });
  });

  it('stays race-free when 10 captures hit the database at the same instant (losers retry as merges)', async () => {
    // Over HTTP the requests above arrive a few ms apart; here all ten transactions overlap.
    const phone = `+91${mobile()}`;
    const email = `overlap-${tag()}@crm.test`;
    const input = { platform: 'my-analytics-school', name: 'Overlap', phone, email, sessionYear: '2026', sourceType: 'import' as const, fields: { city: 'Delhi' }, performedBy: null };
    const results = await Promise.all(Array.from({ length: 10 }, () => captureLead(stack.db, input)));
    expect(new Set(results.map((r) => r.lead.id)).size).toBe(1);
    expect(results.filter((r) => !r.merged)).toHaveLength(1);
    expect(await stack.db.rawLead.count({ where: { OR: [{ phone }, { email }] } })).toBe(1);
    expect(await stack.db.leadActivityLog.count({ where: { rawLeadId: results[0]!.lead.id } })).toBe(10);
  });

  it('answers 400 with field paths for bad bodies', async () => {
    const cases: [unknown, string][] = [
      [{ name: 'No contact', sourceType: 'manual' }, 'json.phone'],
      [{ name: 'Bad phone', phone: '12345', sourceType: 'manual' }, 'json.phone'],
      [{ name: 'Bad email', email: 'not-an-email', sourceType: 'manual' }, 'json.email'],
      [{ name: 'Bad source', phone: mobile(), sourceType: 'carrier-pigeon' }, 'json.sourceType'],
      [{ phone: mobile(), sourceType: 'manual' }, 'json.name'],
      [{ name: 'Bad year', phone: mobile(), sourceType: 'manual', sessionYear: 'next year' }, 'json.sessionYear'],
    ];
    for (const [body, path] of cases) {
      const res = await capture(admin.accessToken, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
      expect(((await res.json()) as Problem).errors?.map((e) => e.path)).toContain(path);
    }
  });
});

describe('lead visibility', () => {
  it('shows a salesperson their leads, a sales head their team’s and owned leads, an admin all; others get 404', async () => {
    const t = tag();
    const { head, rep } = await salesTeam();
    const outsider = await createUser(stack, 'SALES');
    const repLead = await newLead(`Vis ${t} rep`);
    const ownedLead = await newLead(`Vis ${t} owned`);
    const outsiderLead = await newLead(`Vis ${t} outsider`);
    expect((await assign(admin.accessToken, repLead.id, rep.user.id)).status).toBe(200);
    expect((await assign(admin.accessToken, outsiderLead.id, outsider.user.id)).status).toBe(200);
    await stack.db.rawLead.update({ where: { id: ownedLead.id }, data: { owningSalesHeadId: head.user.id } });

    expect(await listIds(rep.accessToken, `q=Vis ${t}`)).toEqual([repLead.id]);
    expect(await listIds(head.accessToken, `q=Vis ${t}`)).toEqual([repLead.id, ownedLead.id].sort());
    expect(await listIds(outsider.accessToken, `q=Vis ${t}`)).toEqual([outsiderLead.id]);
    expect(await listIds(admin.accessToken, `q=Vis ${t}`)).toEqual([repLead.id, ownedLead.id, outsiderLead.id].sort());

    expect((await get(rep.accessToken, `/api/crm/leads/${repLead.id}`)).status).toBe(200);
    expect((await get(head.accessToken, `/api/crm/leads/${repLead.id}`)).status).toBe(200);
    expect((await get(head.accessToken, `/api/crm/leads/${ownedLead.id}`)).status).toBe(200);
    const hidden = await get(outsider.accessToken, `/api/crm/leads/${repLead.id}`);
    expect(hidden.status).toBe(404);
    expect(hidden.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await get(rep.accessToken, `/api/crm/leads/${outsiderLead.id}`)).status).toBe(404);
    expect((await get(admin.accessToken, `/api/crm/leads/${outsiderLead.id}`)).status).toBe(200);
  });

  it('tells a salesperson a capture merged into a lead they cannot see, without showing it', async () => {
    const owner = await createUser(stack, 'SALES');
    const other = await createUser(stack, 'SALES');
    const lead = await newLead('Hidden merge');
    await assign(admin.accessToken, lead.id, owner.user.id);
    const res = await capture(other.accessToken, { name: 'Probe', phone: lead.phone, sourceType: 'manual' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: lead.id, merged: true, lead: null });
  });
});

describe('GET /api/crm/leads filters', () => {
  it('filters by status, source, assignee and creation time, and pages with a cursor', async () => {
    const t = tag();
    const rep = await createUser(stack, 'SALES');
    const from = new Date();
    const leads = [];
    for (let i = 0; i < 5; i++) leads.push(await newLead(`Filter ${t} ${i}`, { sourceType: i % 2 ? 'import' : 'manual' }));
    await stack.db.rawLead.update({ where: { id: leads[0]!.id }, data: { status: 'contacted' } });
    await assign(admin.accessToken, leads[1]!.id, rep.user.id);
    const q = `q=Filter ${t}`;
    expect(await listIds(admin.accessToken, `${q}&status=contacted`)).toEqual([leads[0]!.id]);
    expect(await listIds(admin.accessToken, `${q}&sourceType=import`)).toEqual([leads[1]!.id, leads[3]!.id].sort());
    expect(await listIds(admin.accessToken, `${q}&assignedTo=${rep.user.id}`)).toEqual([leads[1]!.id]);
    expect(await listIds(admin.accessToken, `${q}&createdFrom=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).toEqual([]);
    expect(await listIds(admin.accessToken, `${q}&createdFrom=${encodeURIComponent(from.toISOString())}&createdTo=${encodeURIComponent(new Date().toISOString())}`)).toHaveLength(5);
    expect(await listIds(admin.accessToken, `q=${encodeURIComponent(leads[2]!.phone!.slice(3))}`)).toEqual([leads[2]!.id]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await get(admin.accessToken, `/api/crm/leads?${q}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await res.json()) as { items: Lead[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((l) => l.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `Filter ${t} ${i}`));
    expect((await get(admin.accessToken, '/api/crm/leads?status=nope')).status).toBe(400);
  });
});

describe('POST /api/crm/leads/:id/assign', () => {
  it('lets a sales head assign and reassign within the team, recording history and activity', async () => {
    const { head, rep } = await salesTeam();
    const rep2 = await createUser(stack, 'SALES');
    await stack.db.user.update({ where: { id: rep2.user.id }, data: { salesHeadId: head.user.id } });
    const lead = await newLead('Assign me');
    await stack.db.rawLead.update({ where: { id: lead.id }, data: { owningSalesHeadId: head.user.id } });

    const first = await assign(head.accessToken, lead.id, rep.user.id);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ id: lead.id, assignedTo: rep.user.id });
    expect((await assign(head.accessToken, lead.id, rep2.user.id)).status).toBe(200);
    expect((await assign(head.accessToken, lead.id, rep2.user.id)).status).toBe(200); // already theirs: no new history

    const stored = await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(stored.assignedTo).toBe(rep2.user.id);
    expect(stored.assignedAt).toBeInstanceOf(Date);
    const history = await stack.db.leadAssignmentHistory.findMany({ where: { rawLeadId: lead.id }, orderBy: { createdAt: 'asc' } });
    expect(history).toMatchObject([
      { fromUserId: null, toUserId: rep.user.id, assignedById: head.user.id, method: 'manual' },
      { fromUserId: rep.user.id, toUserId: rep2.user.id, assignedById: head.user.id },
    ]);
    const log = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: lead.id, activityType: { in: ['assigned', 'reassigned'] } }, orderBy: { createdAt: 'asc' } });
    expect(log.map((l) => l.activityType)).toEqual(['assigned', 'reassigned']);
  });

  it('refuses other teams (403), non-SALES or inactive assignees (422), and invisible leads (404)', async () => {
    const { head } = await salesTeam();
    const { rep: otherRep } = await salesTeam();
    const lead = await newLead('Refusals');
    await stack.db.rawLead.update({ where: { id: lead.id }, data: { owningSalesHeadId: head.user.id } });
    expect((await assign(head.accessToken, lead.id, otherRep.user.id)).status).toBe(403);

    const user = await createUser(stack, 'USER');
    const inactive = await createUser(stack, 'SALES', { isActive: false });
    for (const target of [user.user.id, inactive.user.id, randomUUID()]) {
      const res = await assign(admin.accessToken, lead.id, target);
      expect(res.status).toBe(422);
      expect(((await res.json()) as Problem).errors?.[0]?.path).toBe('json.assignedTo');
    }
    expect((await assign(otherRep.accessToken, lead.id, otherRep.user.id)).status).toBe(404);
    expect((await assign(admin.accessToken, randomUUID(), otherRep.user.id)).status).toBe(404);
    expect(await stack.db.leadAssignmentHistory.count({ where: { rawLeadId: lead.id } })).toBe(0);
  });
});

describe('PATCH /api/crm/leads/:id — the lead lifecycle', () => {
  const patch = (leadId: string, body: unknown) => call(json('PATCH', `/api/crm/leads/${leadId}`, body, bearerHeader(admin.accessToken)));
  const trail = async (leadId: string) => ({
    activity: await stack.db.leadActivityLog.count({ where: { rawLeadId: leadId, activityType: { in: ['status_changed', 'updated'] } } }),
    outbox: await stack.db.crmTriggerEvent.count({ where: { leadId, type: 'LEAD_STATUS_CHANGED' } }),
  });

  it('refuses a status change the lifecycle does not allow with 409 ILLEGAL_TRANSITION, writing nothing', async () => {
    const lead = await newLead(`Lifecycle ${tag()}`);
    expect((await patch(lead.id, { status: 'converted', note: 'paid' })).status).toBe(200);
    const before = await trail(lead.id);
    expect(before).toEqual({ activity: 1, outbox: 1 });
    // A change of city riding along is refused with it: one transaction.
    const res = await patch(lead.id, { status: 'contacted', city: 'Nagpur' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as Problem).code).toBe('ILLEGAL_TRANSITION');
    expect(await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead.id } })).toMatchObject({ status: 'converted', city: null });
    expect(await trail(lead.id)).toEqual(before);
    expect((await patch(lead.id, { status: 'new' })).status).toBe(409);
    // Details may still change; setting the same status again is not a transition.
    expect((await patch(lead.id, { status: 'converted', city: 'Nagpur' })).status).toBe(200);
  });

  it('two racing final statuses: one wins, the other is refused against the winner', async () => {
    const lead = await newLead(`Race ${tag()}`);
    expect((await patch(lead.id, { status: 'contacted' })).status).toBe(200);
    const [a, b] = await Promise.all([patch(lead.id, { status: 'converted' }), patch(lead.id, { status: 'invalid' })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? 'converted' : 'invalid';
    expect((await stack.db.rawLead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe(winner);
    const changes = await stack.db.leadActivityLog.findMany({ where: { rawLeadId: lead.id, activityType: 'status_changed' }, orderBy: { createdAt: 'asc' } });
    expect(changes.map((l) => l.metadata)).toEqual([expect.objectContaining({ from: 'new', to: 'contacted' }), expect.objectContaining({ from: 'contacted', to: winner })]);
  });
});
