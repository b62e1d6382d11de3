// The meeting activities on their own, run as Temporal would run them (MockActivityEnvironment)
// against the real database: idempotent on retry, and business refusals are non-retryable.
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createMeetingActivities, type CreditResult } from '../../activities/meetings.activities.js';
import { createLogger } from '../../infra/logger.js';
import { createPrisma, type Db } from '../../infra/prisma.js';
import { disabledWhatsApp } from '../../providers/whatsapp/index.js';
import { createMentorWithSlot } from '../support/fixtures.js';
import { unreachableEmail, unreachableObjectStore, unreachableRazorpay, unusedHireDeps, unusedLeegalityDeps } from '../support/static-app.js';

let db: Db;
let acts: ReturnType<typeof createMeetingActivities>;
// Refusals are expected here; the SDK would log each one as a failed activity.
const quiet = () => new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR', () => {}) });
const env = quiet();
beforeAll(() => {
  db = createPrisma(inject('databaseUrl'), 5);
  acts = createMeetingActivities({ db, logger: createLogger('silent'), now: () => new Date(), temporal: {} as never, taskQueue: 'unused', razorpay: unreachableRazorpay(), s3: unreachableObjectStore(), resumes: unreachableObjectStore(), documents: unreachableObjectStore(), whatsapp: disabledWhatsApp(), email: unreachableEmail(), ...unusedHireDeps(), ...unusedLeegalityDeps() });
});
afterAll(() => db.$disconnect());

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('completeMeeting', () => {
  it('completes a CONFIRMED slot and is a no-op when retried', async () => {
    const { slot } = await createMentorWithSlot(db);
    const endedAt = new Date().toISOString();
    const first = await env.run(acts.completeMeeting, { slotId: slot.id, endedAt, source: 'test' });
    const second = await env.run(acts.completeMeeting, { slotId: slot.id, endedAt: new Date().toISOString(), source: 'test' });
    expect(first).toEqual({ transitioned: true, actualEndTime: endedAt });
    expect(second).toEqual({ transitioned: false, actualEndTime: endedAt });
    expect(await db.meetingLog.count({ where: { slotId: slot.id } })).toBe(1);
  });

  it('refuses an unknown slot, non-retryably', async () => {
    const f = await refusal(env.run(acts.completeMeeting, { slotId: randomUUID(), endedAt: new Date().toISOString(), source: 'test' }));
    expect(f).toMatchObject({ type: 'NOT_FOUND', nonRetryable: true });
  });

  it('refuses a slot that cannot end, non-retryably, and leaves it as it was', async () => {
    const { slot } = await createMentorWithSlot(db, { status: 'CANCELLATION_REQUESTED' });
    const f = await refusal(env.run(acts.completeMeeting, { slotId: slot.id, endedAt: new Date().toISOString(), source: 'test' }));
    expect(f).toMatchObject({ type: 'ILLEGAL_TRANSITION', nonRetryable: true });
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('CANCELLATION_REQUESTED');
  });
});

describe('creditMentorEarnings', () => {
  it('credits once however often it runs, even concurrently', async () => {
    const { slot, mentor } = await createMentorWithSlot(db, { earningPaise: 12_345 });
    await env.run(acts.completeMeeting, { slotId: slot.id, endedAt: new Date().toISOString(), source: 'test' });
    const results: CreditResult[] = await Promise.all(Array.from({ length: 8 }, () => quiet().run(acts.creditMentorEarnings, { slotId: slot.id }) as Promise<CreditResult>));
    expect(results.filter((r) => r.credited)).toHaveLength(1);
    expect(results.every((r) => r.amountPaise === 12_345 && r.balanceAfterPaise === 12_345)).toBe(true);
    expect(await db.mentorTransaction.count({ where: { userId: mentor.id } })).toBe(1);
    expect((await db.mentorEarnings.findUniqueOrThrow({ where: { userId: mentor.id } })).balancePaise).toBe(12_345);
  });

  it('refuses to credit a slot that has not completed', async () => {
    const { slot } = await createMentorWithSlot(db);
    const f = await refusal(env.run(acts.creditMentorEarnings, { slotId: slot.id }));
    expect(f).toMatchObject({ type: 'ILLEGAL_TRANSITION', nonRetryable: true });
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).earningsCredited).toBe(false);
  });
});

describe('settleReview', () => {
  async function underReview() {
    const { slot, student, mentor } = await createMentorWithSlot(db, { status: 'UNDER_REVIEW' });
    await db.token.create({ data: { userId: student.id, balance: 0 } });
    await db.promotionalToken.create({ data: { userId: student.id } });
    await db.tokenUsage.create({
      data: { userId: student.id, slotId: slot.id, type: 'BOOKING', amount: -2, paidAmount: 2, promoAmount: 0, balanceAfter: 0, description: 'test booking', idempotencyKey: `booking:${slot.id}` },
    });
    return { slot, student, mentor };
  }

  it('applies a refund ruling once however often (and concurrently) it runs', async () => {
    const { slot, student, mentor } = await underReview();
    const input = { slotId: slot.id, decision: 'refund' as const, ruledBy: mentor.id };
    const results = await Promise.all(Array.from({ length: 4 }, () => quiet().run(acts.settleReview, input)));
    for (const r of results) expect(r).toEqual({ status: 'CANCELLED', refunded: { paid: 2, promotional: 0 } });
    expect(await db.tokenUsage.count({ where: { slotId: slot.id, type: 'REFUND' } })).toBe(1);
    expect((await db.token.findUniqueOrThrow({ where: { userId: student.id } })).balance).toBe(2);
  });

  it('refuses, non-retryably, a ruling on a slot that is not under review, or the opposite ruling after one applied', async () => {
    const { slot: confirmed, mentor } = await createMentorWithSlot(db);
    expect(await refusal(env.run(acts.settleReview, { slotId: confirmed.id, decision: 'credit' as const, ruledBy: mentor.id }))).toMatchObject({ type: 'CONFLICT', nonRetryable: true });
    const { slot } = await underReview();
    await env.run(acts.settleReview, { slotId: slot.id, decision: 'credit' as const, ruledBy: mentor.id });
    expect(await refusal(env.run(acts.settleReview, { slotId: slot.id, decision: 'refund' as const, ruledBy: mentor.id }))).toMatchObject({ type: 'CONFLICT', nonRetryable: true });
    expect((await db.slot.findUniqueOrThrow({ where: { id: slot.id } })).status).toBe('COMPLETED');
  });
});
