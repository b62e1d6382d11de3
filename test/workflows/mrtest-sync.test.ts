// A Mr Test sync end to end on the same shared engine as Mr Learn: a full sync fills the four
// mrtest tables (submissions under their student and exam, one report per submission), a rerun
// counts everything unchanged, rows changed between runs count as updated, and a 503 burst with
// an expired token is ridden out. The Schedule is sync/mrtest/<configId>.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncScheduleId } from '../../domain/sync/systems.js';
import { startMrTestSimulator, type MrTestSimulator } from '../../providers/mrtest/simulator.js';
import type { SyncSettings } from '../../services/sync/settings.js';
import { apiCaller, createUser } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const CLIENT = { clientId: 'mas-mrtest-test', clientSecret: 'mrtest-test-secret-0123' };
const SETTINGS: SyncSettings = { allowHttpBaseUrl: true, pageSize: 300, pagesPerActivity: 3, activitiesPerRun: 4, backoffBaseMs: 5, heartbeatTimeoutSeconds: 5, httpTimeoutMs: 5_000 };
const RESOURCES = ['online_exams', 'students', 'submissions', 'submission_reports'] as const;

let sim: MrTestSimulator;
let stack: TestStack;
let call: ReturnType<typeof apiCaller>;
let admin: string;
let configId: string;
let totals: Record<string, number>;

interface Run {
  status: string;
  mode: string;
  fetched: number;
  inserted: number;
  updated: number;
  unchanged: number;
  failed: number;
  workflowId: string;
  resources: Record<string, { inserted: number; updated: number; unchanged: number; fetched: number }>;
}

async function runOnce(body: { full?: boolean } = {}): Promise<Run> {
  const list = async () => ((await call(admin, 'GET', `/api/admin/sync/mrtest/runs?configId=${configId}&limit=100`)).body.items as Run[]).filter((r) => r.status !== 'RUNNING');
  const before = (await list()).length;
  expect((await until(() => call(admin, 'POST', `/api/admin/sync/mrtest/configs/${configId}/trigger`, body), (r) => r.status !== 409, 10_000, 200)).status).toBe(202);
  const runs = await until(list, (r) => r.length > before, 60_000, 200);
  await until(() => call(admin, 'GET', `/api/admin/sync/mrtest/configs/${configId}`), (r) => (r.body.schedule?.runningWorkflowIds ?? []).length === 0, 20_000, 200);
  return runs[0]!;
}

beforeAll(async () => {
  sim = await startMrTestSimulator({ students: 1_000, exams: 12, clients: [CLIENT] });
  stack = await startTestStack({ config: { sync: SETTINGS } });
  call = apiCaller(stack);
  admin = (await createUser(stack, 'ADMIN')).accessToken;
  totals = Object.fromEntries(RESOURCES.map((r) => [r, sim.rowCount(r)]));
  const creds = await call(admin, 'POST', '/api/admin/sync/mrtest/credentials', { name: 'mr test tenant', baseUrl: sim.baseUrl, ...CLIENT });
  expect(creds.status).toBe(201);
  const config = await call(admin, 'POST', '/api/admin/sync/mrtest/configs', { name: 'mr test nightly', authCredentialsId: creds.body.id, cronExpression: '0 1 * * *', timezone: 'Asia/Kolkata' });
  expect(config.status).toBe(201);
  configId = config.body.id as string;
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await sim?.close();
});

describe('mr test sync', { timeout: 180_000 }, () => {
  it('a full sync fills the four tables, children placed under their parents', async () => {
    const run = await runOnce();
    expect(run).toMatchObject({ status: 'SUCCEEDED', mode: 'full', updated: 0, unchanged: 0, failed: 0 });
    for (const r of RESOURCES) expect(run.resources[r]).toMatchObject({ inserted: totals[r], fetched: totals[r] });
    expect(run.workflowId.startsWith(`${syncScheduleId('mrtest', configId)}-`)).toBe(true);
    expect(await stack.db.mrTestStudent.count({ where: { syncConfigId: configId } })).toBe(totals.students);
    expect(await stack.db.mrTestSubmission.count({ where: { syncConfigId: configId } })).toBe(totals.submissions);
    const sub = await stack.db.mrTestSubmission.findFirstOrThrow({ where: { syncConfigId: configId, externalId: 'sub_000010_0' } });
    const student = await stack.db.mrTestStudent.findUniqueOrThrow({ where: { id: sub.studentId } });
    expect(student.externalId).toBe('stu_000010');
    const report = await stack.db.mrTestSubmissionReport.findUniqueOrThrow({ where: { submissionId: sub.id } });
    expect((report.report as { submission_id: string }).submission_id).toBe('sub_000010_0');
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/mrtest-sync.json', historyToJSON(await stack.temporal.workflow.getHandle(run.workflowId).fetchHistory()));
  });

  it('a full rerun counts every row unchanged', async () => {
    const run = await runOnce({ full: true });
    const all = RESOURCES.reduce((n, r) => n + totals[r]!, 0);
    expect(run).toMatchObject({ status: 'SUCCEEDED', inserted: 0, updated: 0, unchanged: all, fetched: all });
  });

  it('changed rows, through a 503 burst and an expired token, count as updated', async () => {
    sim.bumpGeneration(2);
    sim.expireTokens();
    sim.failNext(3, { status: 503 });
    const run = await runOnce();
    expect(run).toMatchObject({ status: 'SUCCEEDED', mode: 'incremental', inserted: 0, unchanged: 0 });
    for (const r of RESOURCES) expect(run.resources[r]).toMatchObject({ updated: sim.changedIn(r, 1), fetched: sim.changedIn(r, 1) });
  });
});
