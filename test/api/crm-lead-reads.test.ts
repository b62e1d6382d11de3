// A lead's read side: the merged timeline (newest first over five tables, one cursor), the SMS,
// email and WhatsApp logs, and the follow-up lists (mine, overdue, per lead) — all cut by the
// lead visibility rule: a rep who cannot see the lead gets 404, and its rows are in no list.
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
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);

async function setup() {
  const head = await createUser(stack, 'SALES');
  const rep = await createUser(stack, 'SALES');
  const outsider = await createUser(stack, 'SALES');
  const admin = await createUser(stack, 'ADMIN');
  await stack.db.user.update({ where: { id: rep.user.id }, data: { salesHeadId: head.user.id } });
  const lead = await stack.db.rawLead.create({
    data: { name: `Lead ${randomUUID().slice(0, 6)}`, phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026-27', sourceType: 'manual', assignedTo: rep.user.id },
  });
  return { head, rep, outsider, admin, lead };
}

describe('lead timeline and message logs', () => {
  it('merges activity, calls, SMS, email and WhatsApp newest first across pages; outsiders get 404', async () => {
    const { head, rep, outsider, admin, lead } = await setup();
    const rawLeadId = lead.id;
    const uid = rep.user.id;
    await stack.db.leadActivityLog.create({ data: { rawLeadId, performedBy: uid, activityType: 'note_added', description: 'Asked for the brochure', createdAt: at(60) } });
    await stack.db.leadCallLog.create({ data: { rawLeadId, userId: uid, source: 'manual', status: 'completed', outcome: 'interested', createdAt: at(50) } });
    await stack.db.leadSmsLog.create({ data: { rawLeadId, userId: uid, toNumber: lead.phone!, body: 'Your brochure link', status: 'delivered', createdAt: at(40) } });
    await stack.db.leadEmailLog.create({ data: { rawLeadId, userId: uid, toEmail: 'lead@example.test', subject: 'Program details', provider: 'smtp', status: 'opened', openCount: 2, createdAt: at(30) } });
    await stack.db.leadWhatsAppLog.create({ data: { rawLeadId, userId: null, direction: 'inbound', toNumber: '+918000000000', body: 'Thanks!', provider: 'meta_cloud', status: 'received', createdAt: at(20) } });
    await stack.db.leadActivityLog.create({ data: { rawLeadId, performedBy: null, activityType: 'status_changed', description: 'Status new → interested', createdAt: at(10) } });

    const path = `/api/crm/leads/${lead.id}/timeline`;
    const all = await call(rep.accessToken, 'GET', path);
    expect(all.status).toBe(200);
    expect(all.body.items.map((e: { kind: string }) => e.kind)).toEqual(['activity', 'whatsapp', 'email', 'sms', 'call', 'activity']);
    expect(all.body.items[2]).toMatchObject({ kind: 'email', summary: 'Program details', status: 'opened', direction: 'outbound', userId: uid, detail: { openCount: 2 } });
    expect(all.body.nextCursor).toBeNull();

    // Paging two at a time walks the same order, whatever table each entry is from.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await call(head.accessToken, 'GET', `${path}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).body as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((e: { id: string }) => e.id));

    expect((await call(rep.accessToken, 'GET', `${path}?kinds=sms,email`)).body.items.map((e: { kind: string }) => e.kind)).toEqual(['email', 'sms']);
    expect((await call(rep.accessToken, 'GET', `${path}?kinds=fax`)).status).toBe(400);
    expect((await call(rep.accessToken, 'GET', `${path}?cursor=garbage`)).status).toBe(400);
    expect((await call(admin.accessToken, 'GET', path)).body.items).toHaveLength(6);
    expect((await call(outsider.accessToken, 'GET', path)).status).toBe(404);

    // The three message logs.
    const sms = await call(rep.accessToken, 'GET', `/api/crm/leads/${lead.id}/sms-logs`);
    expect(sms.body.items).toEqual([expect.objectContaining({ body: 'Your brochure link', status: 'delivered', toNumber: lead.phone })]);
    const email = await call(head.accessToken, 'GET', `/api/crm/leads/${lead.id}/email-logs`);
    expect(email.body.items).toEqual([expect.objectContaining({ subject: 'Program details', openCount: 2 })]);
    const wa = await call(rep.accessToken, 'GET', `/api/crm/leads/${lead.id}/whatsapp-logs?limit=1`);
    expect(wa.body).toMatchObject({ items: [expect.objectContaining({ body: 'Thanks!', direction: 'inbound' })], nextCursor: null });
    for (const seg of ['sms-logs', 'email-logs', 'whatsapp-logs']) {
      expect((await call(outsider.accessToken, 'GET', `/api/crm/leads/${lead.id}/${seg}`)).status).toBe(404);
      expect((await call(rep.accessToken, 'GET', `/api/crm/leads/${lead.id}/${seg}?limit=0`)).status).toBe(400);
    }
    expect((await call(rep.accessToken, 'GET', '/api/crm/leads/not-a-uuid/sms-logs')).status).toBe(400);
  });
});

describe('follow-up lists', () => {
  it('mine, overdue and per lead, soonest first; a lead the caller cannot see is left out or 404', async () => {
    const { head, rep, outsider, admin, lead } = await setup();
    const hidden = await stack.db.rawLead.create({ data: { name: 'Hidden', phone: `+919${randomInt(100_000_000, 999_999_999)}`, sessionYear: '2026-27', sourceType: 'manual', assignedTo: outsider.user.id } });
    const mk = (rawLeadId: string, assigneeId: string, minutesFromNow: number, status: 'scheduled' | 'completed' = 'scheduled') =>
      stack.db.leadFollowUp.create({ data: { rawLeadId, assigneeId, dueAt: new Date(Date.now() + minutesFromNow * 60_000), status } });
    const late2 = await mk(lead.id, rep.user.id, -120);
    const late1 = await mk(lead.id, rep.user.id, -30);
    const soon = await mk(lead.id, rep.user.id, 60);
    const done = await mk(lead.id, rep.user.id, -300, 'completed');
    const elsewhere = await mk(hidden.id, outsider.user.id, -60);
    // A follow-up that still names the rep on a lead they no longer see is not in their list.
    const stale = await mk(hidden.id, rep.user.id, 30);

    const mine = await call(rep.accessToken, 'GET', '/api/crm/follow-ups/mine');
    expect(mine.body.items.map((f: { id: string }) => f.id)).toEqual([done.id, late2.id, late1.id, soon.id]);
    expect(mine.body.items.map((f: { id: string }) => f.id)).not.toContain(stale.id);
    const p1 = await call(rep.accessToken, 'GET', '/api/crm/follow-ups/mine?status=scheduled&limit=2');
    expect(p1.body.items.map((f: { id: string }) => f.id)).toEqual([late2.id, late1.id]);
    const p2 = await call(rep.accessToken, 'GET', `/api/crm/follow-ups/mine?status=scheduled&limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body).toMatchObject({ items: [expect.objectContaining({ id: soon.id })], nextCursor: null });
    expect((await call(rep.accessToken, 'GET', `/api/crm/follow-ups/mine?dueFrom=${encodeURIComponent(new Date().toISOString())}`)).body.items.map((f: { id: string }) => f.id)).toEqual([soon.id]);
    expect((await call(rep.accessToken, 'GET', '/api/crm/follow-ups/mine?status=late')).status).toBe(400);
    expect((await call(rep.accessToken, 'GET', '/api/crm/follow-ups/mine?dueFrom=yesterday')).status).toBe(400);

    // Overdue: the head sees the team's; the outsider only theirs; an admin filters by assignee.
    expect((await call(head.accessToken, 'GET', '/api/crm/follow-ups/overdue')).body.items.map((f: { id: string }) => f.id)).toEqual([late2.id, late1.id]);
    expect((await call(outsider.accessToken, 'GET', '/api/crm/follow-ups/overdue')).body.items.map((f: { id: string }) => f.id)).toEqual([elsewhere.id]);
    const adminView = await call(admin.accessToken, 'GET', `/api/crm/follow-ups/overdue?assigneeId=${rep.user.id}`);
    expect(adminView.body.items.map((f: { id: string }) => f.id)).toEqual([late2.id, late1.id]);
    expect((await call(admin.accessToken, 'GET', '/api/crm/follow-ups/overdue?assigneeId=nope')).status).toBe(400);

    // Per lead.
    expect((await call(head.accessToken, 'GET', `/api/crm/leads/${lead.id}/follow-ups?status=scheduled`)).body.items.map((f: { id: string }) => f.id)).toEqual([late2.id, late1.id, soon.id]);
    expect((await call(outsider.accessToken, 'GET', `/api/crm/leads/${lead.id}/follow-ups`)).status).toBe(404);
    expect((await call(rep.accessToken, 'GET', `/api/crm/leads/${hidden.id}/follow-ups`)).status).toBe(404);
  });
});
