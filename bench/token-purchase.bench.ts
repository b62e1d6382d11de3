// Token purchase start → credited, next to a no-op workflow's start → complete on the same dev
// server in the same run. Real api over HTTP, real Razorpay client against the simulator.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { workflowIds } from '../domain/ids.js';
import { createRazorpay } from '../providers/razorpay/index.js';
import { startRazorpaySimulator } from '../providers/razorpay/simulator.js';
import { startS3Simulator } from '../providers/s3/simulator.js';
import { createS3ObjectStore } from '../providers/s3/index.js';
import { TEST_RAZORPAY, TEST_S3 } from '../test/support/stack.js';
import { createWorker } from '../worker/create-worker.js';
import { startBenchEnvironment } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';

const N = Number(process.env.BENCH_N ?? 100);
const taskQueue = `bench-purchase-${randomUUID()}`;
const env = await startBenchEnvironment({ taskQueue });
const sim = await startRazorpaySimulator({ ...TEST_RAZORPAY });
const razorpay = createRazorpay({ mode: 'sim', baseUrl: sim.baseUrl, keyId: TEST_RAZORPAY.keyId, keySecret: TEST_RAZORPAY.keySecret });
// A completed purchase now gets its GST invoice PDF stored, so the documents bucket is real.
const s3Sim = await startS3Simulator({ region: TEST_S3.region, buckets: [TEST_S3.documentsBucket] });
const documents = createS3ObjectStore({ endpoint: s3Sim.endpoint, region: TEST_S3.region, bucket: TEST_S3.documentsBucket, accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey, timeoutMs: 10_000 });
const deps = { ...env.deps, razorpay, documents };
const { db, temporal, jwt, logger } = deps;
const native = await NativeConnection.connect({ address: env.temporalAddress });
const worker = await createWorker({ connection: native, namespace: 'default', taskQueue, deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay, s3: deps.s3, resumes: deps.resumes, documents, whatsapp: deps.whatsapp, email: deps.email, llm: deps.llm, voice: deps.voice, voiceAgent: deps.config.voice, leegality: deps.leegality, leegalityProfileId: deps.config.leegality.profileId } });
const workerRun = worker.run();
const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const user = await db.user.create({ data: { email: `buyer-${randomUUID()}@bench.local`, name: 'Buyer', token: { create: {} }, promotionalToken: { create: {} } } });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${await jwt.sign({ sub: user.id, role: 'USER', pwd: 0 })}` };

/** Polls the purchase row every 2 ms until the tokens are credited (what the buyer waits for). */
async function credited(purchaseId: string) {
  for (;;) {
    const row = await db.tokenPurchase.findUniqueOrThrow({ where: { id: purchaseId }, select: { status: true } });
    if (row.status === 'COMPLETED') return;
    await new Promise((r) => setTimeout(r, 2));
  }
}

const toCredit: number[] = [];
async function purchase(): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${base}/api/tokens/purchases`, { method: 'POST', headers, body: JSON.stringify({ packId: 'starter' }) });
  const { purchase: p, checkout } = (await res.json()) as { purchase: { id: string }; checkout: { order_id: string } };
  const paid = sim.pay(checkout.order_id, { outcome: 'captured' });
  await fetch(`${base}/api/tokens/purchases/${p.id}/verify`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ razorpay_payment_id: paid.razorpay_payment_id, razorpay_signature: paid.razorpay_signature }),
  });
  await credited(p.id);
  toCredit.push(performance.now() - t0);
  const outcome = await temporal.workflow.getHandle(workflowIds.tokenPurchase(p.id)).result();
  if (outcome.status !== 'COMPLETED') throw new Error(`purchase ended ${outcome.status}`);
  return performance.now() - t0;
}

async function noop(): Promise<number> {
  const t0 = performance.now();
  await temporal.workflow.execute('noop', { taskQueue, workflowId: `bench-noop/${randomUUID()}` });
  return performance.now() - t0;
}

try {
  for (let i = 0; i < 10; i++) await Promise.all([purchase(), noop()]);
  toCredit.length = 0;
  const buys: number[] = [];
  const noops: number[] = [];
  for (let i = 0; i < N; i++) {
    buys.push(await purchase());
    noops.push(await noop());
  }
  const b = summarize(buys);
  const n = summarize(noops);
  const c = summarize(toCredit);
  console.log(`\nToken purchase (${N} each; Razorpay simulator, dev server on SQLite, 2 cores)\n`);
  console.log(
    table([
      ['noop workflow start→complete (baseline)', n],
      ['POST purchase → pay → POST verify → tokens credited', c],
      ['… → run complete (GST invoice issued, PDF stored)', b],
    ]),
  );
  console.log(`\nratio credited / noop: p50 ${(c.p50 / n.p50).toFixed(2)}×, p95 ${(c.p95 / n.p95).toFixed(2)}×`);
  console.log(`ratio run complete / noop: p50 ${(b.p50 / n.p50).toFixed(2)}×, p95 ${(b.p95 / n.p95).toFixed(2)}×`);
  const credited = await db.tokenUsage.count({ where: { userId: user.id, type: 'PURCHASE' } });
  console.log(`credits written: ${credited} for ${N + 10} purchases (must be equal)`);
  if (credited !== N + 10) process.exitCode = 1;
} finally {
  server.close();
  worker.shutdown();
  await workerRun;
  await native.close();
  await sim.close();
  await s3Sim.close();
  await env.close();
}
