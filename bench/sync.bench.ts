// Mr Learn sync throughput: a sync of N learners (BENCH_SYNC_LEARNERS, default 100 000) from the
// simulator over HTTP, through the Schedule, the mrLearnSync workflow and its page activities,
// printed as rows/s next to a baseline measured in the same run: the same rows, already in
// memory, written with the same INSERT … ON CONFLICT statement page by page straight into
// PostgreSQL (no HTTP, no Temporal, no run bookkeeping). Also a rerun (every row unchanged).
import { randomUUID } from 'node:crypto';
import { NativeConnection } from '@temporalio/worker';
import { createLmsApiClient } from '../providers/lib/lms-api-client.js';
import { MRLEARN_SIM_CLIENT, startMrLearnSimulator } from '../providers/mrlearn/simulator.js';
import { mrLearnLearnerSchema } from '../providers/mrlearn/interface.js';
import { createSyncConfig, triggerSyncConfig } from '../services/sync/configs.js';
import { createSyncCredentials } from '../services/sync/credentials.js';
import { MRLEARN_LEARNERS_SPEC } from '../services/sync/mrlearn-resources.js';
import type { SyncSettings } from '../services/sync/settings.js';
import { upsertPage } from '../services/sync/upsert.js';
import { createWorker } from '../worker/create-worker.js';
import { startBenchEnvironment } from './lib/environment.js';

const N = Number(process.env.BENCH_SYNC_LEARNERS ?? 100_000);
const PAGE = 1000;
const taskQueue = `bench-sync-${randomUUID()}`;
const env = await startBenchEnvironment({ taskQueue, poolMax: 10 });
const sync: SyncSettings = { allowHttpBaseUrl: true, pageSize: PAGE, pagesPerActivity: 50, activitiesPerRun: 100 };
const deps = { ...env.deps, config: { ...env.deps.config, sync } };
const { db, temporal, logger } = deps;
const sim = await startMrLearnSimulator({ learners: N, courses: 200 });
const native = await NativeConnection.connect({ address: env.temporalAddress });
const worker = await createWorker({
  connection: native,
  namespace: 'default',
  taskQueue,
  deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay: env.deps.razorpay, s3: env.deps.s3, resumes: env.deps.resumes, documents: env.deps.documents, whatsapp: env.deps.whatsapp, email: env.deps.email, llm: env.deps.llm, voice: env.deps.voice, voiceAgent: env.deps.config.voice, leegality: env.deps.leegality, leegalityProfileId: env.deps.config.leegality.profileId, sync },
});
const workerRun = worker.run().catch((err: unknown) => {
  console.error('worker stopped:', err);
  throw err;
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function timedRun(configId: string, full: boolean) {
  const before = await db.mrLearnSyncRun.count({ where: { syncConfigId: configId } });
  const t0 = performance.now();
  console.log(`triggering (${full ? 'full' : 'first'})`);
  await triggerSyncConfig(deps, 'mrlearn', configId, { full });
  for (;;) {
    const runs = await db.mrLearnSyncRun.findMany({ where: { syncConfigId: configId }, orderBy: { createdAt: 'desc' } });
    if (runs.length > before && runs[0]!.status !== 'RUNNING') {
      const secs = (performance.now() - t0) / 1000;
      // Wait for the Schedule to see the workflow closed, or the next trigger is skipped (overlap SKIP).
      const handle = temporal.schedule.getHandle(`sync/mrlearn/${configId}`);
      while ((await handle.describe()).info.runningActions.length > 0) await sleep(200);
      await sleep(500);
      return { secs, run: runs[0]! };
    }
    if (performance.now() - t0 > 600_000) throw new Error('the sync run did not finish within 10 minutes');
    await sleep(100);
  }
}

try {
  // The same rows in memory first (their fetch time is printed too: the HTTP share of a sync).
  const api = createLmsApiClient({ provider: 'mrlearn', vendorName: 'Mr Learn', baseUrl: sim.baseUrl, ...MRLEARN_SIM_CLIENT });
  const tf = performance.now();
  const pages: unknown[][] = [];
  let cursor: string | null = null;
  do {
    const page = await api.page('/v1/learners', { cursor, limit: PAGE });
    pages.push(page.data);
    cursor = page.nextCursor;
  } while (cursor);
  console.log(`fetched ${pages.length} pages`);
  const fetchSecs = (performance.now() - tf) / 1000;

  // Baseline: the same statement, page by page, into a config of its own.
  const baselineConfig = randomUUID();
  const tb = performance.now();
  for (const page of pages) {
    const rows = page.map((r) => mrLearnLearnerSchema.parse(r));
    await db.$transaction((tx) => upsertPage(tx, MRLEARN_LEARNERS_SPEC, [baselineConfig], rows.map((l) => [l.id, l.email?.toLowerCase() ?? null, l.email?.toLowerCase() ?? null, l.name, l.phone ?? null, l.status ?? null, l.last_active_at ?? null, l.updated_at, JSON.stringify(l)])));
  }
  const baselineSecs = (performance.now() - tb) / 1000;

  const creds = await createSyncCredentials(deps, 'mrlearn', { name: 'bench', baseUrl: sim.baseUrl, ...MRLEARN_SIM_CLIENT });
  const config = await createSyncConfig(deps, 'mrlearn', { name: 'bench', authCredentialsId: creds.id, resources: ['learners'], intervalMinutes: 1440 });
  const rate = (secs: number) => Math.round(N / secs);
  console.log(`learners: ${N}, page size ${PAGE}`);
  console.log(`fetch only (HTTP, in memory)      ${fetchSecs.toFixed(1)} s  ${rate(fetchSecs)} rows/s`);
  console.log(`baseline INSERT … ON CONFLICT      ${baselineSecs.toFixed(1)} s  ${rate(baselineSecs)} rows/s`);
  const first = await timedRun(config.id, false);
  console.log(`sync, first run (all inserted)    ${first.secs.toFixed(1)} s  ${rate(first.secs)} rows/s  = ${(baselineSecs / first.secs).toFixed(2)}× baseline  (${first.run.status}, ${first.run.createdCount} inserted)`);
  const again = await timedRun(config.id, true);
  if (first.run.status !== 'SUCCEEDED' || first.run.createdCount !== N || again.run.status !== 'SUCCEEDED') {
    console.error('sync did not insert every learner', first.run, again.run);
    process.exitCode = 1;
  }
  console.log(`sync, full rerun (all unchanged)  ${again.secs.toFixed(1)} s  ${rate(again.secs)} rows/s  = ${(baselineSecs / again.secs).toFixed(2)}× baseline`);
} finally {
  if (worker.getState() === 'RUNNING') worker.shutdown();
  await workerRun.catch(() => {});
  await native.close();
  await sim.close();
  await env.close();
}
