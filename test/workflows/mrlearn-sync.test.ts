// A Mr Learn sync end to end on the real stack: credentials and a config through the admin api,
// runs triggered through the config's Schedule, the mrLearnSync workflow paging the simulator
// over HTTP with the real client. A full sync fills the tables; a rerun counts everything
// unchanged; rows changed between runs count as updated (incremental and full); 429s, 5xx and an
// expired token are ridden out; a client that lost access fails the run clearly and pauses the
// config and its Schedule; a worker killed mid-run ends with exact counts and no duplicates.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncScheduleId } from '../../domain/sync/systems.js';
import { startMrLearnSimulator, type MrLearnSimulator } from '../../providers/mrlearn/simulator.js';
import type { SyncSettings } from '../../services/sync/settings.js';
import { apiCaller, createUser } from '../support/auth.js';
import { runCrashingWorker } from '../support/crashing-worker.js';
import { sleep, until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const LEARNERS = 1_500;
const COURSES = 20;
const CLIENTS = [
  { clientId: 'mas-sync-test', clientSecret: 'sync-test-secret-0123' },
  { clientId: 'mas-sync-revoked', clientSecret: 'sync-revoked-secret-0123' },
  { clientId: 'mas-sync-crash', clientSecret: 'sync-crash-secret-0123' },
];
const SETTINGS: SyncSettings = { allowHttpBaseUrl: true, pageSize: 250, pagesPerActivity: 2, activitiesPerRun: 3, backoffBaseMs: 5, maxRetryAfterSeconds: 5, heartbeatTimeoutSeconds: 5, httpTimeoutMs: 5_000 };

let sim: MrLearnSimulator;
let stack: TestStack;
let call: ReturnType<typeof apiCaller>;
let admin: string;
let adminId: string;
let totals: Record<string, number>;

interface Run {
  id: string;
  status: string;
  mode: string;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  error: string | null;
  resources: Record<string, { inserted: number; updated: number; unchanged: number; fetched: number; failed: number; pages: number }>;
  workflowId: string;
  trigger: string;
  triggeredById: string | null;
}

async function setUp(clientIdx: number, name: string) {
  const creds = await call(admin, 'POST', '/api/admin/sync/mrlearn/credentials', { name, baseUrl: sim.baseUrl, ...CLIENTS[clientIdx] });
  expect(creds.status).toBe(201);
  const config = await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', { name, authCredentialsId: creds.body.id, intervalMinutes: 720 });
  expect(config.status).toBe(201);
  return { credentialsId: creds.body.id as string, configId: config.body.id as string };
}

async function finishedRuns(s: TestStack, configId: string): Promise<Run[]> {
  const res = await apiCaller(s)(admin, 'GET', `/api/admin/sync/mrlearn/runs?configId=${configId}&limit=100`);
  return (res.body.items as Run[]).filter((r) => r.status !== 'RUNNING');
}

/** Triggers through the Schedule and waits for the run to finish. */
async function runOnce(configId: string, body: { full?: boolean } = {}): Promise<Run> {
  const before = (await finishedRuns(stack, configId)).length;
  const triggered = await until(() => call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${configId}/trigger`, body), (r) => r.status !== 409, 10_000, 200);
  expect(triggered.status).toBe(202);
  const runs = await until(() => finishedRuns(stack, configId), (r) => r.length > before, 60_000, 200);
  // Wait until the Schedule no longer lists it as running, so the next trigger is not refused.
  await until(() => call(admin, 'GET', `/api/admin/sync/mrlearn/configs/${configId}`), (r) => (r.body.schedule?.runningWorkflowIds ?? []).length === 0, 20_000, 200);
  return runs[0]!;
}

const tableCounts = async (configId: string) => ({
  courses: await stack.db.mrLearnCourse.count({ where: { syncConfigId: configId } }),
  learners: await stack.db.mrLearnLearner.count({ where: { syncConfigId: configId } }),
  learner_reports: Number((await stack.db.$queryRawUnsafe<{ n: bigint }[]>('SELECT count(*) AS n FROM "mrlearn"."learner_reports" r JOIN "mrlearn"."learners" l ON l."id" = r."learnerId" WHERE l."syncConfigId" = $1::uuid', configId))[0]!.n),
});

beforeAll(async () => {
  sim = await startMrLearnSimulator({ learners: LEARNERS, courses: COURSES, clients: CLIENTS });
  stack = await startTestStack({ config: { sync: SETTINGS } });
  call = apiCaller(stack);
  const adminUser = await createUser(stack, 'ADMIN');
  admin = adminUser.accessToken;
  adminId = adminUser.user.id;
  totals = { courses: sim.rowCount('courses'), learners: sim.rowCount('learners'), learner_reports: sim.rowCount('learner_reports') };
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await sim?.close();
});

describe('mr learn sync', { timeout: 180_000 }, () => {
  let configId: string;
  let credentialsId: string;

  it('a full sync fills every table from the simulator, continuing as new on the way', async () => {
    ({ configId, credentialsId } = await setUp(0, 'main tenant'));
    const run = await runOnce(configId);
    expect(run).toMatchObject({ status: 'SUCCEEDED', mode: 'full', updated: 0, unchanged: 0, failed: 0, error: null, trigger: 'MANUAL', triggeredById: adminId });
    const all = totals.courses! + totals.learners! + totals.learner_reports!;
    expect(run.inserted).toBe(all);
    expect(run.fetched).toBe(all);
    for (const r of ['courses', 'learners', 'learner_reports']) expect(run.resources[r]).toMatchObject({ inserted: totals[r], fetched: totals[r] });
    expect(await tableCounts(configId)).toEqual(totals);

    const learner = await stack.db.mrLearnLearner.findFirstOrThrow({ where: { syncConfigId: configId, externalId: 'lrn_000042' } });
    expect(learner.email).toMatch(/^[a-z]+\.[a-z]+\.42@learners\.example$/);
    const raw = learner.raw as { id: string; last_active_at: string; updated_at: string };
    expect(raw.id).toBe('lrn_000042');
    // Instants land in the timestamp(3) columns as UTC.
    expect(learner.lastActiveAt!.toISOString()).toBe(raw.last_active_at);
    expect(learner.externalUpdatedAt!.toISOString()).toBe(raw.updated_at);
    const config = await call(admin, 'GET', `/api/admin/sync/mrlearn/configs/${configId}`);
    expect(Object.keys(config.body.watermarks as object).sort()).toEqual(['courses', 'learner_reports', 'learners']);
    expect(config.body).toMatchObject({ lockedUntil: null, enabled: true });
    expect(config.body.lastSuccessAt).not.toBeNull();

    // The run went through the Schedule and continued as new (3 activities per run, 2 pages each).
    expect(run.workflowId.startsWith(`${syncScheduleId('mrlearn', configId)}-`)).toBe(true);
    const history = await stack.temporal.workflow.getHandle(run.workflowId).describe();
    expect(history.status.name).toBe('COMPLETED');
    const first = config.body.schedule.recentActions[0].workflowId as string;
    expect(first).toBe(run.workflowId);
    const runs = [];
    for await (const w of stack.temporal.workflow.list({ query: `WorkflowId = "${run.workflowId}"` })) runs.push(w.status.name);
    expect(runs.filter((s) => s === 'CONTINUED_AS_NEW').length).toBeGreaterThanOrEqual(2);
    if (process.env.RECORD_HISTORIES === '1') {
      const described = await stack.temporal.schedule.getHandle(syncScheduleId('mrlearn', configId)).describe();
      const firstRunId = described.info.recentActions[0]!.action.workflow.firstExecutionRunId;
      writeFileSync('test/replay/histories/mrlearn-sync-continue-as-new.json', historyToJSON(await stack.temporal.workflow.getHandle(run.workflowId, firstRunId).fetchHistory()));
      // Since the reminders step (patched 'mrlearn-reminders'); mrlearn-sync.json is the history from before it.
      writeFileSync('test/replay/histories/mrlearn-sync-reminders.json', historyToJSON(await stack.temporal.workflow.getHandle(run.workflowId).fetchHistory()));
    }
  });

  it('a full rerun counts every row unchanged and rewrites none', async () => {
    const before = await stack.db.mrLearnLearner.findFirstOrThrow({ where: { syncConfigId: configId, externalId: 'lrn_000007' } });
    const run = await runOnce(configId, { full: true });
    const all = totals.courses! + totals.learners! + totals.learner_reports!;
    expect(run).toMatchObject({ status: 'SUCCEEDED', mode: 'full', inserted: 0, updated: 0, failed: 0, unchanged: all, fetched: all });
    const after = await stack.db.mrLearnLearner.findFirstOrThrow({ where: { syncConfigId: configId, externalId: 'lrn_000007' } });
    expect(after.updatedAt).toEqual(before.updatedAt);
    expect(await tableCounts(configId)).toEqual(totals);
  });

  it('rows changed between runs: an incremental run fetches and updates only those; a full run then finds all unchanged', async () => {
    sim.bumpGeneration(3);
    const changed = { courses: sim.changedIn('courses', 1), learners: sim.changedIn('learners', 1), learner_reports: sim.changedIn('learner_reports', 1) };
    expect(changed.learners).toBeGreaterThan(10);
    const run = await runOnce(configId);
    expect(run.mode).toBe('incremental');
    for (const r of ['courses', 'learners', 'learner_reports'] as const) expect(run.resources[r]).toMatchObject({ fetched: changed[r], updated: changed[r], inserted: 0, unchanged: 0 });
    expect(run.status).toBe('SUCCEEDED');
    const full = await runOnce(configId, { full: true });
    expect(full).toMatchObject({ inserted: 0, updated: 0, unchanged: totals.courses! + totals.learners! + totals.learner_reports! });
  });

  it('each run says who started it: MANUAL with the admin for a trigger, BACKFILL for every action of a backfill', async () => {
    const manual = await runOnce(configId);
    expect(manual).toMatchObject({ trigger: 'MANUAL', triggeredById: adminId });
    // The request was claimed by that run.
    expect((await stack.db.mrLearnSyncConfig.findUniqueOrThrow({ where: { id: configId } })).manualRunRequest).toBeNull();
    const before = (await finishedRuns(stack, configId)).length;
    // A 24 h window holds exactly two actions of a 12-hourly Schedule; they run one after another.
    const to = new Date(Date.now() - 3_600_000);
    const from = new Date(to.getTime() - 24 * 3_600_000 + 1);
    expect((await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${configId}/backfill`, { from: from.toISOString(), to: to.toISOString() })).status).toBe(202);
    const runs = await until(() => finishedRuns(stack, configId), (r) => r.length >= before + 2, 60_000, 200);
    await until(() => call(admin, 'GET', `/api/admin/sync/mrlearn/configs/${configId}`), (r) => (r.body.schedule?.runningWorkflowIds ?? []).length === 0, 20_000, 200);
    const backfilled = (await finishedRuns(stack, configId)).slice(0, (await finishedRuns(stack, configId)).length - before);
    expect(backfilled.map((r) => r.trigger)).toEqual(['BACKFILL', 'BACKFILL']);
    for (const r of backfilled) expect(r).toMatchObject({ status: 'SUCCEEDED', triggeredById: adminId, inserted: 0 });
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/mrlearn-sync-backfill.json', historyToJSON(await stack.temporal.workflow.getHandle(backfilled[0]!.workflowId).fetchHistory()));
    expect(runs.length).toBe(before + 2);
  });

  it('429s (Retry-After honoured), 5xx and an expired token are ridden out: the run still succeeds', async () => {
    const tokenBefore = await stack.db.mrLearnAuthCredentials.findUniqueOrThrow({ where: { id: credentialsId } });
    sim.bumpGeneration(2);
    const changedLearners = sim.changedIn('learners', 2);
    sim.expireTokens();
    sim.failNext(2, { status: 429, retryAfterSeconds: 1 });
    const started = Date.now();
    const run = await runOnce(configId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
    expect(run.status).toBe('SUCCEEDED');
    expect(run.resources.learners).toMatchObject({ updated: changedLearners, inserted: 0 });
    sim.failNext(4, { status: 503 });
    const again = await runOnce(configId, { full: true });
    expect(again).toMatchObject({ status: 'SUCCEEDED', inserted: 0, updated: 0 });
    const tokenAfter = await stack.db.mrLearnAuthCredentials.findUniqueOrThrow({ where: { id: credentialsId } });
    expect(tokenAfter.accessTokenCiphertext).not.toBe(tokenBefore.accessTokenCiphertext);
    expect(sim.counts().byStatus).toMatchObject({ 401: expect.any(Number), 429: expect.any(Number), 503: expect.any(Number) });
  });

  it('a client that lost access fails the run clearly, and pauses the config and its Schedule', async () => {
    const { configId: id, credentialsId: creds } = await setUp(1, 'revoked tenant');
    sim.revokeClient(CLIENTS[1]!.clientId);
    const run = await runOnce(id);
    expect(run.status).toBe('FAILED');
    expect(run.error).toMatch(/Mr Learn refused the client credentials of client mas-sync-revoked/);
    const wf = await stack.temporal.workflow.getHandle(run.workflowId).describe();
    expect(wf.status.name).toBe('FAILED');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/mrlearn-sync-failed.json', historyToJSON(await stack.temporal.workflow.getHandle(run.workflowId).fetchHistory()));
    const config = await until(() => call(admin, 'GET', `/api/admin/sync/mrlearn/configs/${id}`), (r) => r.body.schedule?.paused === true);
    expect(config.body.enabled).toBe(false);
    expect(config.body.lockedUntil).toBeNull();
    expect((await call(admin, 'GET', `/api/admin/sync/mrlearn/credentials/${creds}`)).body.lastAuthError).toMatch(/refused the client credentials/);
    expect((await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${id}/trigger`, {})).status).toBe(409);
    // Nothing was half-written for it.
    expect(await stack.db.mrLearnLearner.count({ where: { syncConfigId: id } })).toBe(0);
  });
});

describe('mr learn sync, worker killed mid-run', { timeout: 180_000 }, () => {
  it('a new worker resumes from the committed cursor: exact counts, no duplicates', async () => {
    const crashStack = await startTestStack({ worker: false, config: { sync: SETTINGS } });
    try {
      const c = apiCaller(crashStack);
      const token = (await createUser(crashStack, 'ADMIN')).accessToken;
      const creds = await c(token, 'POST', '/api/admin/sync/mrlearn/credentials', { name: 'crash tenant', baseUrl: sim.baseUrl, ...CLIENTS[2] });
      const config = await c(token, 'POST', '/api/admin/sync/mrlearn/configs', { name: 'crash tenant', authCredentialsId: creds.body.id, intervalMinutes: 720 });
      const configId = config.body.id as string;
      // Dies after its third pages activity committed (courses: one page; learners: four pages), before Temporal hears of it.
      const doomed = runCrashingWorker(crashStack.taskQueue, 'syncRunPagesActivity', undefined, { CRASH_AFTER_CALLS: '3', SYNC_SETTINGS: JSON.stringify(SETTINGS) });
      await doomed.ready;
      expect((await c(token, 'POST', `/api/admin/sync/mrlearn/configs/${configId}/trigger`, {})).status).toBe(202);
      expect(await doomed.exited).toBe('SIGKILL');
      const mid = await crashStack.db.mrLearnSyncRun.findFirstOrThrow({ where: { syncConfigId: configId } });
      expect(mid.status).toBe('RUNNING');
      expect(mid.fetchedCount).toBe(totals.courses! + 4 * 250);
      await sleep(200);
      await crashStack.startWorker();
      const run = await until(() => crashStack.db.mrLearnSyncRun.findFirstOrThrow({ where: { syncConfigId: configId } }), (r) => r.status !== 'RUNNING', 90_000, 250);
      const all = totals.courses! + totals.learners! + totals.learner_reports!;
      expect(run).toMatchObject({ status: 'SUCCEEDED', fetchedCount: all, createdCount: all, updatedCount: 0, failedCount: 0 });
      expect((run.stats as { unchanged: number }).unchanged).toBe(0);
      expect(await crashStack.db.mrLearnLearner.count({ where: { syncConfigId: configId } })).toBe(totals.learners);
      expect(await crashStack.db.mrLearnCourse.count({ where: { syncConfigId: configId } })).toBe(totals.courses);
    } finally {
      await crashStack.close();
    }
  });
});
