// Once per `vitest run`: a fresh PostgreSQL database (embedded, or on DATABASE_URL's server),
// migrated; a headless Temporal dev server on a free port; the workflow bundle built once.
// Test files read these through inject() and build their own stack (test/support/stack.ts).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { deployMigrations } from '../../prisma/tools/migrate.js';
import { freePort } from '../../scripts/lib/free-port.js';
import { acquireTestDatabase, keepExitCode } from '../../scripts/lib/postgres.js';
import { startTemporalDevServer } from '../../scripts/lib/temporal-server.js';
import { workflowsPath } from '../../worker/create-worker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

export default async function setup(project: TestProject) {
  keepExitCode();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'mas-test-'));
  chmodSync(tmp, 0o755); // embedded PostgreSQL runs as the postgres user when we are root
  const [pgPort, temporalPort] = [await freePort(), await freePort()];
  const started = await Promise.allSettled([
    acquireTestDatabase({ tmpDir: path.join(tmp, 'pg'), port: pgPort }),
    startTemporalDevServer({ port: temporalPort, headless: true, logLevel: 'error' }),
    bundleWorkflowCode({ workflowsPath, logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } }),
  ]);
  const cleanup = async () => {
    const [db, tp] = started;
    if (tp.status === 'fulfilled') await tp.value.stop();
    if (db.status === 'fulfilled') await db.value.release();
    rmSync(tmp, { recursive: true, force: true });
  };
  const failed = started.find((r) => r.status === 'rejected');
  if (failed) {
    await cleanup();
    throw failed.reason;
  }
  const [database, temporal, bundle] = started.map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
    Awaited<ReturnType<typeof acquireTestDatabase>>,
    Awaited<ReturnType<typeof startTemporalDevServer>>,
    Awaited<ReturnType<typeof bundleWorkflowCode>>,
  ];
  try {
    await deployMigrations(database.url);
  } catch (err) {
    await cleanup();
    throw err;
  }
  const bundlePath = path.join(tmp, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);

  project.provide('databaseUrl', database.url);
  project.provide('temporalAddress', temporal.address);
  project.provide('workflowBundlePath', bundlePath);

  return cleanup;
}
