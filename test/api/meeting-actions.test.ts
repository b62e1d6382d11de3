// Emailed one-time meeting actions on the real stack: a booking through the api starts
// notify/slot-booked/<slotId>, whose activity issues hashed tokens and mails the links through
// the real SMTP client to the simulator; the links are read back from the simulator's control
// API and used against /api/meeting-actions/{token}.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationActivities } from '../../activities/notifications.activities.js';
import { workflowIds } from '../../domain/ids.js';
import { newOpaqueToken, sha256 } from '../../infra/auth/opaque-tokens.js';
import { createLogger } from '../../infra/logger.js';
import type { CapturedEmail } from '../../providers/email/simulator.js';
import { bearerHeader, createMentor, createOpenSlot, createStudent, json } from '../support/auth.js';
import { startTestStack, TEST_NOTIFICATIONS, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ config: { slotHoldSeconds: 30 } });
});
afterAll(() => stack.close());

/** Polls the simulator's HTTP control API until `count` emails to `to` have arrived. */
async function inbox(to: string, count = 1, timeoutMs = 15_000): Promise<CapturedEmail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${stack.emailSim.origin}/_sim/messages?to=${encodeURIComponent(to)}`);
    const { items } = (await res.json()) as { items: CapturedEmail[] };
    if (items.length >= count) return items;
    if (Date.now() > deadline) throw new Error(`no ${count} email(s) to ${to} after ${timeoutMs} ms (have ${items.length})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function link(mail: CapturedEmail, label: 'Join the meeting' | 'Cancel the booking'): string | null {
  const m = new RegExp(`${label}: ${TEST_NOTIFICATIONS.publicWebUrl.replaceAll('.', '\\.')}/meeting-actions/([A-Za-z0-9_-]{43})`).exec(mail.text);
  return m ? m[1]! : null;
}

const act = (token: string, method: 'GET' | 'POST' = 'POST') => stack.app.request(json(method, `/api/meeting-actions/${token}`));

async function bookThroughApi(opts: { inHours?: number } = {}) {
  const mentor = await createMentor(stack);
  const student = await createStudent(stack, { paid: 10 });
  const slot = await createOpenSlot(stack, mentor.user.id, { price: 3, ...opts });
  const res = await stack.app.request(json('POST', `/api/slots/${slot.id}/book`, undefined, bearerHeader(student.accessToken)));
  expect(res.status).toBe(200);
  // The activity commits its tokens just after the relay accepts the mail: wait for the run.
  await stack.temporal.workflow.getHandle(workflowIds.slotBookedNotification(slot.id)).result();
  const [studentMail] = await inbox(student.email);
  const [mentorMail] = await inbox(mentor.email);
  return { mentor, student, slot, studentMail: studentMail!, mentorMail: mentorMail! };
}

