// Cold start of the api and the worker: spawn → "api listening" / "worker running", as the
// images ran them (`node --import tsx <entry>.ts`, transpiling TypeScript at every start, and a
// worker that bundles its workflows with webpack at every start) next to the built output
// (`npm run build`: `node dist/<entry>.js`, the worker loading dist/workflow-bundle.js). Both
// against the same fresh database and Temporal server, one process at a time.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { freePort } from '../scripts/lib/free-port.js';
import { root } from '../scripts/setup.mjs';
import { startBenchEnvironment, temporalLabel } from './lib/environment.js';
import { summarize, table, type Summary } from './lib/stats.js';

const RUNS = Number(process.env.BENCH_COLD_START_RUNS ?? 5);
if (!existsSync(path.join(root, 'dist', 'worker', 'main.js')) || !existsSync(path.join(root, 'dist', 'workflow-bundle.js'))) {
  console.log('dist/ is missing: npm run build first');
  const b = spawn(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  const code = await new Promise<number | null>((r) => b.once('exit', r));
  if (code !== 0) throw new Error('npm run build failed');
}
const env = await startBenchEnvironment({ taskQueue: `bench-cold-${randomUUID()}` });

/** ms from spawn until the process prints `ready`, then it is stopped with SIGTERM. */
async function coldStart(args: string[], ready: string): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', DATABASE_URL: env.databaseUrl, TEMPORAL_ADDRESS: env.temporalAddress, TEMPORAL_TASK_QUEUE: `cold-${randomUUID()}`, PORT: String(port), AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const ms = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${ready}" within 120 s from ${args.join(' ')}:\n${out.slice(-2000)}`)), 120_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve(performance.now() - t0);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before "${ready}":\n${out.slice(-2000)}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return ms;
}

const variants: [string, string[], string][] = [
  ['api, node --import tsx api/server.ts (before)', ['--import', 'tsx', 'api/server.ts'], 'api listening'],
  ['api, node dist/api/server.js (built)', ['dist/api/server.js'], 'api listening'],
  ['worker, tsx + webpack bundle at start (before)', ['--import', 'tsx', 'worker/main.ts'], 'worker running'],
  ['worker, node dist/worker/main.js + prebuilt bundle (built)', ['dist/worker/main.js'], 'worker running'],
];

try {
  console.log(`\nCold start (${RUNS} starts each, one at a time; ${temporalLabel(env.temporalKind)}, embedded PostgreSQL)\n`);
  const rows: [string, Summary][] = [];
  for (const [name, args, ready] of variants) {
    await coldStart(args, ready); // warm the OS file cache, as a restart on the same host would be
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) samples.push(await coldStart(args, ready));
    rows.push([name, summarize(samples)]);
  }
  console.log(table(rows));
  const ratio = (a: number, b: number) => `${(rows[a]![1].p50 / rows[b]![1].p50).toFixed(2)}×`;
  console.log(`\napi cold start, built / before: ${ratio(1, 0)} (p50)`);
  console.log(`worker cold start, built / before: ${ratio(3, 2)} (p50)`);
} finally {
  await env.close();
}
