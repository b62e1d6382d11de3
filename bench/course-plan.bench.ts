// npm run bench -- course-plan: BENCH_PLANS (default 20) AI course plans of BENCH_LECTURES
// (default 10) lectures each, generated at once through the service and the course-plan/<id>
// workflow (outline + one activity per lecture, each saved with its cost) against the
// zero-latency LLM simulator; next to a no-op workflow start→complete on the same dev server in
// the same run. Figures: p50/p95 of start → generated DRAFT, and the ratio to the no-op.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { NativeConnection } from '@temporalio/worker';
import { createLlm } from '../providers/llm/index.js';
import { startLlmSimulator } from '../providers/llm/simulator.js';
import { createCoursePlan, startCoursePlanGeneration } from '../services/course-plans/plans.js';
import { TEST_LLM } from '../test/support/stack.js';
import { createWorker } from '../worker/create-worker.js';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';
import { timedNoop } from './lib/timed.js';

const PLANS = Number(process.env.BENCH_PLANS ?? 20);
const LECTURES = Number(process.env.BENCH_LECTURES ?? 10);
const taskQueue = `bench-${randomUUID()}`;
const env = await startBenchEnvironment({ taskQueue, poolMax: 30 });
const { db, temporal, logger } = env.deps;
const llmSim = await startLlmSimulator({ apiKey: TEST_LLM.apiKey });
const llm = createLlm({ mode: 'sim', baseUrl: llmSim.baseUrl, apiKey: TEST_LLM.apiKey, model: TEST_LLM.model, timeoutMs: 10_000 });
const native = await NativeConnection.connect({ address: env.temporalAddress });
const worker = await createWorker({
  connection: native,
  namespace: 'default',
  taskQueue,
  deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay: env.deps.razorpay, s3: env.deps.s3, resumes: env.deps.resumes, documents: env.deps.documents, whatsapp: env.deps.whatsapp, email: env.deps.email, llm, voice: env.deps.voice, voiceAgent: { agentId: 'bench', agentPhoneNumberId: 'bench' }, leegality: env.deps.leegality, leegalityProfileId: env.deps.config.leegality.profileId },
});
const workerRun = worker.run();
const deps = { db, temporal, config: { taskQueue } };
const staff = await db.user.create({ data: { email: `bench-staff-${randomUUID()}@bench.local`, name: 'Bench Staff', role: 'ADMIN' } });
const course = await db.course.create({ data: { slug: `bench-${randomUUID().slice(0, 8)}`, title: 'Bench course', status: 'PUBLISHED' } });

async function generated(): Promise<number> {
  const plan = await createCoursePlan(deps, staff.id, { courseId: course.id, title: `Bench plan ${randomUUID().slice(0, 6)}`, goals: 'SQL', lectureCount: LECTURES });
  const t0 = performance.now();
  await startCoursePlanGeneration(deps, staff.id, plan.id, 'DRAFT');
  for (;;) {
    const row = await db.coursePlan.findUniqueOrThrow({ where: { id: plan.id }, select: { status: true } });
    if (row.status === 'DRAFT') break;
    if (row.status === 'FAILED') throw new Error(`plan ${plan.id} failed`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - t0;
}

try {
  await generated();
  await timedNoop(temporal, taskQueue);
  const t0 = performance.now();
  const plans = await Promise.all(Array.from({ length: PLANS }, generated));
  const wall = (performance.now() - t0) / 1000;
  const baseline = await Promise.all(Array.from({ length: PLANS }, () => timedNoop(temporal, taskQueue)));
  const p = summarize(plans);
  const b = summarize(baseline);
  const lectures = await db.coursePlanLecture.count({ where: { coursePlan: { courseId: course.id }, status: 'READY' } });
  console.log(`\nCourse-plan generation benchmark (${PLANS} plans × ${LECTURES} lectures at once; ${temporalLabel(env.temporalKind)}, embedded PostgreSQL, zero-latency LLM simulator, ${os.cpus().length} cores)\n`);
  console.log(table([[`noop workflow start→complete (${PLANS} at once, baseline)`, b], [`course plan start → generated DRAFT (${LECTURES} lectures)`, p]]));
  console.log(`\nwall: ${wall.toFixed(1)} s for ${PLANS * LECTURES} lectures (${((PLANS * LECTURES) / wall).toFixed(1)} lectures/s)`);
  console.log(`ratio plan / noop: p50 ${(p.p50 / b.p50).toFixed(1)}×, p95 ${(p.p95 / b.p95).toFixed(1)}×; per lecture p50 ${(p.p50 / LECTURES / b.p50).toFixed(2)}× a noop`);
  console.log(`rows: ${lectures} READY lectures (must be ${(PLANS + 1) * LECTURES})`);
  if (lectures !== (PLANS + 1) * LECTURES) process.exitCode = 1;
} finally {
  worker.shutdown();
  await workerRun;
  await native.close();
  await llmSim.close();
  await env.close();
}
