// Mr Learn sync throughput (issue 15): a sync of N learners (BENCH_SYNC_LEARNERS, default
// 100 000) from the simulator over HTTP, through the Schedule, the mrLearnSync workflow and its
// page activities, printed as rows/s next to two baselines measured in the same run with the
// same rows already in memory (no HTTP, no Temporal, no run bookkeeping):
//   - PostgreSQL COPY … FROM STDIN of every row into the same table (the issue's goal: the sync
//     at least 0.3× COPY);
//   - the sync's own INSERT … ON CONFLICT statement, page by page.
// Every case but the rerun starts from an empty mrlearn.learners (TRUNCATE, then CHECKPOINT).
// Then a full rerun (every row unchanged, into the table the first run filled), and a run whose
// worker, a child process, is SIGKILLed once half the rows are committed, finished by a new
// in-process worker: its total time next to the uninterrupted first run, with counts checked.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, type Worker } from '@temporalio/worker';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createLmsApiClient } from '../providers/lib/lms-api-client.js';
import { MRLEARN_SIM_CLIENT, startMrLearnSimulator } from '../providers/mrlearn/simulator.js';
import { mrLearnLearnerSchema, type MrLearnLearner } from '../providers/mrlearn/interface.js';
import { createSyncConfig, triggerSyncConfig } from '../services/sync/configs.js';
import { createSyncCredentials } from '../services/sync/credentials.js';
import { MRLEARN_LEARNERS_SPEC } from '../services/sync/mrlearn-resources.js';
import type { SyncSettings } from '../services/sync/settings.js';
import { upsertPage } from '../services/sync/upsert.js';
import { createWorker, workflowsPath } from '../worker/create-worker.js';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';
import { spawnCrashingWorker } from '../test/support/crashing-worker-process.js';

