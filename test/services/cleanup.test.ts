// The cleanup tasks on the real database. Rows are dated in 2001 and the tasks run with a `now`
// in 2001, so rows other test files write (dated today) are never in range.
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobActivities } from '../../activities/jobs.activities.js';
import type { ActivityDeps } from '../../activities/deps.js';
import { CLEANUP_TASKS, runCleanupTask } from '../../services/cleanup/tasks.js';
import { createUser } from '../support/auth.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
const now = new Date('2001-06-01T00:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const DAY = 86_400_000;
const ids: Record<string, { stale: string; fresh: string }> = {};

beforeAll(async () => {
  stack = await startTestStack({ worker: false });
  const mentor = (await createUser(stack, 'EXPERT')).user;
  const slot = (start: Date, status: 'TENTATIVE' | 'CONFIRMED' = 'TENTATIVE') =>
    stack.db.slot.create({ data: { mentorId: mentor.id, startDateTime: start, endDateTime: new Date(start.getTime() + 3_600_000), status } });
  const staleSlot = await slot(ago(2 * DAY));
  const freshSlot = await slot(new Date(now.getTime() + DAY));
  await slot(ago(2 * DAY), 'CONFIRMED');
  ids.slots = { stale: staleSlot.id, fresh: freshSlot.id };

  const event = (dispatchedAt: Date | null) =>
    stack.db.crmTriggerEvent.create({ data: { type: 'LEAD_CREATED', leadId: randomUUID(), platform: 'test', payload: {}, dispatchedAt, createdAt: ago(90 * DAY) } });
  ids.outbox = { stale: (await event(ago(40 * DAY))).id, fresh: (await event(ago(5 * DAY))).id };
  await event(null); // never dispatched: the sweeper's job, not ours

  const actionToken = (expiresAt: Date) =>
    stack.db.meetingActionToken.create({ data: { slotId: freshSlot.id, userId: mentor.id, action: 'CANCEL', tokenHash: randomUUID(), expiresAt } });
  ids.actionTokens = { stale: (await actionToken(ago(DAY))).id, fresh: (await actionToken(new Date(now.getTime() + DAY))).id };

  const refresh = (expiresAt: Date, revokedAt?: Date) =>
    stack.db.refreshToken.create({ data: { userId: mentor.id, tokenHash: randomUUID(), familyId: randomUUID(), expiresAt, revokedAt: revokedAt ?? null } });
  const staleRevoked = await refresh(new Date(now.getTime() + 20 * DAY), ago(10 * DAY));
  ids.refresh = { stale: (await refresh(ago(10 * DAY))).id, fresh: (await refresh(ago(2 * DAY))).id };
  ids.refreshRevoked = { stale: staleRevoked.id, fresh: (await refresh(new Date(now.getTime() + 20 * DAY), ago(DAY))).id };

  const recording = (startedAt: Date) =>
    stack.db.meetingRecording.create({ data: { slotId: freshSlot.id, bucket: 'test', objectKey: `cleanup/${randomUUID()}`, startedAt } });
  ids.recordings = { stale: (await recording(ago(2 * DAY))).id, fresh: (await recording(ago(3_600_000))).id };

  const key = `cleanup-test:${randomUUID()}`;
  await stack.db.rateLimitBucket.create({ data: { key: `${key}:old`, count: 3, resetAt: ago(60_000) } });
  await stack.db.rateLimitBucket.create({ data: { key: `${key}:live`, count: 3, resetAt: new Date(now.getTime() + 60_000) } });
  ids.buckets = { stale: `${key}:old`, fresh: `${key}:live` };
});
afterAll(() => stack?.close());

describe('cleanup tasks', () => {
  it('a dry run counts what the real run changes, changes nothing itself, and a second run changes nothing', async () => {
    for (const task of CLEANUP_TASKS) {
      const preview = await runCleanupTask(stack, task, { dryRun: true, now });
      expect(preview.changed, task).toBe(0);
      expect(await runCleanupTask(stack, task, { dryRun: true, now }), task).toEqual(preview);
      const run = await runCleanupTask(stack, task, { dryRun: false, now }, { batchSize: 1 });
      expect(run.changed, task).toBe(preview.matched);
      expect(run.matched, task).toBe(preview.matched);
      expect(await runCleanupTask(stack, task, { dryRun: false, now }), task).toEqual({ task, matched: 0, changed: 0 });
    }
  });

  it('stale rows are expired or pruned and fresh rows are untouched', async () => {
    const db = stack.db;
    expect((await db.slot.findUniqueOrThrow({ where: { id: ids.slots!.stale } })).status).toBe('CANCELLED');
    expect((await db.slot.findUniqueOrThrow({ where: { id: ids.slots!.fresh } })).status).toBe('TENTATIVE');
    expect(await db.crmTriggerEvent.count({ where: { id: { in: [ids.outbox!.stale, ids.outbox!.fresh] } } })).toBe(1);
    expect(await db.crmTriggerEvent.findUnique({ where: { id: ids.outbox!.fresh } })).not.toBeNull();
    expect(await db.meetingActionToken.findUnique({ where: { id: ids.actionTokens!.stale } })).toBeNull();
    expect(await db.meetingActionToken.findUnique({ where: { id: ids.actionTokens!.fresh } })).not.toBeNull();
    for (const k of ['refresh', 'refreshRevoked']) {
      expect(await db.refreshToken.findUnique({ where: { id: ids[k]!.stale } }), k).toBeNull();
      expect(await db.refreshToken.findUnique({ where: { id: ids[k]!.fresh } }), k).not.toBeNull();
    }
    const stale = await db.meetingRecording.findUniqueOrThrow({ where: { id: ids.recordings!.stale } });
    expect(stale.status).toBe('FAILED');
    expect(stale.failureReason).toMatch(/abandoned/);
    expect((await db.meetingRecording.findUniqueOrThrow({ where: { id: ids.recordings!.fresh } })).status).toBe('RECORDING');
    expect(await db.rateLimitBucket.findUnique({ where: { key: ids.buckets!.stale } })).toBeNull();
    expect(await db.rateLimitBucket.findUnique({ where: { key: ids.buckets!.fresh } })).not.toBeNull();
  });

  it('an unknown task is NOT_FOUND', async () => {
    await expect(runCleanupTask(stack, 'drop-everything', { dryRun: true, now })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a retried task (the worker died mid-task) counts on from its last heartbeat, so its figures add up', async () => {
    const mentor = (await createUser(stack, 'EXPERT')).user;
    const slot = await stack.db.slot.create({ data: { mentorId: mentor.id, startDateTime: now, endDateTime: new Date(now.getTime() + 3_600_000), status: 'CONFIRMED' } });
    const tokens = await Promise.all(
      [1, 2, 3].map(() => stack.db.meetingActionToken.create({ data: { slotId: slot.id, userId: mentor.id, action: 'CANCEL', tokenHash: randomUUID(), expiresAt: ago(DAY) } })),
    );
    // The first attempt deleted 5 rows (its last heartbeat said so) before its worker was killed.
    const env = new MockActivityEnvironment({ heartbeatDetails: 5, attempt: 2 });
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const acts = createJobActivities({ db: stack.db, now: () => now } as unknown as ActivityDeps);
    const result = await env.run(acts.runCleanupTaskActivity, { task: 'prune-meeting-action-tokens', settings: { batchSize: 1 } });
    expect(result).toEqual({ task: 'prune-meeting-action-tokens', matched: 8, changed: 8 });
    expect(beats).toEqual([6, 7, 8, 8]);
    expect(await stack.db.meetingActionToken.count({ where: { id: { in: tokens.map((t) => t.id) } } })).toBe(0);
    // A first attempt (no heartbeat yet) counts from zero; a nonsense heartbeat is ignored.
    const fresh = new MockActivityEnvironment({ heartbeatDetails: 'garbage' });
    expect(await fresh.run(acts.runCleanupTaskActivity, { task: 'prune-meeting-action-tokens', settings: {} })).toEqual({ task: 'prune-meeting-action-tokens', matched: 0, changed: 0 });
  });
});
