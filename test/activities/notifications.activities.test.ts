// The slot-booked email activity against the real database and the SMTP simulator, with a relay
// that stalls: no transaction or advisory lock is open while the send waits, a concurrent
// attempt is turned away instead of queueing behind it, and a dead attempt's lease lapses so
// the next one sends exactly once.
import { ApplicationFailure } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotificationActivities } from '../../activities/notifications.activities.js';
import { SLOT_BOOKED_EMAIL_TYPE } from '../../domain/meeting-actions/policy.js';
import { createLogger } from '../../infra/logger.js';
import type { EmailMessage, EmailProvider } from '../../providers/email/interface.js';
import { createMentorWithSlot } from '../support/fixtures.js';
import { sleep } from '../support/poll.js';
import { startTestStack, TEST_NOTIFICATIONS, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ worker: false });
});
afterAll(() => stack.close());

/** The real SMTP client, but each send waits at the door until released. */
function stallingEmail(real: EmailProvider) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const provider: EmailProvider = {
    async send(msg: EmailMessage) {
      entered();
      await gate;
      return real.send(msg);
    },
  };
  return { provider, inside, release };
}

const activities = (email: EmailProvider, claimLeaseSeconds?: number) =>
  createNotificationActivities({
    db: stack.db,
    email,
    logger: createLogger('silent'),
    now: () => new Date(),
    notifications: { ...TEST_NOTIFICATIONS, ...(claimLeaseSeconds === undefined ? {} : { claimLeaseSeconds }) },
  });

async function confirmedSlot() {
  const { slot, student } = await createMentorWithSlot(stack.db, { startedMinutesAgo: -24 * 60 });
  return { slot, student, dedupeKey: `${SLOT_BOOKED_EMAIL_TYPE}:${slot.id}:${student.id}` };
}

/** Fails with `label` if `p` has not settled within `ms` (so a blocked call shows up as a failure, not a hang). */
function within<T>(p: Promise<T>, ms: number, label: string): Promise<T> {
  return Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`${label}: still waiting after ${ms} ms`)))]);
}

describe('slot-booked email: nothing held across the SMTP send', () => {
  it('while the relay stalls: no open transaction, the advisory lock is free, a second attempt is turned away at once; then one email, links stored', async () => {
    const { slot, student, dedupeKey } = await confirmedSlot();
    const stall = stallingEmail(stack.deps.email);
    const sending = activities(stall.provider).sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' });
    await within(stall.inside, 10_000, 'the send');

    const [probe] = await stack.db.$queryRaw<{ open: number }[]>`
      SELECT count(*)::int AS "open" FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'`;
    expect(probe?.open).toBe(0);
    const [lock] = await within(
      stack.db.$transaction((tx) => tx.$queryRaw<{ free: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtext(${dedupeKey})) AS "free"`),
      5_000,
      'the advisory lock probe',
    );
    expect(lock?.free).toBe(true);
    // The same email from a duplicate run: it must neither wait for the stalled send nor mail again.
    const second = activities(stack.deps.email).sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' });
    await expect(within(second, 5_000, 'the second attempt')).rejects.toThrow(/being sent by another attempt/);
    // Nothing usable exists before the mail has gone.
    expect(await stack.db.meetingActionToken.count({ where: { slotId: slot.id } })).toBe(0);
    expect(await stack.db.emailSent.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({ status: 'QUEUED', attempts: 1 });

    stall.release();
    expect(await sending).toMatchObject({ outcome: 'sent' });
    expect(stack.emailSim.messages({ to: student.email })).toHaveLength(1);
    expect(await stack.db.meetingActionToken.count({ where: { slotId: slot.id, userId: student.id } })).toBe(2);
    expect(await stack.db.emailSent.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({ status: 'SENT', claimedUntil: null });
    expect(await activities(stack.deps.email).sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' })).toMatchObject({ outcome: 'already-sent' });
    expect(stack.emailSim.messages({ to: student.email })).toHaveLength(1);
  });

  it('an attempt that died mid-send: the next waits out its lease, then sends once; the dead one cannot mark the row afterwards', async () => {
    const { slot, student, dedupeKey } = await confirmedSlot();
    const dead = stallingEmail(stack.deps.email);
    const zombie = activities(dead.provider, 1).sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' });
    await within(dead.inside, 10_000, 'the first send');
    const next = activities(stack.deps.email, 1);
    await expect(next.sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' })).rejects.toThrow(/being sent by another attempt/);
    await sleep(1_200);
    expect(await next.sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' })).toMatchObject({ outcome: 'sent' });
    expect(await stack.db.emailSent.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({ status: 'SENT', attempts: 2 });
    // The first attempt wakes up (it was only stalled): it lost its claim, so its links are not stored.
    dead.release();
    await expect(zombie).rejects.toThrow(/lapsed/);
    expect(await stack.db.meetingActionToken.count({ where: { slotId: slot.id, userId: student.id } })).toBe(2);
    expect(await stack.db.emailSent.count({ where: { dedupeKey } })).toBe(1);
  });

  it('a transient refusal (451) frees the claim for an immediate retry; a permanent one (550) records FAILED and is non-retryable', async () => {
    const { slot, student, dedupeKey } = await confirmedSlot();
    const acts = activities(stack.deps.email);
    stack.emailSim.failNext(1, 451);
    await expect(acts.sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' })).rejects.toThrow();
    expect(await stack.db.meetingActionToken.count({ where: { slotId: slot.id } })).toBe(0);
    expect(await acts.sendSlotBookedEmail({ slotId: slot.id, recipient: 'student' })).toMatchObject({ outcome: 'sent' });
    expect(stack.emailSim.messages({ to: student.email })).toHaveLength(1);
    expect(await stack.db.emailSent.findUniqueOrThrow({ where: { dedupeKey } })).toMatchObject({ status: 'SENT', attempts: 2 });

    const other = await confirmedSlot();
    stack.emailSim.failNext(1, 550);
    const err = await acts.sendSlotBookedEmail({ slotId: other.slot.id, recipient: 'student' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err).toMatchObject({ type: 'EMAIL_REJECTED', nonRetryable: true });
    expect(await stack.db.emailSent.findUniqueOrThrow({ where: { dedupeKey: other.dedupeKey } })).toMatchObject({ status: 'FAILED', claimedUntil: null });
    expect(await stack.db.meetingActionToken.count({ where: { slotId: other.slot.id } })).toBe(0);
  });
});
