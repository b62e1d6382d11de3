// CRM bulk operations at scale: bulk-enroll N leads into a published workflow, then bulk-pause
// the N enrollments, each as the crm-bulk/<id> workflow the api starts. Rates are printed next
// to a no-op workflow start rate on the same dev server in the same run, with the same
// concurrency. BENCH_CRM_N (default 10,000) sets N.
import { randomInt, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { startBulkOperation } from '../services/crm-engine/bulk.starter.js';
import { mapLimit } from '../services/crm-engine/enrollment.starter.js';
import { createWorker } from '../worker/create-worker.js';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';

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
  deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay: env.deps.razorpay, s3: env.deps.s3, resumes: env.deps.resumes, documents: env.deps.documents, whatsapp: env.deps.whatsapp, email: env.deps.email, llm: env.deps.llm, voice: env.deps.voice, voiceAgent: env.deps.config.voice, leegality: env.deps.leegality, leegalityProfileId: env.deps.config.leegality.profileId },
  maxConcurrentActivityTaskExecutions: 100,
  maxConcurrentWorkflowTaskExecutions: 100,
});
const workerRun = worker.run();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds the Temporal dev server has used so far (Linux /proc; 100 ticks a second). */
function serverCpu(): number {
  try {
    const f = readFileSync(`/proc/${env.temporalPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}
/** Runs a phase and returns its wall seconds and the server's CPU share (1.0 = one full core). */
async function phase<T>(fn: () => Promise<T>): Promise<{ value: T; secs: number; serverCores: number }> {
  const [t, c] = [performance.now(), serverCpu()];
  const value = await fn();
  const secs = (performance.now() - t) / 1000;
  return { value, secs, serverCores: (serverCpu() - c) / secs };
}

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

  // Baselines on the same server, same concurrency: no-op workflow starts, and no-op workflows
  // started and run to completion by the worker.
  const noopN = Math.min(N, 3000);
  const starts = await phase(() =>
    mapLimit(Array.from({ length: noopN }, (_, i) => i), CONCURRENCY, (i) => temporal.workflow.start('noop', { taskQueue, workflowId: `bench-noop/${i}-${randomInt(1e9)}` })),
  );
  const runs = await phase(() =>
    mapLimit(Array.from({ length: noopN }, (_, i) => i), CONCURRENCY, (i) => temporal.workflow.execute('noop', { taskQueue, workflowId: `bench-noop-run/${i}-${randomInt(1e9)}` })),
  );
  const noopRate = noopN / starts.secs;

  const actor = { userId: admin.id, role: 'ADMIN' };
  const enroll = await phase(async () => {
    const op = await startBulkOperation(env.deps, actor, { action: 'enroll', filter: { workflowId: wf.id }, reason: 'bench' });
    return untilOp(op.id);
  });
  const settle = await phase(async () => {
    for (;;) {
      const waiting = await db.workflowEnrollment.count({ where: { workflowId: wf.id, status: 'WAITING' } });
      if (waiting >= enroll.value.succeeded) return waiting;
      await sleep(250);
    }
  });
  const pause = await phase(async () => {
    const op = await startBulkOperation(env.deps, actor, { action: 'pause', filter: { workflowId: wf.id }, reason: 'bench' });
    return untilOp(op.id);
  });
  const pausedRows = await db.workflowEnrollment.count({ where: { workflowId: wf.id, status: 'PAUSED' } });

  const row = (name: string, count: number, secs: number, cores: number) => {
    const rate = count / secs;
    return `| ${name} | ${count} | ${secs.toFixed(1)} | ${rate.toFixed(0)} | ${(rate / noopRate).toFixed(2)}× | ${Number.isNaN(cores) ? 'n/a' : cores.toFixed(2)} |`;
  };
  console.log(`\nCRM bulk operations (N = ${N}; ${CONCURRENCY} in flight per batch; ${temporalLabel(env.temporalKind)}, 2 cores)\n`);
  console.log('| case | count | seconds | per second | vs noop start rate | dev-server CPU (cores) |\n|---|---|---|---|---|---|');
  console.log(row('noop workflow start (baseline)', noopN, starts.secs, starts.serverCores));
  console.log(row('noop workflow start → complete', noopN, runs.secs, runs.serverCores));
  console.log(row('bulk enroll (starts, rows, first node)', enroll.value.succeeded, enroll.secs, enroll.serverCores));
  console.log(row('bulk enroll until every enrollment is WAITING', enroll.value.succeeded, enroll.secs + settle.secs, enroll.serverCores));
  console.log(row('bulk pause (validated Updates + row writes)', pause.value.succeeded, pause.secs, pause.serverCores));
  console.log(`\nfailed: enroll ${enroll.value.failed}, pause ${pause.value.failed}; PAUSED rows ${pausedRows} of ${N}`);
  if (enroll.value.succeeded !== N || pausedRows !== N) process.exitCode = 1;
} finally {
  worker.shutdown();
  await workerRun;
  await native.close();
  await env.close();
}
