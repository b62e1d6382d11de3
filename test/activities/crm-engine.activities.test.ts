// The enrollment row writes (syncEnrollment) on their own, run as Temporal would run them
// (MockActivityEnvironment) against the real database: every status change is an edge of the
// domain lifecycle, a retried write is a no-op, and an ended enrollment never moves again.
import { randomUUID } from 'node:crypto';
import { MockActivityEnvironment } from '@temporalio/testing';
import { DefaultLogger } from '@temporalio/worker';
import { ApplicationFailure } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createCrmEngineActivities, type EnrollmentPatch } from '../../activities/crm-engine.activities.js';
import { createLogger } from '../../infra/logger.js';
import { createPrisma, type Db } from '../../infra/prisma.js';
import type { WorkflowEnrollmentStatus } from '../../domain/workflow-enrollment/status.js';
import { disabledWhatsApp } from '../../providers/whatsapp/index.js';
import { unreachableEmail, unreachableObjectStore, unreachableRazorpay, unusedHireDeps, unusedLeegalityDeps } from '../support/static-app.js';

let db: Db;
let acts: ReturnType<typeof createCrmEngineActivities>;
let crmWorkflowId: string;
// Refusals are expected here; the SDK would log each one as a failed activity.
const env = new MockActivityEnvironment(undefined, { logger: new DefaultLogger('ERROR', () => {}) });

beforeAll(async () => {
  db = createPrisma(inject('databaseUrl'), 5);
  acts = createCrmEngineActivities({ db, logger: createLogger('silent'), now: () => new Date(), temporal: {} as never, taskQueue: 'unused', razorpay: unreachableRazorpay(), s3: unreachableObjectStore(), resumes: unreachableObjectStore(), documents: unreachableObjectStore(), whatsapp: disabledWhatsApp(), email: unreachableEmail(), ...unusedHireDeps(), ...unusedLeegalityDeps() });
  const definition = { nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'e', type: 'end' }], edges: [{ from: 't', to: 'e' }] };
  crmWorkflowId = (await db.crmWorkflow.create({ data: { name: `Rows ${randomUUID().slice(0, 8)}`, status: 'PUBLISHED', triggerType: 'MANUAL', definition, version: 1, platform: 'mr-mentor' } })).id;
  await db.crmWorkflowVersion.create({ data: { workflowId: crmWorkflowId, version: 1, definition } });
});
afterAll(() => db.$disconnect());

async function enrollmentIn(status: WorkflowEnrollmentStatus) {
  const e = await db.workflowEnrollment.create({ data: { workflowId: crmWorkflowId, definitionVersion: 1, subjectType: 'RAW_LEAD', subjectId: randomUUID(), status, currentNodeId: 'wait' } });
  return e.id;
}
const sync = (p: EnrollmentPatch) => env.run(acts.syncEnrollment, p);
const statusOf = async (id: string) => (await db.workflowEnrollment.findUniqueOrThrow({ where: { id } })).status;

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('syncEnrollment', () => {
  it('refuses, without retries and without writing, a change the lifecycle does not have', async () => {
    const id = await enrollmentIn('PAUSED');
    const err = await refusal(sync({ enrollmentId: id, status: 'WAITING', waitingUntil: new Date().toISOString(), delay: { nodeId: 'wait', nodeType: 'delay.duration', visit: 1, phase: 'waiting' } }));
    expect(err).toMatchObject({ type: 'ILLEGAL_TRANSITION', nonRetryable: true });
    expect(err.message).toContain('PAUSED to WAITING');
    expect(await statusOf(id)).toBe('PAUSED');
    expect(await db.workflowNodeRun.count({ where: { enrollmentId: id } })).toBe(0);
  });

  it('writes the edges the engine needs beyond the seed: a pause or cancel mid-delay, a cancel while paused', async () => {
    const waiting = await enrollmentIn('WAITING');
    await sync({ enrollmentId: waiting, status: 'PAUSED', paused: { at: new Date().toISOString(), by: null, reason: 'call first' }, remainingDelayMs: 1234 });
    expect(await db.workflowEnrollment.findUniqueOrThrow({ where: { id: waiting } })).toMatchObject({ status: 'PAUSED', pauseReason: 'call first', resumeRemainingDelayMs: 1234n });
    await sync({ enrollmentId: waiting, status: 'CANCELLED', ended: true });
    expect(await statusOf(waiting)).toBe('CANCELLED');
    const other = await enrollmentIn('WAITING');
    await sync({ enrollmentId: other, status: 'CANCELLED', ended: true });
    expect(await statusOf(other)).toBe('CANCELLED');
  });

  it('a retried write is a no-op, and a late write to an ended enrollment is dropped', async () => {
    const id = await enrollmentIn('ACTIVE');
    const patch: EnrollmentPatch = { enrollmentId: id, status: 'WAITING', waitingUntil: new Date(Date.now() + 60_000).toISOString(), delay: { nodeId: 'wait', nodeType: 'delay.duration', visit: 1, phase: 'waiting' } };
    await sync(patch);
    await sync(patch);
    expect(await statusOf(id)).toBe('WAITING');
    await sync({ enrollmentId: id, status: 'CANCELLED', ended: true });
    await sync({ enrollmentId: id, status: 'FAILED', lastError: 'late', ended: true });
    expect(await db.workflowEnrollment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CANCELLED', lastError: null });
  });
});
