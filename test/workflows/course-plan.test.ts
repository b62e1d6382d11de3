// AI course plans on the real stack: the api, the real Temporal dev server, Postgres and the
// LLM simulator (scripted per schema name and lecture). Generation end to end, pause/resume,
// a lecture failing after its retries and retried, review and publishing, costs counted once.
import { writeFileSync } from 'node:fs';
import { historyToJSON } from '@temporalio/common/lib/proto-utils.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LECTURE_SCHEMA_NAME, OUTLINE_SCHEMA_NAME } from '../../domain/course-plan/prompts.js';
import { workflowIds } from '../../domain/ids.js';
import { MasEntityId, MasEntityType, MasState } from '../../workflows/search-attributes.js';
import { bearerHeader, createUser, json } from '../support/auth.js';
import { runCrashingWorker } from '../support/crashing-worker.js';
import { until } from '../support/poll.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let admin: Awaited<ReturnType<typeof createUser>>;
beforeAll(async () => {
  stack = await startTestStack();
  admin = await createUser(stack, 'ADMIN');
});
afterAll(() => stack.close());

interface Plan {
  id: string;
  status: string;
  errorMessage: string | null;
  progress: { totalLectures: number; generatedLectures: number; percent: number };
  cost: { totalPaise: number; tokensUsed: number };
  lectures: { position: number; title: string; status: string; costPaise: number; tokensUsed: number; content: unknown }[];
  live: { status: string; currentLecture: number | null } | null;
}

let seq = 0;
async function newCourse() {
  seq++;
  const tag = `${Date.now().toString(36)}-${seq}`;
  return stack.db.course.create({ data: { slug: `cp-${tag}`, title: `Course ${tag}`, status: 'PUBLISHED' } });
}
const call = (method: string, path: string, body?: unknown, token = admin.accessToken) => stack.app.request(json(method, path, body, bearerHeader(token)));
async function ok<T>(res: Response | Promise<Response>, status = 200): Promise<T> {
  const r = await res;
  const text = await r.text();
  expect(r.status, text).toBe(status);
  return JSON.parse(text) as T;
}
const outline = (n: number, tag: string) => ({ lectures: Array.from({ length: n }, (_, i) => ({ title: `${tag} lecture ${i + 1}`, description: `About ${i + 1}`, learningObjectives: [`goal ${i + 1}`] })) });
async function createPlan(lectureCount: number) {
  const course = await newCourse();
  const plan = await ok<Plan>(call('POST', '/api/course-plans', { courseId: course.id, title: `Plan for ${course.title}`, goals: 'SQL for analysts', lectureCount }), 201);
  stack.llmSim.script({ schemaName: OUTLINE_SCHEMA_NAME, match: course.title, content: outline(lectureCount, course.title) });
  return { course, plan };
}
const read = (id: string) => ok<Plan>(call('GET', `/api/course-plans/${id}`));
const untilStatus = (id: string, status: string, ms = 60_000) => until(() => stack.db.coursePlan.findUnique({ where: { id } }), (p) => p?.status === status, ms);
const record = async (id: string, file: string) => {
  if (process.env.RECORD_HISTORIES === '1') writeFileSync(`test/replay/histories/${file}`, historyToJSON(await stack.temporal.workflow.getHandle(workflowIds.coursePlan(id)).fetchHistory()));
};
/** The plan's cost is the sum of its lectures' and the outline's, each call counted once. */
async function expectCostsAddUp(id: string) {
  const plan = await stack.db.coursePlan.findUniqueOrThrow({ where: { id }, include: { lectures: true } });
  const lectureCost = plan.lectures.reduce((s, l) => s + l.costPaise, 0);
  const lectureTokens = plan.lectures.reduce((s, l) => s + l.tokensUsed, 0);
  expect(plan.costPaise).toBeGreaterThanOrEqual(lectureCost);
  expect(plan.tokensUsed).toBeGreaterThan(lectureTokens);
  return plan;
}

