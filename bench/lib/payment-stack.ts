// What the payment benchmarks stand on: the bench environment plus the Razorpay and S3 simulators
// (the real clients talk to them; the documents bucket holds the invoice PDFs), an in-process
// worker on its own task queue, and the real api over HTTP.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../../api/app.js';
import { createRazorpay } from '../../providers/razorpay/index.js';
import { startRazorpaySimulator } from '../../providers/razorpay/simulator.js';
import { createS3ObjectStore } from '../../providers/s3/index.js';
import { startS3Simulator } from '../../providers/s3/simulator.js';
import { TEST_RAZORPAY, TEST_S3 } from '../../test/support/stack.js';
import { createWorker } from '../../worker/create-worker.js';
import { startBenchEnvironment } from './environment.js';

export async function startPaymentBench(name: string) {
  const taskQueue = `bench-${name}-${randomUUID()}`;
  const env = await startBenchEnvironment({ taskQueue });
  const sim = await startRazorpaySimulator({ ...TEST_RAZORPAY });
  const razorpay = createRazorpay({ mode: 'sim', baseUrl: sim.baseUrl, keyId: TEST_RAZORPAY.keyId, keySecret: TEST_RAZORPAY.keySecret });
  const s3Sim = await startS3Simulator({ region: TEST_S3.region, buckets: [TEST_S3.documentsBucket] });
  const documents = createS3ObjectStore({ endpoint: s3Sim.endpoint, region: TEST_S3.region, bucket: TEST_S3.documentsBucket, accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey, timeoutMs: 10_000 });
  const deps = { ...env.deps, razorpay, documents };
  const native = await NativeConnection.connect({ address: env.temporalAddress });
  const worker = await createWorker({
    connection: native,
    namespace: 'default',
    taskQueue,
    deps: { db: deps.db, logger: deps.logger, now: () => new Date(), temporal: deps.temporal, taskQueue, razorpay, s3: deps.s3, resumes: deps.resumes, documents, whatsapp: deps.whatsapp, email: deps.email, llm: deps.llm, voice: deps.voice, voiceAgent: deps.config.voice, leegality: deps.leegality, leegalityProfileId: deps.config.leegality.profileId },
  });
  const workerRun = worker.run();
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    taskQueue,
    deps,
    sim,
    base,
    temporalKind: env.temporalKind,
    /** An APPROVED application's fee paid over HTTP (order → simulator capture → checkout verify → the run's end); the elapsed ms. */
    async payApplicationFee(applicationId: string, headers: Record<string, string>): Promise<number> {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/applications/${applicationId}/payment`, { method: 'POST', headers, body: '{}' });
      const { checkout, workflowId } = (await res.json()) as { checkout: { order_id: string }; workflowId: string };
      const paid = sim.pay(checkout.order_id, { outcome: 'captured' });
      await fetch(`${base}/api/applications/${applicationId}/payment/verify`, { method: 'POST', headers, body: JSON.stringify(paid) });
      const outcome = (await deps.temporal.workflow.getHandle(workflowId).result()) as { status: string };
      if (outcome.status !== 'COMPLETED') throw new Error(`fee payment ended ${outcome.status}`);
      return performance.now() - t0;
    },
    async close() {
      server.close();
      worker.shutdown();
      await workerRun;
      await native.close();
      await sim.close();
      await s3Sim.close();
      await env.close();
    },
  };
}
