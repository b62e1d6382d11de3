// The background jobs on the real stack: the cleanup and KPI workflows, their Schedules (ensured
// at startup, concurrently), the cleanup admin routes, and the dashboards read from the rollups.
// KPI rows are dated on a day in 2002 that no other test writes, and the cleanup workflow only
// runs tasks whose rows no other test depends on.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { istDayOf } from '../../domain/kpi/metrics.js';
import { ensureSchedules } from '../../services/schedules/ensure.js';
import { jobScheduleDefinitions } from '../../services/schedules/job-schedules.js';
import { DEFAULT_CLEANUP_SETTINGS } from '../../services/cleanup/tasks.js';
import { rollupKpiDay } from '../../services/kpi/rollup.js';
import { apiCaller, createUser } from '../support/auth.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let call: ReturnType<typeof apiCaller>;
let admin: string;

beforeAll(async () => {
  stack = await startTestStack({ worker: true });
  call = apiCaller(stack);
  admin = (await createUser(stack, 'ADMIN')).accessToken;
});
afterAll(() => stack?.close());

describe('cleanup', () => {
  it('previews a task without changing anything, and runs tasks now through the workflow', async () => {
    const key = `jobs-test:${randomUUID()}`;
    await stack.db.rateLimitBucket.create({ data: { key, count: 9, resetAt: new Date(Date.now() - 60_000) } });
    const preview = await call(admin, 'POST', '/api/cleanup/tasks/trim-rate-limit-buckets/preview');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ task: 'trim-rate-limit-buckets', changed: 0 });
    expect(preview.body.matched).toBeGreaterThanOrEqual(1);
    expect(await stack.db.rateLimitBucket.count({ where: { key } })).toBe(1);

    // Two admins at once join one run (one workflow id), and both get its counts.
    const [a, b] = await Promise.all([
      call(admin, 'POST', '/api/cleanup/run', { tasks: ['trim-rate-limit-buckets'] }),
      call(admin, 'POST', '/api/cleanup/run', { tasks: ['trim-rate-limit-buckets'] }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.workflowId).toBe('cleanup/run/trim-rate-limit-buckets');
    expect(b.body.workflowId).toBe(a.body.workflowId);
    expect(a.body.results[0].changed).toBeGreaterThanOrEqual(1);
    expect(b.body.results).toEqual(a.body.results);
    expect(await stack.db.rateLimitBucket.count({ where: { key } })).toBe(0);
    const handle = stack.temporal.workflow.getHandle(a.body.workflowId);
    expect((await handle.describe()).searchAttributes.MasEntityType).toEqual(['cleanup']);
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/cleanup.json', historyToJSON(await handle.fetchHistory()));
  });

  it('refuses an unknown task and bad bodies with problem+json, and non-staff with 403', async () => {
    expect((await call(admin, 'POST', '/api/cleanup/tasks/drop-everything/preview')).status).toBe(400);
    const bad = await call(admin, 'POST', '/api/cleanup/run', { tasks: ['drop-everything'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.length).toBeGreaterThan(0);
    expect((await call(admin, 'POST', '/api/cleanup/run', { tasks: [], extra: 1 })).status).toBe(400);
    const sales = (await createUser(stack, 'SALES')).accessToken;
    expect((await call(sales, 'POST', '/api/cleanup/tasks/trim-rate-limit-buckets/preview')).status).toBe(403);
  });
});

describe('schedules', () => {
  it('two workers starting together make each Schedule once; a changed spec updates it and keeps a pause', async () => {
    const suffix = randomUUID().slice(0, 8);
    const defs = (kpiIntervalMinutes: number) =>
      jobScheduleDefinitions({ taskQueue: stack.taskQueue, cleanupCron: '30 3 * * *', timezone: 'Asia/Kolkata', cleanupSettings: DEFAULT_CLEANUP_SETTINGS, kpiIntervalMinutes }).map((d) => ({
        ...d,
        scheduleId: `${d.scheduleId}-test-${suffix}`,
      }));
    const deps = { temporal: stack.temporal, logger: stack.deps.logger };
    try {
      const [first, second] = await Promise.all([ensureSchedules(deps, defs(15)), ensureSchedules(deps, defs(15))]);
      for (const id of Object.keys(first)) expect([first[id], second[id]].sort()).toEqual(['created', 'unchanged']);
      const kpiId = `schedule/kpi-test-${suffix}`;
      const kpi = stack.temporal.schedule.getHandle(kpiId);
      let d = await kpi.describe();
      expect(d.spec.intervals?.[0]?.every).toBe(15 * 60_000);
      expect(d.policies.overlap).toBe('SKIP');
      expect(d.action.type === 'startWorkflow' && d.action.workflowType).toBe('kpiRollup');
      const cleanup = await stack.temporal.schedule.getHandle(`schedule/cleanup-test-${suffix}`).describe();
      expect(cleanup.spec.timezone).toBe('Asia/Kolkata');
      expect(cleanup.info.nextActionTimes[0]!.getTime()).toBeGreaterThan(Date.now());

      await kpi.pause('paused by ops for the test');
      expect(Object.values(await ensureSchedules(deps, defs(15)))).toEqual(['unchanged', 'unchanged']);
      expect((await ensureSchedules(deps, defs(5)))[kpiId]).toBe('updated');
      d = await kpi.describe();
      expect(d.spec.intervals?.[0]?.every).toBe(5 * 60_000);
      expect(d.state.paused).toBe(true);
      expect(d.state.note).toBe('paused by ops for the test');

      // The Schedule's action runs the real workflow: trigger it and see a run complete.
      await kpi.unpause();
      await kpi.trigger();
      d = await until(() => kpi.describe(), (x) => x.info.recentActions.length > 0, 20_000);
      const run = d.info.recentActions[0]!.action.workflow;
      const result = (await stack.temporal.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result()) as { day: string }[];
      expect(result.map((r) => r.day)).toEqual([istDayOf(new Date(Date.now() - 86_400_000)), istDayOf(new Date())]);
    } finally {
      for (const def of defs(15)) await stack.temporal.schedule.getHandle(def.scheduleId).delete().catch(() => undefined);
    }
  });
});

describe('KPI rollup and dashboards', () => {
  const day = '2002-03-15';
  const at = (hhmm: string) => new Date(`${day}T${hhmm}:00+05:30`);
  let mentor: Awaited<ReturnType<typeof createUser>>;
  let otherMentor: Awaited<ReturnType<typeof createUser>>;
  let sales: Awaited<ReturnType<typeof createUser>>;
  let batchId: string;
  const students: string[] = [];

  beforeAll(async () => {
    mentor = await createUser(stack, 'EXPERT');
    otherMentor = await createUser(stack, 'EXPERT');
    sales = await createUser(stack, 'SALES');
    const slot = (startHHMM: string, status: 'COMPLETED' | 'CANCELLED') =>
      stack.db.slot.create({ data: { mentorId: mentor.user.id, startDateTime: at(startHHMM), endDateTime: new Date(at(startHHMM).getTime() + 3_600_000), status } });
    await slot('09:00', 'COMPLETED');
    await slot('11:00', 'COMPLETED');
    await slot('13:00', 'CANCELLED');
    // 23:30 IST on the day ends 00:30 the next day: counted there, not here.
    await slot('23:30', 'COMPLETED');
    for (const [i, amount] of [40_000, 60_000].entries()) {
      await stack.db.mentorTransaction.create({ data: { userId: mentor.user.id, type: 'CREDIT', amountPaise: amount, balanceAfterPaise: amount, description: 'session', idempotencyKey: `kpi-${randomUUID()}`, createdAt: at(`1${i}:30`) } });
    }
    const lead = (status: 'converted' | 'contacted') =>
      stack.db.rawLead.create({
        data: { name: 'Lead', sessionYear: '2002', sourceType: 'manual', platform: `kpi-${randomUUID()}`, phone: `+9199${Math.floor(Math.random() * 1e8)}`, status, assignedTo: sales.user.id, assignedAt: at('10:00'), ...(status === 'converted' ? { convertedAt: at('16:00') } : {}) },
      });
    const l1 = await lead('converted');
    await lead('contacted');
    for (const status of ['completed', 'no_answer', 'completed'] as const) {
      await stack.db.leadCallLog.create({ data: { rawLeadId: l1.id, userId: sales.user.id, source: 'tel_link', status, createdAt: at('12:00') } });
    }
    batchId = (await stack.db.batch.create({ data: { code: `KPI-${randomUUID().slice(0, 8)}`, name: 'KPI batch' } })).id;
    for (const statuses of [['PRESENT', 'LATE'], ['PRESENT', 'ABSENT'], ['ABSENT', 'EXCUSED']] as const) {
      const s = (await createUser(stack, 'USER')).user.id;
      students.push(s);
      for (const status of statuses) await stack.db.attendance.create({ data: { userId: s, batchId, batchMeetingId: randomUUID(), sessionDate: new Date(`${day}T00:00:00Z`), status } });
    }
  });

  const dayRows = () => stack.db.performanceMetric.findMany({ where: { userId: { in: [mentor.user.id, sales.user.id, ...students] }, periodStart: at('00:00') }, orderBy: [{ userId: 'asc' }, { metricKey: 'asc' }] });

  it('rolls a day up, and a rerun over the same day writes the same rows (and touches none)', async () => {
    const handle = await stack.temporal.workflow.start('kpiRollup', { taskQueue: stack.taskQueue, workflowId: `kpi-test/${randomUUID()}`, args: [{ days: [day] }] });
    await handle.result();
    if (process.env.RECORD_HISTORIES === '1') writeFileSync('test/replay/histories/kpi-rollup.json', historyToJSON(await handle.fetchHistory()));
    const first = await dayRows();
    const byKey = Object.fromEntries(first.map((r) => [`${r.userId === mentor.user.id ? 'mentor' : r.userId === sales.user.id ? 'sales' : `student${students.indexOf(r.userId)}`}:${r.metricKey.split('@')[0]}`, Number(r.value)]));
    expect(byKey).toEqual({
      'mentor:mentor.sessions_completed': 2,
      'mentor:mentor.earnings_paise': 100_000,
      'sales:crm.calls_made': 3,
      'sales:crm.calls_connected': 2,
      'sales:crm.leads_assigned': 2,
      'sales:crm.leads_converted': 1,
      'student0:lms.attendance_pct': 100,
      'student1:lms.attendance_pct': 50,
      'student2:lms.attendance_pct': 0,
    });
    const again = await rollupKpiDay(stack, { day, isCurrentDay: false, now: new Date() });
    expect(again.families.every((f) => f.inserted === 0 && f.updated === 0 && f.deleted === 0)).toBe(true);
    expect(await dayRows()).toEqual(first);

    // A change in the raw data moves exactly the rows it affects; a vanished figure is deleted.
    await stack.db.slot.updateMany({ where: { mentorId: mentor.user.id, startDateTime: at('11:00') }, data: { status: 'CANCELLED' } });
    await stack.db.attendance.deleteMany({ where: { userId: students[2] } });
    const moved = await rollupKpiDay(stack, { day, isCurrentDay: false, now: new Date() });
    expect(moved.families.find((f) => f.family === 'mentor-sessions')).toMatchObject({ updated: 1, inserted: 0, deleted: 0 });
    expect(moved.families.find((f) => f.family === 'lms-attendance')).toMatchObject({ deleted: 1, updated: 0 });
  });

  it('serves the dashboards from the rollups, each to whom it belongs', async () => {
    for (const d of [day, '2002-03-16']) await rollupKpiDay(stack, { day: d, isCurrentDay: false, now: new Date() });
    const range = `from=${day}&to=2002-03-16`;
    const mine = await call(mentor.accessToken, 'GET', `/api/dashboards/mentor?${range}`);
    expect(mine.status).toBe(200);
    expect(mine.body.totals).toEqual({ sessionsCompleted: 2, earningsPaise: 100_000 });
    // The 11:00 session was cancelled above; the 23:30 one ended after midnight IST, on the 16th.
    expect(mine.body.days).toEqual([
      { day, sessionsCompleted: 1, earningsPaise: 100_000 },
      { day: '2002-03-16', sessionsCompleted: 1, earningsPaise: 0 },
    ]);
    // Another expert may not read it; staff may.
    expect((await call(otherMentor.accessToken, 'GET', `/api/dashboards/mentor?${range}&mentorId=${mentor.user.id}`)).status).toBe(404);
    expect((await call(admin, 'GET', `/api/dashboards/mentor?${range}&mentorId=${mentor.user.id}`)).body.totals.sessionsCompleted).toBe(2);

    const salesView = await call(sales.accessToken, 'GET', `/api/dashboards/sales?${range}`);
    expect(salesView.body.items).toEqual([expect.objectContaining({ userId: sales.user.id, callsMade: 3, callsConnected: 2, leadsAssigned: 2, leadsConverted: 1, conversionPct: 50, connectRatePct: 66.7 })]);
    const staffView = await call(admin, 'GET', `/api/dashboards/sales?${range}`);
    expect(staffView.body.items.some((i: { userId: string }) => i.userId === sales.user.id)).toBe(true);

    const att = await call(admin, 'GET', `/api/dashboards/batches/${batchId}/attendance?from=${day}&to=${day}`);
    expect(att.status).toBe(200);
    expect(att.body.attendancePct).toBe(75);
    expect(att.body.students.map((s: { attendancePct: number }) => s.attendancePct)).toEqual([50, 100]);
    expect((await call(mentor.accessToken, 'GET', `/api/dashboards/batches/${batchId}/attendance?from=${day}&to=${day}`)).status).toBe(403);
    expect((await call(admin, 'GET', `/api/dashboards/batches/${randomUUID()}/attendance?from=${day}&to=${day}`)).status).toBe(404);
    expect((await call(admin, 'GET', `/api/dashboards/sales?from=2002-02-30&to=${day}`)).status).toBe(400);
    expect((await call(admin, 'GET', `/api/dashboards/sales?from=2001-01-01&to=${day}`)).status).toBe(400);
  });

  it('counts a job’s pipeline for the current day only, under the recruiter scope', async () => {
    const owner = await createUser(stack, 'ADMIN');
    const job = await stack.db.jobPost.create({ data: { title: 'KPI job', roles: [], belongsTo: owner.user.id, postedOn: 'mr-mentor', status: 'active' } });
    for (const status of ['resume_received', 'resume_received', 'shortlisted'] as const) await stack.db.jobApplication.create({ data: { jobPostId: job.id, status, platform: 'mr-mentor' } });
    await stack.db.jobApplication.create({ data: { jobPostId: job.id, status: 'quiz_invited', platform: 'mr-mentor', rejectedAt: new Date() } });
    await rollupKpiDay(stack, { day: istDayOf(new Date()), isCurrentDay: true, now: new Date() });
    const res = await call(owner.accessToken, 'GET', `/api/dashboards/jobs/${job.id}/pipeline`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stages: { resume_received: 2, shortlisted: 1, rejected: 1 }, total: 4 });
    // Another ADMIN does not own it: 404, as on the job routes.
    expect((await call(admin, 'GET', `/api/dashboards/jobs/${job.id}/pipeline`)).status).toBe(404);
  });

  it('a backfill is one workflow per range; asking twice joins it', async () => {
    const [a, b] = await Promise.all([call(admin, 'POST', '/api/kpi/backfill', { from: day, to: day }), call(admin, 'POST', '/api/kpi/backfill', { from: day, to: day })]);
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body).toEqual({ workflowId: `kpi/backfill/${day}..${day}`, days: 1 });
    await stack.temporal.workflow.getHandle(a.body.workflowId).result();
    expect((await call(admin, 'POST', '/api/kpi/backfill', { from: '2002-01-01', to: '2002-12-31' })).status).toBe(400);
  });
});
