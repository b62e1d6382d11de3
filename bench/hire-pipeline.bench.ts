// npm run bench -- hire: BENCH_N (default 1,000) applications through the whole Mr-Hire pipeline
// (multipart apply with a real PDF → text extraction → LLM parse → outreach email → voice call
// and its signed webhook → LLM evaluation → LLM scoring → verdict) with zero-latency simulators,
// BENCH_CONCURRENCY in flight; next to a no-op workflow on the same dev server in the same run.
// Figures: throughput, and p50/p95 from the apply request to the verdict.
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { serve } from '@hono/node-server';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app.js';
import { createEmail } from '../providers/email/index.js';
import { startEmailSimulator } from '../providers/email/simulator.js';
import { createLlm } from '../providers/llm/index.js';
import { startLlmSimulator } from '../providers/llm/simulator.js';
import { createS3ObjectStore } from '../providers/s3/index.js';
import { startS3Simulator } from '../providers/s3/simulator.js';
import { createVoice } from '../providers/voice/index.js';
import { startVoiceSimulator } from '../providers/voice/simulator.js';
import { freePort } from '../scripts/lib/free-port.js';
import type { ServiceDeps } from '../services/deps.js';
import { resumePdf } from '../test/support/hire-pipeline.js';
import { TEST_LLM, TEST_S3, TEST_VOICE } from '../test/support/stack.js';
import { createWorker } from '../worker/create-worker.js';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';
import { summarize, table } from './lib/stats.js';
import { timedNoop } from './lib/timed.js';

const N = Number(process.env.BENCH_N ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARMUP = 10;
const taskQueue = `bench-${randomUUID()}`;
const env = await startBenchEnvironment({ taskQueue, poolMax: 30 });
const { db, temporal, logger } = env.deps;

const llmSim = await startLlmSimulator({ apiKey: TEST_LLM.apiKey });
const s3Sim = await startS3Simulator({ region: TEST_S3.region, buckets: [TEST_S3.resumesBucket] });
const emailSim = await startEmailSimulator();
const apiPort = await freePort();
const voiceSim = await startVoiceSimulator({ apiKey: TEST_VOICE.apiKey, webhookSecret: TEST_VOICE.webhookSecret, webhookUrl: `http://127.0.0.1:${apiPort}/api/webhooks/voice`, callDelayMs: 0 });
const llm = createLlm({ mode: 'sim', baseUrl: llmSim.baseUrl, apiKey: TEST_LLM.apiKey, model: TEST_LLM.model, timeoutMs: 10_000 });
const resumes = createS3ObjectStore({ endpoint: s3Sim.endpoint, region: TEST_S3.region, bucket: TEST_S3.resumesBucket, accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey, timeoutMs: 10_000 });
const email = createEmail({ mode: 'sim', url: emailSim.smtpUrl, from: 'Bench <bench@mas.local>', timeoutMs: 10_000 });
const voice = createVoice({ mode: 'sim', baseUrl: voiceSim.baseUrl, apiKey: TEST_VOICE.apiKey });
const voiceAgent = { agentId: TEST_VOICE.agentId, agentPhoneNumberId: TEST_VOICE.agentPhoneNumberId };
const deps: ServiceDeps = {
  ...env.deps,
  llm,
  voice,
  resumes,
  documents: env.deps.documents,
  email,
  config: {
    ...env.deps.config,
    voice: { ...voiceAgent, webhookSecret: TEST_VOICE.webhookSecret },
    applyRateLimit: { perIp: 1_000_000, perEmail: 100, windowSeconds: 60 },
  },
};
const native = await NativeConnection.connect({ address: env.temporalAddress });
const worker = await createWorker({
  connection: native,
  namespace: 'default',
  taskQueue,
  deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay: env.deps.razorpay, s3: env.deps.s3, resumes, documents: env.deps.documents, whatsapp: env.deps.whatsapp, email, llm, voice, voiceAgent, leegality: env.deps.leegality, leegalityProfileId: env.deps.config.leegality.profileId },
});
const workerRun = worker.run();
const server = serve({ fetch: createApp(deps).fetch, port: apiPort, hostname: '127.0.0.1' });
const base = `http://127.0.0.1:${apiPort}`;