describe('slot-booked email', () => {
  it('emails the student join + cancel links and the mentor a join link; only hashes are stored', async () => {
    const { mentor, student, slot, studentMail, mentorMail } = await bookThroughApi();
    const handle = stack.temporal.workflow.getHandle(workflowIds.slotBookedNotification(slot.id));
    expect(await handle.result()).toEqual({ slotId: slot.id, student: 'sent', mentor: 'sent' });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/slot-notification.json', historyToJSON(await handle.fetchHistory()));

    expect(studentMail.subject).toContain('Booked:');
    expect(studentMail.headers['x-mas-email-type']).toBe('slot-booked');
    expect(studentMail.envelope.from).toBe('no-reply@mas.test');
    expect(studentMail.html).toContain('/meeting-actions/');
    const join = link(studentMail, 'Join the meeting');
    const cancel = link(studentMail, 'Cancel the booking');
    expect(join).toBeTruthy();
    expect(cancel).toBeTruthy();
    expect(link(mentorMail, 'Join the meeting')).toBeTruthy();
    expect(link(mentorMail, 'Cancel the booking')).toBeNull();

    const rows = await stack.db.meetingActionToken.findMany({ where: { slotId: slot.id }, orderBy: { action: 'asc' } });
    expect(rows.map((r) => [r.action, r.userId]).sort()).toEqual(
      [
        ['CANCEL', student.user.id],
        ['JOIN', mentor.user.id],
        ['JOIN', student.user.id],
      ].sort(),
    );
    const byHash = new Map(rows.map((r) => [r.tokenHash, r]));
    expect(byHash.get(sha256(join!))).toMatchObject({ action: 'JOIN', userId: student.user.id, usedAt: null, expiresAt: slot.endDateTime });
    const cancelRow = byHash.get(sha256(cancel!))!;
    expect(cancelRow.action).toBe('CANCEL');
    // 24 h from now (the slot starts in 48 h).
    expect(Math.abs(cancelRow.expiresAt.getTime() - (Date.now() + 24 * 3_600_000))).toBeLessThan(60_000);
    expect(rows.some((r) => r.tokenHash === join || r.tokenHash === cancel)).toBe(false);

    const sent = await stack.db.emailSent.findMany({ where: { emailType: 'slot-booked', metadata: { path: ['slotId'], equals: slot.id } } });
    expect(sent.map((s) => [s.userId, s.status]).sort()).toEqual(
      [
        [mentor.user.id, 'SENT'],
        [student.user.id, 'SENT'],
      ].sort(),
    );
    expect(sent.find((s) => s.userId === student.user.id)!.providerMessageId).toBe(studentMail.messageId);
  });

  it('sending again (a retry or a second run) sends nothing and issues no tokens', async () => {
    const { student, slot } = await bookThroughApi();
    await stack.temporal.workflow.getHandle(workflowIds.slotBookedNotification(slot.id)).result();
    const acts = createNotificationActivities({ db: stack.db, email: stack.deps.email, now: () => new Date(), notifications: TEST_NOTIFICATIONS, logger: createLogger('silent') });
    expect(await acts.sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' })).toMatchObject({ outcome: 'already-sent' });
    expect(await stack.db.meetingActionToken.count({ where: { slotId: slot.id } })).toBe(3);
    expect(await inbox(student.email)).toHaveLength(1);
  });

  it('a transient SMTP failure (451) is retried and the email still arrives once', async () => {
    stack.emailSim.failNext(1, 451);
    const { student, slot } = await bookThroughApi();
    expect(await stack.temporal.workflow.getHandle(workflowIds.slotBookedNotification(slot.id)).result()).toMatchObject({ student: 'sent', mentor: 'sent' });
    expect(await inbox(student.email)).toHaveLength(1);
    expect(await stack.db.meetingActionToken.count({ where: { slotId: slot.id } })).toBe(3);
  });
});

describe('meeting actions', () => {
  it('GET shows the action without using it; POST cancels once (full refund); a second use gets 410', async () => {
    const { student, slot, studentMail } = await bookThroughApi();
    const token = link(studentMail, 'Cancel the booking')!;
    for (let i = 0; i < 2; i++) {
      const preview = await act(token, 'GET');
      expect(preview.status).toBe(200);
      expect(await preview.json()).toMatchObject({ action: 'CANCEL', slot: { id: slot.id, status: 'CONFIRMED' } });
    }
    const res = await act(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ action: 'CANCEL', outcome: 'cancelled', slot: { id: slot.id, status: 'CANCELLED' }, refunded: { paid: 3, promotional: 0 } });
    expect((await stack.db.token.findUniqueOrThrow({ where: { userId: student.user.id } })).balance).toBe(10);

    const again = await act(token);
    expect(again.status).toBe(410);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await again.json()).toMatchObject({ status: 410, code: 'GONE', detail: 'This link has already been used' });
    expect((await act(token, 'GET')).status).toBe(410);
  });

  it('10 parallel POSTs of one link: exactly one cancels, the rest get 410, one refund', async () => {
    const { slot, studentMail } = await bookThroughApi();
    const token = link(studentMail, 'Cancel the booking')!;
    const codes = (await Promise.all(Array.from({ length: 10 }, () => act(token)))).map((r) => r.status);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 410)).toHaveLength(9);
    expect(await stack.db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } })).toBe(1);
    expect(await stack.db.meetingLog.count({ where: { slotId: slot.id, event: 'CANCELLED' } })).toBe(1);
  });

  it('JOIN answers the join URL, for the student and the mentor; the slot meetingLink wins when set', async () => {
    const { slot, studentMail, mentorMail } = await bookThroughApi();
    const mentorJoin = await act(link(mentorMail, 'Join the meeting')!);
    expect(mentorJoin.status).toBe(200);
    expect(await mentorJoin.json()).toMatchObject({ action: 'JOIN', outcome: 'join', joinUrl: `${TEST_NOTIFICATIONS.publicWebUrl}/meetings/${slot.id}` });

    await stack.db.slot.update({ where: { id: slot.id }, data: { meetingLink: 'https://meet.example/room-42' } });
    const studentJoin = await act(link(studentMail, 'Join the meeting')!);
    expect(await studentJoin.json()).toMatchObject({ outcome: 'join', joinUrl: 'https://meet.example/room-42', slot: { status: 'CONFIRMED' } });
  });

  it('an expired link → 410 and stays unused; unknown or malformed → 404', async () => {
    const { slot, studentMail } = await bookThroughApi();
    const token = link(studentMail, 'Cancel the booking')!;
    await stack.db.meetingActionToken.update({ where: { tokenHash: sha256(token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await act(token);
    expect(expired.status).toBe(410);
    expect(await expired.json()).toMatchObject({ code: 'GONE', detail: 'This link has expired' });
    expect((await act(token, 'GET')).status).toBe(410);
    expect((await stack.db.meetingActionToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).usedAt).toBeNull();
    expect((await stack.db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('CONFIRMED');

    expect((await act(newOpaqueToken().token)).status).toBe(404);
    expect((await act(newOpaqueToken().token, 'GET')).status).toBe(404);
    expect((await act('not-a-token')).status).toBe(404);
  });

  it('an action the slot no longer allows answers 409 and leaves the link usable', async () => {
    const { slot, studentMail } = await bookThroughApi();
    const token = link(studentMail, 'Cancel the booking')!;
    await stack.db.slot.update({ where: { id: slot.id }, data: { status: 'COMPLETED' } });
    const res = await act(token);
    expect(res.status).toBe(409);
    expect((await stack.db.meetingActionToken.findUniqueOrThrow({ where: { tokenHash: sha256(token) } })).usedAt).toBeNull();
  });

  it('CONFIRM confirms a held slot through its lifecycle, stops the hold timer, and sends the booking emails', async () => {
    const mentor = await createMentor(stack);
    const student = await createStudent(stack, { paid: 10 });
    const slot = await createOpenSlot(stack, mentor.user.id, { price: 2 });
    expect((await stack.app.request(json('POST', `/api/slots/${slot.id}/hold`, undefined, bearerHeader(student.accessToken)))).status).toBe(201);
    const { token, hash } = newOpaqueToken();
    await stack.db.meetingActionToken.create({ data: { slotId: slot.id, userId: student.user.id, action: 'CONFIRM', tokenHash: hash, expiresAt: new Date(Date.now() + 3_600_000) } });

    expect(await (await act(token, 'GET')).json()).toMatchObject({ action: 'CONFIRM', slot: { status: 'MEETING_REQUESTED' } });
    const res = await act(token);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ action: 'CONFIRM', outcome: 'confirmed', slot: { status: 'CONFIRMED', studentId: student.user.id } });
    expect(await stack.temporal.workflow.getHandle(workflowIds.slotHold(slot.id)).result()).toBe('confirmed');
    await stack.temporal.workflow.getHandle(workflowIds.slotBookedNotification(slot.id)).result();
    const [mail] = await inbox(student.email);
    expect(link(mail!, 'Cancel the booking')).toBeTruthy();
    expect((await act(token)).status).toBe(410);
  });
});