describe('course plans', () => {
  it('generates end to end, is approved and published as a module with classes', { timeout: 120_000 }, async () => {
    const { course, plan } = await createPlan(3);
    expect(plan.status).toBe('DRAFT');
    const callsBefore = stack.llmSim.requests().length;
    const started = await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/generate`));
    expect(started.status).toBe('GENERATING');
    // A second start while it runs is refused.
    expect((await call('POST', `/api/course-plans/${plan.id}/generate`)).status).toBe(409);

    await untilStatus(plan.id, 'DRAFT');
    const done = await read(plan.id);
    expect(done.progress).toEqual({ totalLectures: 3, generatedLectures: 3, percent: 100 });
    expect(done.lectures.map((l) => [l.position, l.title, l.status])).toEqual([1, 2, 3].map((i) => [i, `${course.title} lecture ${i}`, 'READY']));
    expect(done.lectures.every((l) => l.costPaise >= 0 && l.tokensUsed > 0 && l.content !== null)).toBe(true);
    expect(done.cost.tokensUsed).toBe((await expectCostsAddUp(plan.id)).tokensUsed);
    // One outline call and one per lecture.
    expect(stack.llmSim.requests().length - callsBefore).toBe(4);

    const handle = stack.temporal.workflow.getHandle(workflowIds.coursePlan(plan.id));
    // The row turns DRAFT in the lecture's activity; MasState follows in the next workflow task.
    const described = await until(() => handle.describe(), (d) => d.typedSearchAttributes.get(MasState) === 'DRAFT', 10_000);
    expect(described.typedSearchAttributes.get(MasEntityType)).toBe('course_plan');
    expect(described.typedSearchAttributes.get(MasEntityId)).toBe(plan.id);
    expect(described.typedSearchAttributes.get(MasState)).toBe('DRAFT');
    expect(await described.staticSummary()).toBe(`Course plan · ${course.title}`);
    await record(plan.id, 'course-plan.json');

    // Publish before approval is refused; approve, then publish makes a module with 3 classes.
    expect((await call('POST', `/api/course-plans/${plan.id}/publish`)).status).toBe(409);
    expect((await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/approve`))).status).toBe('APPROVED');
    const published = await ok<{ plan: Plan; moduleId: string; classIds: string[] }>(call('POST', `/api/course-plans/${plan.id}/publish`));
    expect(published.plan.status).toBe('COMPLETED');
    const mod = await stack.db.module.findUniqueOrThrow({ where: { id: published.moduleId }, include: { classes: { orderBy: { position: 'asc' } } } });
    expect(mod.courseId).toBe(course.id);
    expect(mod.classes.map((c) => c.title)).toEqual([1, 2, 3].map((i) => `${course.title} lecture ${i}`));
    // Publishing twice (or in parallel) makes one module.
    const again = await Promise.all([call('POST', `/api/course-plans/${plan.id}/publish`), call('POST', `/api/course-plans/${plan.id}/publish`)]);
    expect(again.map((r) => r.status)).toEqual([409, 409]);
    expect(await stack.db.module.count({ where: { courseId: course.id } })).toBe(1);
  });

  it('pauses after the lecture in flight, resumes from the next one, and can be cancelled', { timeout: 120_000 }, async () => {
    const { course, plan } = await createPlan(4);
    // Lecture 2 is slow, so the pause arrives while it is in flight.
    stack.llmSim.script({ schemaName: LECTURE_SCHEMA_NAME, match: `${course.title} lecture 2`, delayMs: 2_500 });
    await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/generate`));
    await until(() => stack.db.coursePlanLecture.findFirst({ where: { coursePlanId: plan.id, position: 1, status: 'READY' } }), (l) => l !== null, 30_000);
    const paused = await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/pause`));
    expect(paused.status).toBe('PAUSED');
    // Lecture 2 (in flight) finished; 3 and 4 were not started.
    expect(paused.lectures.map((l) => l.status)).toEqual(['READY', 'READY', 'PENDING', 'PENDING']);
    expect(paused.live?.status).toBe('PAUSED');
    expect((await call('POST', `/api/course-plans/${plan.id}/pause`)).status).toBe(409);
    expect((await call('POST', `/api/course-plans/${plan.id}/approve`)).status).toBe(409);
    const lectureCalls = () => stack.llmSim.requests({ schemaName: LECTURE_SCHEMA_NAME }).length;
    const callsWhilePaused = lectureCalls();
    await new Promise((r) => setTimeout(r, 1_500));
    expect(lectureCalls()).toBe(callsWhilePaused);

    expect((await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/resume`))).status).toBe('GENERATING');
    await untilStatus(plan.id, 'DRAFT');
    const done = await read(plan.id);
    expect(done.lectures.map((l) => l.status)).toEqual(['READY', 'READY', 'READY', 'READY']);
    expect(done.progress.generatedLectures).toBe(4);
    await record(plan.id, 'course-plan-pause-resume.json');

    // Sent back with a note, generated again, then cancelled while paused: DRAFT, finished lectures kept.
    expect((await call('POST', `/api/course-plans/${plan.id}/send-back`, { note: '' })).status).toBe(400);
    const back = await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/send-back`, { note: 'More SQL examples please' }));
    expect(back.lectures.every((l) => l.status === 'PENDING')).toBe(true);
    stack.llmSim.script({ schemaName: LECTURE_SCHEMA_NAME, match: `${course.title} lecture 1`, delayMs: 2_000 });
    await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/generate`));
    await until(() => stack.db.coursePlanLecture.findFirst({ where: { coursePlanId: plan.id, position: 1, status: 'GENERATING' } }), (l) => l !== null, 10_000);
    expect((await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/pause`))).status).toBe('PAUSED');
    const cancelled = await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/cancel`));
    expect(cancelled.status).toBe('DRAFT');
    expect(cancelled.errorMessage).toMatch(/cancelled/);
    expect(cancelled.lectures.map((l) => l.status)).toEqual(['READY', 'PENDING', 'PENDING', 'PENDING']);
  });

  it('a lecture failing after its retries fails the plan, keeps finished lectures, and retry goes on from it', { timeout: 120_000 }, async () => {
    const { course, plan } = await createPlan(4);
    stack.llmSim.script({ schemaName: LECTURE_SCHEMA_NAME, match: `${course.title} lecture 3`, raw: '{"summary": oops', times: 3 });
    await ok<Plan>(call('POST', `/api/course-plans/${plan.id}/generate`));
    await untilStatus(plan.id, 'FAILED');
    const failed = await read(plan.id);
    expect(failed.errorMessage).toMatch(/Lecture 3: .*not JSON/);
    expect(failed.lectures.map((l) => l.status)).toEqual(['READY', 'READY', 'FAILED', 'PENDING']);
    const costAtFailure = failed.cost.totalPaise;
    const tokensAtFailure = failed.cost.tokensUsed;
    expect((await call('POST', `/api/course-plans/${plan.id}/approve`)).status).toBe(409);
    expect((await call('POST', `/api/course-plans/${plan.id}/generate`)).status).toBe(409);

    const requestsBefore = stack.llmSim.requests().length;
    // Two retries at once start one run.
    const retries = await Promise.all([call('POST', `/api/course-plans/${plan.id}/retry`), call('POST', `/api/course-plans/${plan.id}/retry`)]);
    expect(retries.map((r) => r.status).sort()).toEqual([200, 409]);
    await untilStatus(plan.id, 'DRAFT');
    const done = await read(plan.id);
    expect(done.lectures.map((l) => l.status)).toEqual(['READY', 'READY', 'READY', 'READY']);
    // Only lectures 3 and 4 were asked again (no outline, no lecture 1 or 2).
    expect(stack.llmSim.requests().length - requestsBefore).toBe(2);
    expect(done.cost.tokensUsed).toBe(tokensAtFailure + done.lectures[2]!.tokensUsed + done.lectures[3]!.tokensUsed);
    expect(done.cost.totalPaise).toBe(costAtFailure + done.lectures[2]!.costPaise + done.lectures[3]!.costPaise);
    await record(plan.id, 'course-plan-retry.json');
  });

  it('is staff only, validates input and answers 404 for an unknown plan or course', async () => {
    const user = await createUser(stack, 'USER');
    const course = await newCourse();
    expect((await call('POST', '/api/course-plans', { courseId: course.id, title: 'Plan', lectureCount: 2 }, user.accessToken)).status).toBe(403);
    const bad = await call('POST', '/api/course-plans', { courseId: course.id, title: 'Plan', lectureCount: 0 });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await call('POST', '/api/course-plans', { courseId: course.id, title: 'Plan', lectureCount: 2, extra: 1 })).status).toBe(400);
    expect((await call('POST', '/api/course-plans', { courseId: '6b3d8f0e-0000-4000-8000-000000000000', title: 'Plan', lectureCount: 2 })).status).toBe(404);
    expect((await call('GET', '/api/course-plans/6b3d8f0e-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await call('POST', '/api/course-plans/6b3d8f0e-0000-4000-8000-000000000000/pause')).status).toBe(404);
    const page = await ok<{ items: Plan[] }>(call('GET', `/api/course-plans?courseId=${course.id}`));
    expect(page.items).toEqual([]);
  });
});

describe('worker killed mid-generation', () => {
  it('killed right after a lecture was saved: a new worker goes on, the lecture and its cost counted once', { timeout: 120_000 }, async () => {
    const s = await startTestStack({ worker: false });
    try {
      const staff = await createUser(s, 'ADMIN');
      const course = await s.db.course.create({ data: { slug: `cp-crash-${Date.now().toString(36)}`, title: `Crash course ${Date.now().toString(36)}`, status: 'PUBLISHED' } });
      s.llmSim.script({ schemaName: OUTLINE_SCHEMA_NAME, match: course.title, content: outline(3, course.title) });
      const doomed = runCrashingWorker(s.taskQueue, 'generateCoursePlanLecture', undefined, { LLM_BASE_URL: s.llmSim.baseUrl });
      await doomed.ready;
      const req = (method: string, path: string, body?: unknown) => s.app.request(json(method, path, body, bearerHeader(staff.accessToken)));
      const plan = await ok<Plan>(req('POST', '/api/course-plans', { courseId: course.id, title: 'Crash plan', lectureCount: 3 }), 201);
      await ok<Plan>(req('POST', `/api/course-plans/${plan.id}/generate`));
      expect(await doomed.exited).toBe('SIGKILL');
      // The killed worker's lecture 1 is saved with its cost, but Temporal never heard of it.
      const atCrash = await s.db.coursePlan.findUniqueOrThrow({ where: { id: plan.id }, include: { lectures: { orderBy: { position: 'asc' } } } });
      expect(atCrash.lectures.map((l) => l.status)).toEqual(['READY', 'PENDING', 'PENDING']);
      const outlineTokens = atCrash.tokensUsed - atCrash.lectures[0]!.tokensUsed;
      const outlinePaise = atCrash.costPaise - atCrash.lectures[0]!.costPaise;
      expect(outlineTokens).toBeGreaterThan(0);
      expect(s.llmSim.requests({ schemaName: LECTURE_SCHEMA_NAME })).toHaveLength(1);

      await s.startWorker();
      const done = await until(() => s.db.coursePlan.findUnique({ where: { id: plan.id }, include: { lectures: { orderBy: { position: 'asc' } } } }), (p) => p?.status === 'DRAFT', 90_000);
      expect(done!.lectures.map((l) => l.status)).toEqual(['READY', 'READY', 'READY']);
      expect(done!.generatedLectures).toBe(3);
      // Lecture 1 was not asked again; its row and cost are as the killed worker left them.
      expect(s.llmSim.requests({ schemaName: LECTURE_SCHEMA_NAME })).toHaveLength(3);
      expect(done!.lectures[0]!.tokensUsed).toBe(atCrash.lectures[0]!.tokensUsed);
      expect(done!.tokensUsed).toBe(outlineTokens + done!.lectures.reduce((sum, l) => sum + l.tokensUsed, 0));
      expect(done!.costPaise).toBe(outlinePaise + done!.lectures.reduce((sum, l) => sum + l.costPaise, 0));
    } finally {
      await s.close();
    }
  });
});