const N = Number(process.env.BENCH_SYNC_LEARNERS ?? 100_000);
const PAGE = 1000;
// How soon Temporal hands a killed worker's pages activity to another worker (production default 120 s).
const HEARTBEAT_TIMEOUT_SECONDS = 10;
const taskQueue = `bench-sync-${randomUUID()}`;
const env = await startBenchEnvironment({ taskQueue, poolMax: 10 });
const sync: SyncSettings = { allowHttpBaseUrl: true, pageSize: PAGE, pagesPerActivity: 50, activitiesPerRun: 100, heartbeatTimeoutSeconds: HEARTBEAT_TIMEOUT_SECONDS };
const deps = { ...env.deps, config: { ...env.deps.config, sync } };
const { db, temporal, logger } = deps;
const sim = await startMrLearnSimulator({ learners: N, courses: 200 });
const native = await NativeConnection.connect({ address: env.temporalAddress });
// One bundle for the in-process workers and the child-process one.
const tmp = mkdtempSync(path.join(os.tmpdir(), 'mas-bench-sync-'));
const { code: workflowBundleCode } = await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') });
const bundlePath = path.join(tmp, 'workflow-bundle.js');
writeFileSync(bundlePath, workflowBundleCode);
const workerDeps = { db, logger, now: () => new Date(), temporal, taskQueue, razorpay: env.deps.razorpay, s3: env.deps.s3, resumes: env.deps.resumes, documents: env.deps.documents, whatsapp: env.deps.whatsapp, email: env.deps.email, llm: env.deps.llm, voice: env.deps.voice, voiceAgent: env.deps.config.voice, leegality: env.deps.leegality, leegalityProfileId: env.deps.config.leegality.profileId, sync };
let worker: Worker | null = null;
let workerRun: Promise<void> = Promise.resolve();
async function startInProcessWorker() {
  const w = await createWorker({ connection: native, namespace: 'default', taskQueue, deps: workerDeps, workflowBundleCode });
  worker = w;
  workerRun = w.run().catch((err: unknown) => {
    console.error('worker stopped:', err);
    throw err;
  });
}
async function stopInProcessWorker() {
  if (worker && worker.getState() === 'RUNNING') worker.shutdown();
  await workerRun.catch(() => {});
  worker = null;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// A plain pg client for COPY, TRUNCATE and CHECKPOINT (the Prisma URL's query string is Prisma's).
const pgUrl = new URL(env.databaseUrl);
pgUrl.search = '';
const client = new pg.Client({ connectionString: pgUrl.toString() });
await client.connect();

/** Every case but the rerun writes into an empty table, after a checkpoint (so no case pays for the last one's WAL). */
async function emptyLearners() {
  await client.query('TRUNCATE "mrlearn"."learners"');
  await client.query('CHECKPOINT').catch(() => {});
}

const learnersOf = (page: unknown[]) => page.map((r) => mrLearnLearnerSchema.parse(r));
const cellsOf = (l: MrLearnLearner) => [l.id, l.email?.toLowerCase() ?? null, l.email?.toLowerCase() ?? null, l.name, l.phone ?? null, l.status ?? null, l.last_active_at ?? null, l.updated_at, JSON.stringify(l)];

// COPY text format: tab-separated, \N for null, backslash escapes.
const copyText = (v: string | null) => (v === null ? '\\N' : v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
const utc = (iso: string | null | undefined) => (iso ? new Date(iso).toISOString().slice(0, 23) : null); // timestamp(3) holding UTC
const COPY_SQL = 'COPY "mrlearn"."learners" ("syncConfigId", "externalId", "email", "name", "phone", "externalStatus", "lastActiveAt", "externalUpdatedAt", "raw", "lastSyncedAt", "updatedAt") FROM STDIN';

/** Every row in one COPY, in one transaction: zod check and encoding included, as the other cases parse too. */
async function copyAll(pages: unknown[][], configId: string) {
  const syncedAt = new Date().toISOString().slice(0, 23);
  function* lines() {
    for (const page of pages) {
      let chunk = '';
      for (const l of learnersOf(page)) {
        chunk += [configId, l.id, l.email?.toLowerCase() ?? null, l.name, l.phone ?? null, l.status ?? null, utc(l.last_active_at), utc(l.updated_at), JSON.stringify(l), syncedAt, syncedAt].map(copyText).join('\t') + '\n';
      }
      yield chunk;
    }
  }
  await client.query('BEGIN');
  await pipeline(Readable.from(lines()), client.query(copyFrom(COPY_SQL)));
  await client.query('COMMIT');
}

async function learnerCount(configId: string) {
  const r = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM "mrlearn"."learners" WHERE "syncConfigId" = $1::uuid', [configId]);
  return Number(r.rows[0]!.n);
}

async function waitForScheduleIdle(configId: string) {
  // Wait for the Schedule to see the workflow closed, or the next trigger is skipped (overlap SKIP).
  const handle = temporal.schedule.getHandle(`sync/mrlearn/${configId}`);
  while ((await handle.describe()).info.runningActions.length > 0) await sleep(200);
  await sleep(500);
}

/**
 * Triggers a run and polls its row every 25 ms (the same polling in every case) until it is no
 * longer RUNNING; `halfAt` is when half the rows were committed, and `atHalf` runs then.
 */
async function timedRun(configId: string, full: boolean, atHalf?: (t0: number) => Promise<void>) {
  const before = await db.mrLearnSyncRun.count({ where: { syncConfigId: configId } });
  const t0 = performance.now();
  await triggerSyncConfig(deps, 'mrlearn', configId, { full });
  let halfAt: number | null = null;
  let side: Promise<void> | undefined;
  for (;;) {
    const runs = await db.mrLearnSyncRun.findMany({ where: { syncConfigId: configId }, orderBy: { createdAt: 'desc' } });
    const run = runs.length > before ? runs[0]! : null;
    if (run && halfAt === null && run.fetchedCount >= N / 2) {
      halfAt = (performance.now() - t0) / 1000;
      side = atHalf?.(t0);
    }
    if (run && run.status !== 'RUNNING') {
      const secs = (performance.now() - t0) / 1000;
      await side;
      await waitForScheduleIdle(configId);
      return { secs, halfAt: halfAt ?? secs, run };
    }
    if (performance.now() - t0 > 900_000) throw new Error('the sync run did not finish within 15 minutes');
    await sleep(25);
  }
}

/** A worker in a child process (test/fixtures/crashing-worker.ts; it never kills itself here: this bench SIGKILLs it). */
const childWorker = () =>
  spawnCrashingWorker({ databaseUrl: env.databaseUrl, temporalAddress: env.temporalAddress, workflowBundlePath: bundlePath }, taskQueue, 'syncRunPagesActivity', {
    CRASH_AFTER_CALLS: String(Number.MAX_SAFE_INTEGER),
    SYNC_SETTINGS: JSON.stringify(sync),
  });

const rate = (secs: number) => Math.round(N / secs);
const fmt = (n: number) => n.toLocaleString('en-US').replace(/,/g, ' ');
const problems: string[] = [];
try {
  console.log(`\nMr Learn sync benchmark: ${N} learners, page size ${PAGE}, ${sync.pagesPerActivity} pages per activity; ${temporalLabel(env.temporalKind)}, embedded PostgreSQL, ${os.cpus().length} cores`);
  console.log('Each case writes into an empty mrlearn.learners (TRUNCATE + CHECKPOINT first), except the rerun (into the rows the first sync wrote).\n');
  await startInProcessWorker();
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
  const fetchSecs = (performance.now() - tf) / 1000;

  // COPY baseline, into an empty table.
  await emptyLearners();
  const copyConfig = randomUUID();
  const tc = performance.now();
  await copyAll(pages, copyConfig);
  const copySecs = (performance.now() - tc) / 1000;
  if ((await learnerCount(copyConfig)) !== N) problems.push('COPY did not write every learner');

  // INSERT … ON CONFLICT baseline: the sync's statement, page by page, into an empty table.
  await emptyLearners();
  const baselineConfig = randomUUID();
  const tb = performance.now();
  for (const page of pages) {
    const rows = learnersOf(page);
    await db.$transaction((tx) => upsertPage(tx, MRLEARN_LEARNERS_SPEC, [baselineConfig], rows.map(cellsOf)));
  }
  const baselineSecs = (performance.now() - tb) / 1000;

  const creds = await createSyncCredentials(deps, 'mrlearn', { name: 'bench', baseUrl: sim.baseUrl, ...MRLEARN_SIM_CLIENT });
  const config = await createSyncConfig(deps, 'mrlearn', { name: 'bench', authCredentialsId: creds.id, resources: ['learners'], intervalMinutes: 1440 });

  await emptyLearners();
  const first = await timedRun(config.id, false);
  if (first.run.status !== 'SUCCEEDED' || first.run.createdCount !== N) problems.push(`the first sync did not insert every learner: ${first.run.status}, ${first.run.createdCount} inserted`);
  const again = await timedRun(config.id, true);
  const againUnchanged = (again.run.stats as { unchanged?: number } | null)?.unchanged ?? 0;
  if (again.run.status !== 'SUCCEEDED' || againUnchanged !== N) problems.push(`the rerun did not find every learner unchanged: ${again.run.status}, ${againUnchanged} unchanged`);

  // The same first run on a worker in a child process (the crash case's worker), uninterrupted: the crash case's reference.
  await emptyLearners();
  await stopInProcessWorker();
  const steady = childWorker();
  await steady.ready;
  const childFirst = await timedRun(config.id, true);
  steady.kill();
  await steady.exited;
  if (childFirst.run.status !== 'SUCCEEDED' || childFirst.run.createdCount !== N) problems.push(`the child-process sync did not insert every learner: ${childFirst.run.status}, ${childFirst.run.createdCount} inserted`);

  // Crash at 50%: the child-process worker is SIGKILLed once half the rows are committed; a new in-process worker finishes the run.
  await emptyLearners();
  const doomed = childWorker();
  await doomed.ready;
  let killAt = 0;
  let resumedAt = 0;
  let committedAtKill = 0;
  const crashed = await timedRun(config.id, true, async (t0) => {
    doomed.kill();
    killAt = (performance.now() - t0) / 1000;
    await doomed.exited;
    const atKill = await db.mrLearnSyncRun.findFirstOrThrow({ where: { syncConfigId: config.id }, orderBy: { createdAt: 'desc' }, select: { fetchedCount: true } });
    committedAtKill = atKill.fetchedCount;
    await startInProcessWorker();
    for (;;) {
      const run = await db.mrLearnSyncRun.findFirstOrThrow({ where: { syncConfigId: config.id }, orderBy: { createdAt: 'desc' }, select: { fetchedCount: true, status: true } });
      if (run.fetchedCount > committedAtKill || run.status !== 'RUNNING') break;
      await sleep(25);
    }
    resumedAt = (performance.now() - t0) / 1000;
  });
  const c = crashed.run;
  const cUnchanged = (c.stats as { unchanged?: number } | null)?.unchanged ?? 0;
  const crashRows = await learnerCount(config.id);
  const addsUp = c.createdCount + c.updatedCount + cUnchanged === N && c.fetchedCount === N && crashRows === N;
  if (c.status !== 'SUCCEEDED' || !addsUp) problems.push(`the crashed run does not add up: ${c.status}, fetched ${c.fetchedCount}, ${c.createdCount} inserted + ${c.updatedCount} updated + ${cUnchanged} unchanged, ${crashRows} rows`);

  const row = (phase: string, secs: number, vsCopy: boolean) => `| ${phase} | ${secs.toFixed(1)} | ${fmt(rate(secs))} | ${vsCopy ? `${(copySecs / secs).toFixed(2)}×` : '—'} | ${(baselineSecs / secs).toFixed(2)}× |`;
  console.log('| phase | s | rows/s | vs COPY | vs INSERT … ON CONFLICT |');
  console.log('|---|---|---|---|---|');
  console.log(`| fetch only (HTTP, into memory) | ${fetchSecs.toFixed(1)} | ${fmt(rate(fetchSecs))} | — | — |`);
  console.log(row('COPY … FROM STDIN (one statement)', copySecs, true));
  console.log(row('INSERT … ON CONFLICT, page by page', baselineSecs, true));
  console.log(row('sync, first run (all inserted)', first.secs, true));
  console.log(row('sync, full rerun (all unchanged)', again.secs, true));
  console.log(row('sync, first run, child-process worker', childFirst.secs, true));
  console.log(row('sync, child worker SIGKILLed at 50%, resumed in-process', crashed.secs, true));
  console.log(`\nratio: sync first run = ${(copySecs / first.secs).toFixed(3)}× COPY (goal ≥ 0.3×: ${copySecs / first.secs >= 0.3 ? 'met' : 'NOT met'}); full rerun = ${(copySecs / again.secs).toFixed(3)}× COPY`);
  console.log(`half the rows committed at: first run ${first.halfAt.toFixed(1)} s, child-process first run ${childFirst.halfAt.toFixed(1)} s, crash run ${killAt.toFixed(1)} s`);
  console.log(
    `crash at 50%: SIGKILL at ${killAt.toFixed(1)} s with ${fmt(committedAtKill)} rows committed; the new worker's first page at ${resumedAt.toFixed(1)} s ` +
      `(heartbeat timeout ${HEARTBEAT_TIMEOUT_SECONDS} s, then the 5 s retry interval); total ${crashed.secs.toFixed(1)} s = ${(crashed.secs / childFirst.secs).toFixed(2)}× the uninterrupted child-process run (${childFirst.secs.toFixed(1)} s), ` +
      `${(crashed.secs / first.secs).toFixed(2)}× the in-process first run (${first.secs.toFixed(1)} s); ${(crashed.secs - (resumedAt - killAt)).toFixed(1)} s without the ${(resumedAt - killAt).toFixed(1)} s dead time`,
  );
  console.log(`crash run counts: fetched ${fmt(c.fetchedCount)}, ${fmt(c.createdCount)} inserted + ${fmt(c.updatedCount)} updated + ${fmt(cUnchanged)} unchanged, ${fmt(crashRows)} rows in the table ${addsUp ? '(adds up, no duplicates)' : '(DOES NOT ADD UP)'}`);
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
} finally {
  await stopInProcessWorker();
  await client.end().catch(() => {});
  await native.close();
  await sim.close();
  await env.close();
  rmSync(tmp, { recursive: true, force: true });
}
