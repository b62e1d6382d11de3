// CRM bulk operations at scale: bulk-enroll N leads into a published workflow, then bulk-pause
// the N enrollments, each as the crm-bulk/<id> workflow the api starts. Rates are printed next
// to a no-op workflow start rate on the same dev server in the same run, with the same
// concurrency. BENCH_CRM_N (default 10,000) sets N.
import { randomInt, randomUUID } from 'node:crypto';
import { NativeConnection } from '@temporalio/worker';
import { startBulkOperation } from '../api/routes/crm-enrollments/bulk.service.js';
import { mapLimit } from '../api/starters/crm-enrollment.starter.js';
import { createWorker } from '../worker/create-worker.js';
import { startBenchEnvironment } from './lib/environment.js';

const N = Number(process.env.BENCH_CRM_N ?? 10_000);
const CONCURRENCY = Number(process.env.CRM_BULK_CONCURRENCY ?? 32);
const taskQueue = `bench-crm-${randomUUID()}`;
const env = await startBenchEnvironment({ taskQueue, poolMax: 30 });
const { db, temporal, logger } = env.deps;
const native = await NativeConnection.connect({ address: env.temporalAddress });
const worker = await createWorker({
  connection: native,
  namespace: 'default',
  taskQueue,
  deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay: env.deps.razorpay, s3: env.deps.s3, whatsapp: env.deps.whatsapp, email: env.deps.email },
  maxConcurrentActivityTaskExecutions: 100,
  maxConcurrentWorkflowTaskExecutions: 100,
});
const workerRun = worker.run();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function untilOp(id: string) {
  for (;;) {
    const op = await db.crmBulkOperation.findUniqueOrThrow({ where: { id } });
    if (op.status !== 'RUNNING') return op;
    await sleep(200);
  }
}

try {
  const admin = await db.user.create({ data: { email: `ops-${randomUUID()}@bench.local`, name: 'Ops', role: 'ADMIN' } });
  const definition = {
    nodes: [{ id: 't', type: 'trigger.manual' }, { id: 'wait', type: 'delay.duration', hours: 1 }, { id: 'e', type: 'end' }],
    edges: [{ from: 't', to: 'wait' }, { from: 'wait', to: 'e' }],
  };
  const wf = await db.crmWorkflow.create({ data: { name: 'Bench nurture', status: 'PUBLISHED', triggerType: 'MANUAL', definition, version: 1, platform: 'mr-mentor' } });
  await db.crmWorkflowVersion.create({ data: { workflowId: wf.id, version: 1, definition } });
  for (let i = 0; i < N; i += 5000) {
    await db.rawLead.createMany({
      data: Array.from({ length: Math.min(5000, N - i) }, (_, j) => ({ platform: 'mr-mentor', name: `Lead ${i + j}`, phone: `+91${6_000_000_000 + i + j}`, sessionYear: '2026', sourceType: 'import' as const })),
    });
  }

  // Baseline: no-op workflow starts, same concurrency, same server.
  const noopN = Math.min(N, 3000);
  const t0 = performance.now();
  await mapLimit(Array.from({ length: noopN }, (_, i) => i), CONCURRENCY, (i) => temporal.workflow.start('noop', { taskQueue, workflowId: `bench-noop/${i}-${randomInt(1e9)}` }));
  const noopRate = noopN / ((performance.now() - t0) / 1000);

  const actor = { userId: admin.id, role: 'ADMIN' };
  const t1 = performance.now();
  const enroll = await startBulkOperation(env.deps, actor, { action: 'enroll', filter: { workflowId: wf.id }, reason: 'bench' });
  const enrolled = await untilOp(enroll.id);
  const enrollSecs = (performance.now() - t1) / 1000;
  for (;;) {
    const waiting = await db.workflowEnrollment.count({ where: { workflowId: wf.id, status: 'WAITING' } });
    if (waiting >= enrolled.succeeded) break;
    await sleep(500);
  }
  const settledSecs = (performance.now() - t1) / 1000;

  const t2 = performance.now();
  const pause = await startBulkOperation(env.deps, actor, { action: 'pause', filter: { workflowId: wf.id }, reason: 'bench' });
  const paused = await untilOp(pause.id);
  const pauseSecs = (performance.now() - t2) / 1000;
  const pausedRows = await db.workflowEnrollment.count({ where: { workflowId: wf.id, status: 'PAUSED' } });

  const enrollRate = enrolled.succeeded / enrollSecs;
  const pauseRate = paused.succeeded / pauseSecs;
  console.log(`\nCRM bulk operations (N = ${N}; ${CONCURRENCY} in flight per batch; dev server on SQLite, 2 cores)\n`);
  console.log('| case | count | seconds | per second | vs noop start rate |\n|---|---|---|---|---|');
  console.log(`| noop workflow start (baseline) | ${noopN} | ${((noopN / noopRate)).toFixed(1)} | ${noopRate.toFixed(0)} | 1.00× |`);
  console.log(`| bulk enroll (starts) | ${enrolled.succeeded} | ${enrollSecs.toFixed(1)} | ${enrollRate.toFixed(0)} | ${(enrollRate / noopRate).toFixed(2)}× |`);
  console.log(`| … until every enrollment is WAITING | ${enrolled.succeeded} | ${settledSecs.toFixed(1)} | ${(enrolled.succeeded / settledSecs).toFixed(0)} | ${(enrolled.succeeded / settledSecs / noopRate).toFixed(2)}× |`);
  console.log(`| bulk pause (Updates) | ${paused.succeeded} | ${pauseSecs.toFixed(1)} | ${pauseRate.toFixed(0)} | ${(pauseRate / noopRate).toFixed(2)}× |`);
  console.log(`\nfailed: enroll ${enrolled.failed}, pause ${paused.failed}; PAUSED rows ${pausedRows} of ${N}`);
  if (enrolled.succeeded !== N || pausedRows !== N) process.exitCode = 1;
} finally {
  worker.shutdown();
  await workerRun;
  await native.close();
  await env.close();
}