const owner = await db.user.create({ data: { email: `bench-owner-${randomUUID()}@bench.local`, name: 'Bench Recruiter', role: 'ADMIN' } });
const job = await db.jobPost.create({ data: { title: 'Data Analyst (bench)', roles: [{ title: 'Data Analyst' }], skills: ['SQL', 'Python'], status: 'active', belongsTo: owner.id, postedOn: 'mr-mentor', publishedAt: new Date() } });
await db.jobScreeningConfig.create({ data: { jobPostId: job.id, passThreshold: 50, mustHaveSkills: ['SQL'], outreachEnabled: true, quizEnabled: false, voiceInterviewEnabled: true, voiceMaxAttempts: 1 } });
const pdf = await resumePdf(['Bench Candidate', 'Skills: SQL, Python, Tableau', 'Experience: 4 years as a data analyst']);

// One poller for every candidate in flight: resolves each as its verdict lands.
const waiting = new Map<string, () => void>();
let polling = true;
const poller = (async () => {
  while (polling) {
    const ids = [...waiting.keys()];
    if (ids.length) {
      const done = await db.jobApplication.findMany({ where: { id: { in: ids }, status: { in: ['shortlisted', 'talent_pool'] } }, select: { id: true } });
      for (const { id } of done) {
        waiting.get(id)?.();
        waiting.delete(id);
      }
    }
    await new Promise((r) => setTimeout(r, 20));
  }
})();

let seq = 0;
async function applyToDecision(): Promise<number> {
  const t0 = performance.now();
  const form = new FormData();
  form.set('name', 'Bench Candidate');
  form.set('email', `bench-${seq++}-${randomUUID().slice(0, 6)}@bench.local`);
  form.set('phone', `+9198${String(10_000_000 + seq).slice(-8)}`);
  form.set('resume', new Blob([pdf], { type: 'application/pdf' }), 'resume.pdf');
  const res = await fetch(`${base}/api/jobs/${job.id}/applications`, { method: 'POST', body: form });
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await new Promise<void>((resolve) => waiting.set(id, resolve));
  return performance.now() - t0;
}

const noop = () => timedNoop(temporal, taskQueue);

async function pool(n: number, limit: number, fn: () => Promise<number>) {
  const out: number[] = [];
  let i = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (i++ < n) out.push(await fn());
    }),
  );
  return out;
}

try {
  for (let i = 0; i < WARMUP; i++) {
    await applyToDecision();
    await noop();
  }
  const t0 = performance.now();
  const pipeline = await pool(N, CONCURRENCY, applyToDecision);
  const wall = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const baseline = await pool(N, CONCURRENCY, noop);
  const noopWall = (performance.now() - t1) / 1000;
  const p = summarize(pipeline);
  const b = summarize(baseline);

  const apps = await db.jobApplication.count({ where: { jobPostId: job.id } });
  const analyses = await db.resumeAnalysis.count({ where: { jobApplication: { jobPostId: job.id }, status: 'completed' } });
  const screened = await db.screeningResult.count({ where: { jobPostId: job.id } });
  const interviews = await db.voiceInterview.count({ where: { jobApplication: { jobPostId: job.id }, status: 'completed' } });
  const llmCalls = await db.pipelineCostLedger.count({ where: { jobPostId: job.id, provider: 'OPENAI' } });
  console.log(`\nMr-Hire pipeline benchmark (${N} applications, ${CONCURRENCY} in flight; ${temporalLabel(env.temporalKind)}, embedded PostgreSQL, zero-latency simulators, ${os.cpus().length} cores)\n`);
  console.log(
    table([
      [`noop workflow start→complete (${CONCURRENCY} in flight, baseline)`, b],
      [`apply → verdict, whole pipeline (${CONCURRENCY} in flight)`, p],
    ]),
  );
  console.log(`\nthroughput: ${(N / wall).toFixed(1)} candidates decided/s vs ${(N / noopWall).toFixed(1)} noop workflows/s (the pipeline does ${(noopWall / wall).toFixed(3)}× the noop rate)`);
  console.log(`ratio apply→verdict / noop: p50 ${(p.p50 / b.p50).toFixed(1)}×, p95 ${(p.p95 / b.p95).toFixed(1)}×`);
  const total = N + WARMUP;
  console.log(`rows: ${apps} applications, ${analyses} analyses, ${interviews} interviews, ${screened} screening results, ${llmCalls} LLM calls booked (each must be ${total}; LLM calls ${3 * total})`);
  if (apps !== total || analyses !== total || screened !== total || interviews !== total || llmCalls !== 3 * total) process.exitCode = 1;
} finally {
  polling = false;
  await poller;
  server.close();
  worker.shutdown();
  await workerRun;
  await native.close();
  await Promise.all([llmSim.close(), s3Sim.close(), emailSim.close(), voiceSim.close()]);
  await env.close();
}
