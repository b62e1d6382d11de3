// Runs the whole system on embedded defaults: PostgreSQL (embedded unless DATABASE_URL),
// migrations and demo data, the Temporal dev server (unless TEMPORAL_ADDRESS), the worker
// and the api. Ctrl-C stops every child; if one dies, the rest are stopped too.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { deployMigrations } from '../prisma/tools/migrate.js';
import { seedIfEmpty } from '../prisma/seed.js';
import { createPrisma } from '../infra/prisma.js';
import { acquireDevDatabase } from './lib/postgres.js';
import { startTemporalDevServer, type DevServer } from './lib/temporal-server.js';
import { isPortOpen } from './lib/free-port.js';
import { root } from './setup.mjs';

const dataDir = path.join(root, '.data');
mkdirSync(dataDir, { recursive: true });
const say = (msg: string) => process.stdout.write(`[stack] ${msg}\n`);

const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 55432);
const temporalPort = Number(process.env.TEMPORAL_DEV_PORT ?? 7233);
const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

const children: { name: string; proc: ChildProcess }[] = [];
let temporal: DevServer | undefined;
let release: (() => Promise<void>) | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(
    children.map(
      ({ proc }) =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          proc.once('exit', () => resolve());
          proc.kill('SIGTERM');
          setTimeout(() => proc.kill('SIGKILL'), 12_000).unref();
        }),
    ),
  );
  await temporal?.stop().catch(() => {});
  await release?.().catch(() => {});
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function launch(name: string, entry: string, env: NodeJS.ProcessEnv) {
  const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, entry)], { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.push({ name, proc });
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping the stack`);
      void shutdown(1);
    }
  });
  return proc;
}

try {
  if (await isPortOpen(port)) throw new Error(`port ${port} is in use; set PORT to move the api`);
  const database = await acquireDevDatabase({ dataDir: path.join(dataDir, 'postgres'), port: pgPort, name: 'mas' });
  release = database.release;
  say(`PostgreSQL: ${database.embedded ? `embedded on 127.0.0.1:${pgPort} (data in .data/postgres)` : 'DATABASE_URL'}`);

  const applied = await deployMigrations(database.url);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
  const db = createPrisma(database.url, 2);
  const seeded = await seedIfEmpty(db, (line) => say(line));
  await db.$disconnect();
  if (!seeded) say('database already has data; demo seed skipped');

  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    temporal = await startTemporalDevServer({
      port: temporalPort,
      uiPort,
      dbFilename: path.join(dataDir, 'temporal.sqlite'),
      logLevel: 'warn',
      onOutput: (s) => process.stderr.write(s),
    });
    temporalAddress = temporal.address;
  }

  const env = { DATABASE_URL: database.url, TEMPORAL_ADDRESS: temporalAddress, PORT: String(port) };
  launch('worker', 'worker/main.ts', env);
  launch('api', 'api/server.ts', env);

  say('');
  say(`api            http://localhost:${port}   (health: /api/health, spec: /openapi.json)`);
  say(`temporal gRPC  ${temporalAddress}`);
  if (temporal) say(`temporal UI    http://localhost:${uiPort}`);
  say('Ctrl-C stops everything.');
} catch (err) {
  console.error(`[stack] ${(err as Error).message}`);
  await shutdown(1);
}
