// npm run bench: meeting-end → earnings-credited latency, next to a no-op workflow's
// start → complete latency on the same dev server in the same run, and the ratio.
// Everything runs here: a fresh database (embedded PostgreSQL unless DATABASE_URL), a
// headless Temporal dev server, an in-process worker and the real api over HTTP.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { serve } from '@hono/node-server';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { workflowIds } from '../domain/ids.js';
import { freePort } from '../scripts/lib/free-port.js';
import { createWorker } from '../worker/create-worker.js';
import { meetingEndedRequest } from '../test/support/fixtures.js';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';
import { timedNoop } from './lib/timed.js';

const N = Number(process.env.BENCH_N ?? 200);
const WARMUP = 20;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);

const taskQueue = `bench-${randomUUID()}`;
const env = await startBenchEnvironment({ taskQueue });
const { db, temporal, logger } = env.deps;
const native = await NativeConnection.connect({ address: env.temporalAddress });
const worker = await createWorker({ connection: native, namespace: 'default', taskQueue, deps: { db, logger, now: () => new Date(), temporal: env.deps.temporal, taskQueue, razorpay: env.deps.razorpay, s3: env.deps.s3, resumes: env.deps.resumes, documents: env.deps.documents, whatsapp: env.deps.whatsapp, email: env.deps.email, llm: env.deps.llm, voice: env.deps.voice, voiceAgent: env.deps.config.voice, leegality: env.deps.leegality, leegalityProfileId: env.deps.config.leegality.profileId } });
const workerRun = worker.run();
const app = createApp(env.deps);
const port = await freePort();
const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
const base = `http://127.0.0.1:${port}`;

async function makeSlots(n: number) {
  const mentor = await db.user.create({ data: { email: `bench-${randomUUID()}@bench.local`, name: 'Bench Mentor', role: 'EXPERT' } });
  const start = new Date(Date.now() - 3_600_000);
  const ids = Array.from({ length: n }, () => randomUUID());
  await db.slot.createMany({
    data: ids.map((id) => ({ id, mentorId: mentor.id, startDateTime: start, endDateTime: new Date(start.getTime() + 3_600_000), status: 'CONFIRMED' as const, mentorEarningPaise: 1_000 })),
  });
  return { mentorId: mentor.id, ids };
}

async function endMeeting(slotId: string): Promise<number> {
  const t0 = performance.now();
  const req = meetingEndedRequest(slotId);
  const res = await fetch(`${base}${new URL(req.url).pathname}`, { method: 'POST', headers: req.headers, body: await req.text() });
  if (res.status !== 202) throw new Error(`end event: ${res.status} ${await res.text()}`);
  await temporal.workflow.getHandle(workflowIds.meetingEarnings(slotId)).result();
  return performance.now() - t0;
}

const noop = () => timedNoop(temporal, taskQueue);

async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<number>) {
  const out: number[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (i < items.length) out.push(await fn(items[i++]!));
    }),
  );
  return out;
}

try {
  const warm = await makeSlots(WARMUP);
  for (const id of warm.ids) await endMeeting(id);
  for (let i = 0; i < WARMUP; i++) await noop();

  // Interleave the two cases so drift in the machine affects both alike.
  const { mentorId, ids } = await makeSlots(N);
  const meeting: number[] = [];
  const baseline: number[] = [];
  for (const id of ids) {
    meeting.push(await endMeeting(id));
    baseline.push(await noop());
  }
  const concurrentSlots = await makeSlots(N);
  const t0 = performance.now();
  const concurrent = await pool(concurrentSlots.ids, CONCURRENCY, endMeeting);
  const wall = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const noopConcurrent = await pool(Array.from({ length: N }, (_, i) => i), CONCURRENCY, noop);
  const noopWall = (performance.now() - t1) / 1000;

  // Where the time goes inside one warm run: gaps between consecutive history events.
  const history = await temporal.workflow.getHandle(workflowIds.meetingEarnings(ids[ids.length - 1]!)).fetchHistory();
  const events = history.events ?? [];
  const ms = (e: (typeof events)[number]) => Number(e.eventTime!.seconds) * 1000 + (e.eventTime!.nanos ?? 0) / 1e6;
  const breakdown = events.slice(1).map((e, i) => `${String(e.eventType).replace('EVENT_TYPE_', '')} +${(ms(e) - ms(events[i]!)).toFixed(1)} ms`);

  const m = summarize(meeting);
  const b = summarize(baseline);
  const c = summarize(concurrent);
  const credits = await db.mentorTransaction.count({ where: { userId: { in: [mentorId, concurrentSlots.mentorId] } } });
  console.log(`\nmeetingEarnings benchmark (${N} slots each; ${temporalLabel(env.temporalKind)}, embedded PostgreSQL, ${os.cpus().length} cores)\n`);
  console.log(
    table([
      ['noop workflow start→complete (baseline)', b],
      ['meeting-end event → earnings credited (sequential)', m],
      [`noop workflow start→complete (${CONCURRENCY} in flight)`, summarize(noopConcurrent)],
      [`meeting-end event → earnings credited (${CONCURRENCY} in flight)`, c],
    ]),
  );
  console.log(`\nratio meeting-end / noop: p50 ${(m.p50 / b.p50).toFixed(2)}×, p95 ${(m.p95 / b.p95).toFixed(2)}×`);
  console.log(
    `throughput with ${CONCURRENCY} in flight: ${(N / wall).toFixed(1)} meetings credited/s vs ${(N / noopWall).toFixed(1)} noop workflows/s (ratio ${(noopWall / wall).toFixed(2)}×)`,
  );
  console.log(`one warm run, event by event: ${breakdown.join(' · ')}`);
  console.log(`credits written: ${credits} for ${2 * N} slots (must be equal)`);
  if (credits !== 2 * N) process.exitCode = 1;
} finally {
  server.close();
  worker.shutdown();
  await workerRun;
  await native.close();
  await env.close();
}
