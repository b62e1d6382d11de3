// What every benchmark stands on: a fresh migrated database (embedded PostgreSQL unless
// DATABASE_URL), a Temporal server, and the api's dependencies built as in prod. The server is
// the headless dev server, or the real one on the same PostgreSQL server with
// `npm run bench -- --temporal cluster` (BENCH_TEMPORAL=cluster) or `temporal: 'cluster'`.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import type { ServiceDeps } from '../../services/deps.js';
import { createLogger } from '../../infra/logger.js';
import { createPrisma } from '../../infra/prisma.js';
import { deployMigrations } from '../../prisma/tools/migrate.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { acquireTestDatabase, keepExitCode } from '../../scripts/lib/postgres.js';
import { dropTemporalDatabases, startTemporalCluster } from '../../scripts/lib/temporal-cluster.js';
import { startTemporalDevServer } from '../../scripts/lib/temporal-server.js';
import { TEST_MEETING_SECRET, TEST_RAZORPAY, testJwt } from '../../test/support/stack.js';
import { unreachableEmail, unreachableLlm, unreachableObjectStore, unreachableLeegality, unreachableRazorpay, UNUSED_HIRE_CONFIG, UNUSED_LEEGALITY_CONFIG } from '../../test/support/static-app.js';
import { disabledVoice } from '../../providers/voice/index.js';
import { disabledWhatsApp } from '../../providers/whatsapp/index.js';

export type BenchTemporal = 'dev' | 'cluster';

export function benchTemporalFromEnv(): BenchTemporal {
  const t = process.env.BENCH_TEMPORAL ?? 'dev';
  if (t !== 'dev' && t !== 'cluster') throw new Error(`BENCH_TEMPORAL must be dev or cluster (got ${t})`);
  return t;
}

/** For a bench's header: which Temporal server the figures come from. */
export const temporalLabel = (kind: BenchTemporal) => (kind === 'cluster' ? 'Temporal server v1.29.1 on PostgreSQL' : 'Temporal dev server on SQLite');

export async function startBenchEnvironment(opts: { taskQueue: string; poolMax?: number; temporal?: BenchTemporal }) {
  const kind = opts.temporal ?? benchTemporalFromEnv();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  keepExitCode(); // a benchmark that sets process.exitCode = 1 must exit 1
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mas-bench-'));
  chmodSync(tmp, 0o755);
  const database = await acquireTestDatabase({ tmpDir: path.join(tmp, 'pg'), port: await freePort() });
  const clusterPrefix = `temporal_bench_${randomBytes(3).toString('hex')}`;
  const temporalServer =
    kind === 'cluster'
      ? await startTemporalCluster({ databaseUrl: database.url, databasePrefix: clusterPrefix, dir: path.join(tmp, 'temporal'), logLevel: 'error' })
      : await startTemporalDevServer({ port: await freePort(), headless: true });
  await deployMigrations(database.url);
  const db = createPrisma(database.url, opts.poolMax ?? 20);
  const temporal = new Client({ connection: await Connection.connect({ address: temporalServer.address }) });
  const deps: ServiceDeps = {
    db,
    temporal,
    logger: createLogger('silent'),
    jwt: await testJwt(),
    razorpay: unreachableRazorpay(),
    s3: unreachableObjectStore(),
    resumes: unreachableObjectStore(),
    documents: unreachableObjectStore(),
    whatsapp: disabledWhatsApp(),
    email: unreachableEmail(),
    llm: unreachableLlm(),
    voice: disabledVoice(),
    leegality: unreachableLeegality(),
    config: { taskQueue: opts.taskQueue, meetingEventsSecret: TEST_MEETING_SECRET, bodyLimitBytes: 1 << 20, razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 60 }, ...UNUSED_HIRE_CONFIG, ...UNUSED_LEEGALITY_CONFIG },
  };
  return {
    databaseUrl: database.url,
    temporalAddress: temporalServer.address,
    /** Which Temporal server this is: the dev server or the real one on PostgreSQL. */
    temporalKind: kind,
    /** The Temporal server's pid, for CPU accounting (/proc/<pid>/stat). */
    temporalPid: temporalServer.process.pid,
    deps,
    async close() {
      await temporal.connection.close();
      await db.$disconnect();
      await temporalServer.stop();
      if (kind === 'cluster') await dropTemporalDatabases(database.url, clusterPrefix).catch(() => {});
      await database.release();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
