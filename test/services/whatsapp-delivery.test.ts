// WhatsApp delivery tracking against the real database and the WhatsApp simulator: the message
// is logged `queued` before the provider call; a status that arrives before the send stored its
// wamid is parked, then applied by the send; statuses racing each other (or arriving late, or
// twice) only ever move a message forward.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusUpdate, WhatsAppProvider } from '../../providers/whatsapp/interface.js';
import { applyWhatsAppStatuses } from '../../services/crm/whatsapp-statuses.js';
import { sendLoggedWhatsApp } from '../../services/notifications/whatsapp-send.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

const status = (id: string, s: StatusUpdate['status'], at = Math.floor(Date.now() / 1000)): StatusUpdate => ({ id, status: s, timestamp: String(at), recipient_id: '919800000001' });

async function send(whatsapp: WhatsAppProvider, userId: string) {
  return sendLoggedWhatsApp({ db: stack.db, logger: stack.deps.logger, whatsapp, now: () => new Date() }, { userId, fromPhone: '+15550000000', to: `+9198${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, template: 'candidate_outreach', params: ['Riya', 'Analyst'] });
}

describe('WhatsApp delivery tracking', () => {
  it('logs the message queued before the provider call, then marks it sent with its wamid', async () => {
    const { user } = await createUser(stack, 'ADMIN');
    let seenDuringCall: { status: string; wamid: string | null }[] = [];
    const watching: WhatsAppProvider = {
      async sendTemplate(msg) {
        seenDuringCall = await stack.db.whatsAppMessage.findMany({ where: { userId: user.id }, select: { status: true, wamid: true } });
        return stack.deps.whatsapp.sendTemplate(msg);
      },
    };
    const out = await send(watching, user.id);
    expect(seenDuringCall).toEqual([{ status: 'queued', wamid: null }]);
    expect(out.outcome).toBe('sent');
    const row = await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { id: out.messageId } });
    expect(row).toMatchObject({ status: 'sent', direction: 'outbound' });
    expect(row.wamid).toMatch(/^wamid\./);
  });

  it('a status that comes before its send is recorded is parked, then applied once the send records the wamid', async () => {
    const { user } = await createUser(stack, 'ADMIN');
    let early = -1;
    const racing: WhatsAppProvider = {
      async sendTemplate(msg) {
        const res = await stack.deps.whatsapp.sendTemplate(msg);
        // The webhook beats our write of the wamid: nothing holds it yet.
        early = await applyWhatsAppStatuses(stack.db, [status(res.messageId, 'delivered'), status(res.messageId, 'read')]);
        expect(await stack.db.whatsAppParkedStatus.count({ where: { wamid: res.messageId } })).toBe(2);
        return res;
      },
    };
    const out = await send(racing, user.id);
    expect(early).toBe(0);
    if (out.outcome !== 'sent') throw new Error('not sent');
    const row = await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { id: out.messageId } });
    expect(row.status).toBe('read');
    expect(row.deliveredAt).not.toBeNull();
    expect(row.readAt).not.toBeNull();
    expect(await stack.db.whatsAppParkedStatus.count({ where: { wamid: out.wamid } })).toBe(0);
    // The same statuses redelivered later change nothing.
    expect(await applyWhatsAppStatuses(stack.db, [status(out.wamid, 'delivered'), status(out.wamid, 'read')])).toBe(0);
  });

  it('statuses racing each other end at the furthest one; a late or duplicate one never moves a message back', async () => {
    const { user } = await createUser(stack, 'ADMIN');
    for (let round = 0; round < 5; round++) {
      const out = await send(stack.deps.whatsapp, user.id);
      if (out.outcome !== 'sent') throw new Error('not sent');
      const moved = await Promise.all([
        applyWhatsAppStatuses(stack.db, [status(out.wamid, 'read')]),
        applyWhatsAppStatuses(stack.db, [status(out.wamid, 'delivered')]),
        applyWhatsAppStatuses(stack.db, [status(out.wamid, 'delivered')]),
        applyWhatsAppStatuses(stack.db, [status(out.wamid, 'sent')]),
      ]);
      const row = await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { id: out.messageId } });
      expect(row.status).toBe('read');
      // read moved it once; delivered at most once (only if it came first); the duplicate never.
      expect(moved[0]).toBe(1);
      expect(moved[1]! + moved[2]!).toBeLessThanOrEqual(1);
      expect(await applyWhatsAppStatuses(stack.db, [status(out.wamid, 'failed')])).toBe(0);
      expect((await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { id: out.messageId } })).status).toBe('read');
    }
  });

  it('a failed message stays failed; an unknown wamid is parked once however often it is delivered', async () => {
    const { user } = await createUser(stack, 'ADMIN');
    const out = await send(stack.deps.whatsapp, user.id);
    if (out.outcome !== 'sent') throw new Error('not sent');
    expect(await applyWhatsAppStatuses(stack.db, [{ ...status(out.wamid, 'failed'), errors: [{ code: 131026, title: 'Message undeliverable' }] }])).toBe(1);
    expect(await applyWhatsAppStatuses(stack.db, [status(out.wamid, 'delivered'), status(out.wamid, 'read')])).toBe(0);
    expect(await stack.db.whatsAppMessage.findUniqueOrThrow({ where: { id: out.messageId } })).toMatchObject({ status: 'failed', errorCode: '131026' });

    const ghost = `wamid.${randomUUID()}`;
    await Promise.all([1, 2, 3].map(() => applyWhatsAppStatuses(stack.db, [status(ghost, 'delivered')])));
    expect(await stack.db.whatsAppParkedStatus.count({ where: { wamid: ghost } })).toBe(1);
  });

  it('the message log: the owner reads their own (with delivery status), staff read anyone’s by user', async () => {
    const owner = await createUser(stack, 'SALES');
    const other = await createUser(stack, 'SALES');
    const admin = await createUser(stack, 'ADMIN');
    const call = apiCaller(stack);
    const mine = await send(stack.deps.whatsapp, owner.user.id);
    const theirs = await send(stack.deps.whatsapp, other.user.id);
    if (mine.outcome !== 'sent' || theirs.outcome !== 'sent') throw new Error('not sent');
    await applyWhatsAppStatuses(stack.db, [status(mine.wamid, 'delivered')]);

    const list = await call(owner.accessToken, 'GET', '/api/me/whatsapp-messages');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([expect.objectContaining({ id: mine.messageId, status: 'delivered', wamid: mine.wamid, direction: 'outbound' })]);
    expect((await call(owner.accessToken, 'GET', '/api/me/whatsapp-messages?status=read')).body.items).toEqual([]);
    expect((await call(owner.accessToken, 'GET', `/api/whatsapp-messages?userId=${other.user.id}`)).status).toBe(403);
    const staff = await call(admin.accessToken, 'GET', `/api/whatsapp-messages?userId=${other.user.id}`);
    expect(staff.body.items.map((m: { id: string }) => m.id)).toEqual([theirs.messageId]);
    expect((await call(admin.accessToken, 'GET', '/api/whatsapp-messages?status=sent&userId=not-a-uuid')).status).toBe(400);
  });
});
