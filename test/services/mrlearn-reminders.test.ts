// Mr Learn inactivity reminders on the real database and the SMTP simulator: only members of a
// mapped batch whose last activity is older than inactiveDays (a report never active counts
// from when it was synced; a completed course does not count) get one email per period; a rerun
// in the period sends nothing; the next period sends again; a refused send is logged FAILED and
// not retried; a disabled config sends nothing. Everything is under a sync config of its own.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmailError, type EmailProvider } from '../../providers/email/interface.js';
import { preferenceRow, setOptOut } from '../../services/notifications/comms-preferences.js';
import { inactiveReminderKey, reminderPeriodStart, sendMrLearnReminders, type RemindersDeps } from '../../services/sync/reminders.js';
import { apiCaller, createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
const DAY = 86_400_000;
const now = new Date('2026-11-20T10:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);
const tag = () => randomUUID().slice(0, 8);

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack?.close());

const deps = (at: Date, email?: EmailProvider): RemindersDeps => ({ db: stack.db, email: email ?? stack.deps.email, logger: stack.deps.logger, now: () => at });

async function world() {
  const syncConfigId = randomUUID();
  const batch = await stack.db.batch.create({ data: { code: `RM-${tag()}`, name: 'Reminder batch', status: 'ACTIVE' } });
  const course = await stack.db.mrLearnCourse.create({ data: { syncConfigId, externalId: `crs_${tag()}`, title: 'SQL Foundations' } });
  await stack.db.batchMrLearnCourse.create({ data: { batchId: batch.id, mrLearnCourseId: course.externalId, mrLearnCourseName: course.title } });
  /** A learner of the config with one report; `member` false: not in the batch. */
  async function learner(report: { lastActivityAt: Date | null; progressPercent?: number; completedAt?: Date; createdAt?: Date }, opts: { member?: boolean; byEmail?: boolean } = {}) {
    const u = await createUser(stack, 'USER');
    if (opts.member !== false) await stack.db.application.create({ data: { userId: u.user.id, batchId: batch.id, status: 'ENROLLED', name: u.user.name, email: u.email } });
    const l = await stack.db.mrLearnLearner.create({ data: { syncConfigId, externalId: `lrn_${tag()}`, userId: opts.byEmail ? null : u.user.id, email: u.email } });
    await stack.db.mrLearnLearnerReport.create({ data: { learnerId: l.id, courseId: course.id, progressPercent: report.progressPercent ?? 30, lastActivityAt: report.lastActivityAt, completedAt: report.completedAt ?? null, ...(report.createdAt ? { createdAt: report.createdAt } : {}) } });
    return { ...u, learnerId: l.id };
  }
  return { syncConfigId, batch, course, learner };
}

describe('mr learn inactivity reminders', () => {
  it('mails each inactive member once per period, and nobody else', async () => {
    const w = await world();
    const idle = await w.learner({ lastActivityAt: ago(10) });
    const byEmail = await w.learner({ lastActivityAt: ago(9) }, { byEmail: true });
    const neverActive = await w.learner({ lastActivityAt: null, createdAt: ago(30) });
    const active = await w.learner({ lastActivityAt: ago(2) });
    const done = await w.learner({ lastActivityAt: ago(20), progressPercent: 100, completedAt: ago(20) });
    const outsider = await w.learner({ lastActivityAt: ago(15) }, { member: false });
    const newlySynced = await w.learner({ lastActivityAt: null });

    const first = await sendMrLearnReminders(deps(now), { syncConfigId: w.syncConfigId, pageSize: 2 });
    expect(first).toMatchObject({ enabled: true, candidates: 3, sent: 3, failed: 0, skipped: 0 });
    const period = reminderPeriodStart(now, 7);
    expect(first.periodStart).toBe(period.toISOString());
    const logs = await stack.db.mrLearnReminderLog.findMany({ where: { batchId: w.batch.id } });
    expect(logs.map((l) => l.learnerId).sort()).toEqual([idle.learnerId, byEmail.learnerId, neverActive.learnerId].sort());
    for (const l of logs) {
      expect(l).toMatchObject({ status: 'SENT', channel: 'EMAIL', reminderType: 'inactive_7d', courseId: w.course.id, error: null });
      expect(l.dedupeKey).toBe(inactiveReminderKey(7, l.learnerId, period));
      expect(l.dedupeKey).toMatch(/^inactive_7d:[0-9a-f-]{36}:\d{4}-\d{2}-\d{2}$/);
      expect(l.providerMessageId).not.toBeNull();
    }
    const mails = stack.emailSim.messages({ to: idle.email });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('We miss you in SQL Foundations');
    for (const u of [active, done, outsider, newlySynced]) expect(stack.emailSim.messages({ to: u.email })).toHaveLength(0);
    const sent = await stack.db.emailSent.findFirstOrThrow({ where: { toEmail: idle.email } });
    expect(sent).toMatchObject({ status: 'SENT', emailType: 'MRLEARN_INACTIVITY_REMINDER', templateKey: 'mrlearn-inactive' });

    // Staff read the log through the api.
    const call = apiCaller(stack);
    const admin = (await createUser(stack, 'ADMIN')).accessToken;
    const listed = await call(admin, 'GET', `/api/admin/mr-learn/reminder-logs?batchId=${w.batch.id}&status=SENT&limit=2`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items[0]).toMatchObject({ status: 'SENT', batchId: w.batch.id, channel: 'EMAIL', reminderType: 'inactive_7d' });
    const rest = await call(admin, 'GET', `/api/admin/mr-learn/reminder-logs?batchId=${w.batch.id}&status=SENT&cursor=${listed.body.nextCursor}`);
    expect(rest.body).toMatchObject({ nextCursor: null });
    expect(rest.body.items).toHaveLength(1);
    expect((await call(admin, 'GET', `/api/admin/mr-learn/reminder-logs?batchId=${w.batch.id}&status=FAILED`)).body.items).toEqual([]);
    expect((await call(admin, 'GET', `/api/admin/mr-learn/reminder-logs?learnerId=${idle.learnerId}`)).body.items).toHaveLength(1);
    expect((await call(admin, 'GET', '/api/admin/mr-learn/reminder-logs?status=NOPE')).status).toBe(400);
    expect((await call(idle.accessToken, 'GET', '/api/admin/mr-learn/reminder-logs')).status).toBe(403);

    // A rerun in the same period (later that week) sends nothing new.
    const rerun = await sendMrLearnReminders(deps(new Date(now.getTime() + DAY)), { syncConfigId: w.syncConfigId });
    expect(rerun).toMatchObject({ candidates: 3, sent: 0, skipped: 3 });
    expect(stack.emailSim.messages({ to: idle.email })).toHaveLength(1);
    expect(await stack.db.mrLearnReminderLog.count({ where: { batchId: w.batch.id } })).toBe(3);

    // The next period, the still-idle learners get one more, and the once-active one, idle by then, a first.
    const next = await sendMrLearnReminders(deps(new Date(period.getTime() + 7 * DAY + 3_600_000)), { syncConfigId: w.syncConfigId });
    expect(next.sent).toBe(4);
    expect(stack.emailSim.messages({ to: idle.email })).toHaveLength(2);
    expect(stack.emailSim.messages({ to: active.email })).toHaveLength(1);
    expect(stack.emailSim.messages({ to: done.email })).toHaveLength(0);
  });

  it('logs a refused send FAILED and does not retry it; a disabled config sends nothing', async () => {
    const w = await world();
    const idle = await w.learner({ lastActivityAt: ago(12) });
    const refusing: EmailProvider = {
      send: () => Promise.reject(new EmailError('550 mailbox unavailable', { responseCode: 550, retryable: false })),
    };
    const failed = await sendMrLearnReminders(deps(now, refusing), { syncConfigId: w.syncConfigId });
    expect(failed).toMatchObject({ candidates: 1, sent: 0, failed: 1 });
    const log = await stack.db.mrLearnReminderLog.findFirstOrThrow({ where: { learnerId: idle.learnerId } });
    expect(log).toMatchObject({ status: 'FAILED', sentAt: null });
    expect(log.error).toContain('550');
    const again = await sendMrLearnReminders(deps(now), { syncConfigId: w.syncConfigId });
    expect(again).toMatchObject({ sent: 0, skipped: 1 });
    expect(stack.emailSim.messages({ to: idle.email })).toHaveLength(0);

    // A row left PENDING (a crash between the log and the send) is never sent again.
    const crashed = await w.learner({ lastActivityAt: ago(12) });
    await stack.db.mrLearnReminderLog.create({ data: { learnerId: crashed.learnerId, reminderType: 'inactive_7d', channel: 'EMAIL', recipient: crashed.email, status: 'PENDING', dedupeKey: inactiveReminderKey(7, crashed.learnerId, reminderPeriodStart(now, 7)) } });
    expect(await sendMrLearnReminders(deps(now), { syncConfigId: w.syncConfigId })).toMatchObject({ sent: 0, skipped: 2 });
    expect(stack.emailSim.messages({ to: crashed.email })).toHaveLength(0);

    const other = await world();
    await other.learner({ lastActivityAt: ago(30) });
    await stack.db.systemConfig.upsert({ where: { key: 'mrlearn.reminders' }, create: { key: 'mrlearn.reminders', value: { enabled: false, inactiveDays: 7, channel: 'email' } }, update: { value: { enabled: false, inactiveDays: 7, channel: 'email' } } });
    try {
      expect(await sendMrLearnReminders(deps(now), { syncConfigId: other.syncConfigId })).toMatchObject({ enabled: false, candidates: 0, sent: 0 });
    } finally {
      await stack.db.systemConfig.delete({ where: { key: 'mrlearn.reminders' } });
    }
  });

  it('marketing rules: an unsubscribed learner gets none; one in quiet hours gets it from a later run; mails carry the one-click link', async () => {
    const w = await world();
    const gone = await w.learner({ lastActivityAt: ago(10) });
    const night = await w.learner({ lastActivityAt: ago(10) });
    await setOptOut({ db: stack.db, now: () => now }, 'EMAIL', gone.email, 'stop', 'user');
    // 10:00Z is 15:30 IST: a 15:00–16:00 IST window holds the send.
    const pref = await preferenceRow(stack.db, 'EMAIL', night.email);
    await stack.db.commsPreference.update({ where: { id: pref.id }, data: { quietStartMin: 900, quietEndMin: 960, timezone: 'Asia/Kolkata' } });
    expect(await sendMrLearnReminders(deps(now), { syncConfigId: w.syncConfigId })).toMatchObject({ candidates: 2, sent: 0, suppressed: 1, deferred: 1 });
    expect(await stack.db.mrLearnReminderLog.count({ where: { batchId: w.batch.id } })).toBe(0);
    const later = new Date(now.getTime() + 45 * 60_000);
    expect(await sendMrLearnReminders(deps(later), { syncConfigId: w.syncConfigId })).toMatchObject({ sent: 1, suppressed: 1, deferred: 0 });
    const [mail] = stack.emailSim.messages({ to: night.email });
    expect(mail!.headers['list-unsubscribe']).toMatch(new RegExp(`/api/unsubscribe/${pref.unsubscribeToken}>$`));
    expect(mail!.text).toContain(`/api/unsubscribe/${pref.unsubscribeToken}`);
    expect(mail!.html).toContain(`href="http`);
    expect(mail!.html).toMatch(new RegExp(`<a href="[^"]*/api/unsubscribe/${pref.unsubscribeToken}">unsubscribe</a></p>$`));
    expect(stack.emailSim.messages({ to: gone.email })).toHaveLength(0);
  });
});
