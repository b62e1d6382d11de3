// End to end on the real stack: a Mr Learn sync from the simulator (admin api → Schedule →
// mrLearnSync), then a batch mapped to a synced course shows its members' synced progress to staff
// and to the student — one member matched by the userId the sync stored, one (signed up after the
// sync) by email — and the run's reminders step mailed the idle member once and not the active one.
// Learner indices above 1 500 keep the emails apart from the other sync tests' simulators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coursesOfLearner, mrLearnCollections, mrLearnCourseId, startMrLearnSimulator, type MrLearnSimulator } from '../../providers/mrlearn/simulator.js';
import type { SyncSettings } from '../../services/sync/settings.js';
import { apiCaller, createUser } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

const LEARNERS = 1_560;
const COURSES = 6;
const FROM = 1_500;
const CLIENT = { clientId: 'mas-batch-progress', clientSecret: 'batch-progress-secret-0123' };
const SETTINGS: SyncSettings = { allowHttpBaseUrl: true, pageSize: 500, pagesPerActivity: 4, activitiesPerRun: 20, backoffBaseMs: 5, maxRetryAfterSeconds: 5, heartbeatTimeoutSeconds: 10, httpTimeoutMs: 5_000 };
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));

let sim: MrLearnSimulator;
let stack: TestStack;
let call: ReturnType<typeof apiCaller>;
let admin: string;

beforeAll(async () => {
  sim = await startMrLearnSimulator({ learners: LEARNERS, courses: COURSES, clients: [CLIENT], today });
  stack = await startTestStack({ config: { sync: SETTINGS } });
  call = apiCaller(stack);
  admin = (await createUser(stack, 'ADMIN')).accessToken;
}, 60_000);
afterAll(async () => {
  await stack?.close();
  await sim?.close();
});

const [, learnersCol, reportsCol] = mrLearnCollections({ learners: LEARNERS, courses: COURSES, today });
interface SimReport {
  course_id: string;
  progress_percent: number;
  completed_lessons: number;
  total_lessons: number;
  last_activity_at: string | null;
}
/** Learner i's email and its report in its first course, as the simulator serves them. */
function simLearner(i: number) {
  const email = (learnersCol!.row(i, 0, today.toISOString()) as { email: string }).email;
  const report = reportsCol!.row(i * 3, 0, today.toISOString()) as unknown as SimReport;
  return { i, email, report, course: coursesOfLearner(i, COURSES)[0]! };
}
const ageDays = (r: SimReport) => (r.last_activity_at ? (today.getTime() - Date.parse(r.last_activity_at)) / 86_400_000 : -1);
const incomplete = (r: SimReport) => r.completed_lessons > 0 && r.completed_lessons < r.total_lessons;

describe('mr learn progress in the batch, from a real sync', { timeout: 120_000 }, () => {
  it('shows the synced progress to staff and the student and mails the idle member once', async () => {
    const pool = Array.from({ length: LEARNERS - FROM }, (_, k) => simLearner(FROM + k));
    // Two learners in the same first course: one idle ≥ 10 days, one active within the last 2.
    const isIdle = (l: ReturnType<typeof simLearner>) => incomplete(l.report) && ageDays(l.report) >= 10;
    const isActive = (l: ReturnType<typeof simLearner>) => incomplete(l.report) && ageDays(l.report) >= 0 && ageDays(l.report) <= 2;
    const idle = pool.find((l) => isIdle(l) && pool.some((o) => o.course === l.course && isActive(o)))!;
    expect(idle, 'the simulator has an idle and an active learner in one course').toBeTruthy();
    const active = pool.find((o) => o.course === idle.course && isActive(o))!;

    // The idle member signs up before the sync (the sync stores their userId); the active one after it.
    const a = await createUser(stack, 'USER');
    await stack.db.user.update({ where: { id: a.user.id }, data: { email: idle.email } });

    const creds = await call(admin, 'POST', '/api/admin/sync/mrlearn/credentials', { name: 'batch progress', baseUrl: sim.baseUrl, ...CLIENT });
    expect(creds.status).toBe(201);
    const config = await call(admin, 'POST', '/api/admin/sync/mrlearn/configs', { name: 'batch progress', authCredentialsId: creds.body.id, intervalMinutes: 720 });
    expect(config.status).toBe(201);
    const configId = config.body.id as string;
    expect((await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${configId}/trigger`, {})).status).toBe(202);
    const runs = await until(() => call(admin, 'GET', `/api/admin/sync/mrlearn/runs?configId=${configId}`), (r) => (r.body.items as { status: string }[]).some((x) => x.status !== 'RUNNING'), 60_000, 250);
    expect(runs.body.items[0]).toMatchObject({ status: 'SUCCEEDED' });

    const b = await createUser(stack, 'USER');
    await stack.db.user.update({ where: { id: b.user.id }, data: { email: active.email.toUpperCase() } });
    const batch = await stack.db.batch.create({ data: { code: `E2E-${Date.now()}`, name: 'E2E batch', status: 'ACTIVE' } });
    for (const u of [a, b]) await stack.db.application.create({ data: { userId: u.user.id, batchId: batch.id, status: 'ENROLLED', name: u.user.name, email: u.email } });
    const externalId = mrLearnCourseId(idle.course);
    expect((await call(admin, 'POST', `/api/admin/batches/${batch.id}/mr-learn-courses`, { mrLearnCourseId: externalId })).status).toBe(201);

    const page = await call(admin, 'GET', `/api/admin/batches/${batch.id}/mr-learn-progress`);
    expect(page.status).toBe(200);
    const rowOf = (userId: string) => page.body.items.find((r: { userId: string }) => r.userId === userId);
    expect(rowOf(a.user.id)).toMatchObject({ mrLearnCourseId: externalId, matchedBy: 'userId', progressPercent: idle.report.progress_percent, completedLessons: idle.report.completed_lessons, lastActivityAt: idle.report.last_activity_at });
    expect(rowOf(b.user.id)).toMatchObject({ mrLearnCourseId: externalId, matchedBy: 'email', progressPercent: active.report.progress_percent });
    const mine = await call(a.accessToken, 'GET', `/api/me/batches/${batch.id}/mr-learn-progress`);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({ userId: a.user.id, progressPercent: idle.report.progress_percent });

    // The batch was mapped after this run, so its reminders step had nobody to mail; the next run's does.
    expect(await stack.db.mrLearnReminderLog.count({ where: { batchId: batch.id } })).toBe(0);
    const before = (await call(admin, 'GET', `/api/admin/sync/mrlearn/runs?configId=${configId}`)).body.items.length as number;
    await until(() => call(admin, 'GET', `/api/admin/sync/mrlearn/configs/${configId}`), (r) => (r.body.schedule?.runningWorkflowIds ?? []).length === 0, 20_000, 200);
    expect((await call(admin, 'POST', `/api/admin/sync/mrlearn/configs/${configId}/trigger`, {})).status).toBe(202);
    await until(() => call(admin, 'GET', `/api/admin/sync/mrlearn/runs?configId=${configId}`), (r) => (r.body.items as { status: string }[]).filter((x) => x.status !== 'RUNNING').length > before, 60_000, 250);
    const logs = await until(() => stack.db.mrLearnReminderLog.findMany({ where: { batchId: batch.id } }), (rows) => rows.length > 0 && rows.every((r) => r.status !== 'PENDING'), 30_000, 250);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ status: 'SENT', recipient: idle.email, reminderType: 'inactive_7d' });
    expect(stack.emailSim.messages({ to: idle.email })).toHaveLength(1);
    expect(stack.emailSim.messages({ to: active.email })).toHaveLength(0);
  });
});
