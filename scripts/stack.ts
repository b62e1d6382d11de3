// Runs the whole system on embedded defaults: PostgreSQL (embedded unless DATABASE_URL),
// migrations and demo data, the Temporal dev server (unless TEMPORAL_ADDRESS), the worker
// and the api. Children run in their own process groups so that Ctrl-C reaches only this
// supervisor, which stops them in order: api and worker (they drain), Temporal, PostgreSQL.
// A child that dies unasked is restarted with backoff (scripts/lib/supervisor.ts); one that
// keeps dying fast makes the stack give up and stop everything.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { deployMigrations } from '../prisma/tools/migrate.js';
import { seedIfEmpty } from '../prisma/seed/index.js';
import { DEV_RAZORPAY } from '../infra/env.js';
import { DEV_WHATSAPP } from '../infra/env.js';
import { DEV_EXOTEL, DEV_GOOGLE } from '../infra/env.js';
import { DEV_LEEGALITY, DEV_LLM, DEV_VOICE } from '../infra/env.js';
import { createPrisma } from '../infra/prisma.js';
import { startTemporalCluster, startTemporalUi } from './lib/temporal-cluster.js';
import { temporalModeFromEnv } from './lib/temporal-mode.js';
import { startTemporalDevServer } from './lib/temporal-server.js';
import { isPortOpen } from './lib/free-port.js';
import { DEFAULT_RESTART_POLICY, supervise, type ChildSpec, type RestartPolicy, type SupervisedChild } from './lib/supervisor.js';
import { root } from './setup.mjs';

// STACK_DATA_DIR moves PostgreSQL, Temporal's SQLite file and the S3 objects (tests use it).
const dataDir = path.resolve(process.env.STACK_DATA_DIR ?? path.join(root, '.data'));
mkdirSync(dataDir, { recursive: true });
const say = (msg: string) => process.stdout.write(`[stack] ${msg}\n`);

const port = Number(process.env.PORT ?? 3000);
const pgPort = Number(process.env.EMBEDDED_PG_PORT ?? 55432);
const temporalPort = Number(process.env.TEMPORAL_DEV_PORT ?? 7233);
const uiPort = Number(process.env.TEMPORAL_UI_PORT ?? 8233);

const envInt = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const policy: RestartPolicy = {
  initialDelayMs: envInt('STACK_RESTART_INITIAL_DELAY_MS', DEFAULT_RESTART_POLICY.initialDelayMs),
  maxDelayMs: envInt('STACK_RESTART_MAX_DELAY_MS', DEFAULT_RESTART_POLICY.maxDelayMs),
  fastFailureMs: envInt('STACK_RESTART_FAST_FAILURE_MS', DEFAULT_RESTART_POLICY.fastFailureMs),
  maxFastFailures: envInt('STACK_RESTART_MAX_FAST_FAILURES', DEFAULT_RESTART_POLICY.maxFastFailures),
};

const apps: SupervisedChild[] = [];
let temporal: SupervisedChild | undefined;
let temporalUi: SupervisedChild | undefined;
let postgres: SupervisedChild | undefined;
let stopping = false;

function stopChild(proc: ChildProcess | undefined, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGTERM');
    setTimeout(() => proc.kill('SIGKILL'), graceMs).unref();
  });
}

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(apps.map((app) => app.stop()));
  await temporalUi?.stop().catch(() => {});
  await temporal?.stop().catch(() => {});
  await postgres?.stop();
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function tsx(entry: string, args: string[], env: NodeJS.ProcessEnv, stdout: 'inherit' | 'pipe') {
  return spawn(process.execPath, ['--import', 'tsx', path.join(root, entry), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', stdout, 'inherit'],
    detached: true,
  });
}

const hooks = {
  log: say,
  giveUp: (_name: string, reason: string) => {
    console.error(`[stack] ${reason}; stopping the stack`);
    void shutdown(1);
  },
};

/** Supervises a child; its pid goes to the log so an operator (or a test) can find it. */
async function supervised(spec: ChildSpec): Promise<SupervisedChild> {
  const child = await supervise(spec, policy, hooks);
  say(`${spec.name} started (pid ${child.current()?.pid})`);
  return child;
}

async function launch(name: string, entry: string, env: NodeJS.ProcessEnv) {
  const child = await supervised({
    name,
    start: async () => tsx(entry, [], { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env }, 'inherit'),
    stop: (proc) => stopChild(proc, 15_000),
  });
  apps.push(child);
}

/** The embedded server as a child (scripts/postgres-server.ts); resolves once it is ready. */
function spawnEmbeddedPostgres(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = tsx('scripts/postgres-server.ts', [path.join(dataDir, 'postgres'), String(pgPort), 'mas'], {}, 'pipe');
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^ready (\S+)$/m.exec(out);
      if (m) resolve({ proc, url: m[1]! });
    });
    proc.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready`)));
  });
}

async function startEmbeddedPostgres(): Promise<string> {
  let url = '';
  postgres = await supervised({
    name: 'postgres',
    start: async () => {
      const started = await spawnEmbeddedPostgres();
      url = started.url;
      return started.proc;
    },
    stop: (proc) => stopChild(proc, 15_000),
  });
  return url;
}

try {
  if (await isPortOpen(port)) throw new Error(`port ${port} is in use; set PORT to move the api`);
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    if (await isPortOpen(pgPort)) throw new Error(`port ${pgPort} is in use; set EMBEDDED_PG_PORT or DATABASE_URL`);
    databaseUrl = await startEmbeddedPostgres();
  }
  say(`PostgreSQL: ${postgres ? `embedded on 127.0.0.1:${pgPort} (data in ${path.join(dataDir, 'postgres')})` : 'DATABASE_URL'}`);

  const applied = await deployMigrations(databaseUrl);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
  const db = createPrisma(databaseUrl, 2);
  const seeded = await seedIfEmpty(db, (line) => say(line));
  await db.$disconnect();
  if (!seeded) say('database already has data; demo seed skipped');

  const temporalMode = temporalModeFromEnv();
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (temporalMode === 'dev') {
    // Its state lives in the SQLite file, so timers and runs survive a restart.
    temporal = await supervised({
      name: 'temporal',
      start: async () =>
        (
          await startTemporalDevServer({
            port: temporalPort,
            uiPort,
            dbFilename: path.join(dataDir, 'temporal.sqlite'),
            logLevel: 'warn',
            detached: true,
            onOutput: (s) => process.stderr.write(s),
          })
        ).process,
      stop: (proc) => stopChild(proc, 10_000),
    });
    temporalAddress = `127.0.0.1:${temporalPort}`;
  } else if (temporalMode === 'cluster') {
    // The real server on PostgreSQL: databases temporal and temporal_visibility on the app's
    // server (the embedded one by default) or on TEMPORAL_DB_URL's.
    const temporalDbUrl = process.env.TEMPORAL_DB_URL ?? databaseUrl;
    temporalAddress = `127.0.0.1:${temporalPort}`;
    temporal = await supervised({
      name: 'temporal',
      start: async () =>
        (
          await startTemporalCluster({
            databaseUrl: temporalDbUrl,
            dir: path.join(dataDir, 'temporal-cluster'),
            port: temporalPort,
            logLevel: 'warn',
            detached: true,
            onOutput: (s) => process.stderr.write(s),
          })
        ).process,
      stop: (proc) => stopChild(proc, 15_000),
    });
    const address = temporalAddress;
    temporalUi = await supervised({
      name: 'temporal-ui',
      start: async () => (await startTemporalUi({ address, port: uiPort, dir: path.join(dataDir, 'temporal-ui'), detached: true })).process,
      stop: (proc) => stopChild(proc, 5_000),
    });
  }

  const env: NodeJS.ProcessEnv = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, PORT: String(port) };
  // The provider simulators (the real clients talk to them) unless a real endpoint is set.
  // `ports` go to the simulator and to the api and worker, which build their clients from them.
  const e = process.env;
  const simulators: { name: string; entry: string; enabled: boolean; ports: Record<string, string>; env?: NodeJS.ProcessEnv; banner: (p: Record<string, string>) => string }[] = [
    {
      // Posts signed webhooks to the api.
      name: 'razorpay-sim',
      entry: 'providers/razorpay/simulator-main.ts',
      enabled: e.RAZORPAY_MODE !== 'live' && !e.RAZORPAY_BASE_URL,
      ports: { RAZORPAY_SIM_PORT: e.RAZORPAY_SIM_PORT ?? '4010' },
      env: {
        RAZORPAY_KEY_ID: e.RAZORPAY_KEY_ID ?? DEV_RAZORPAY.keyId,
        RAZORPAY_KEY_SECRET: e.RAZORPAY_KEY_SECRET ?? DEV_RAZORPAY.keySecret,
        RAZORPAY_WEBHOOK_SECRET: e.RAZORPAY_WEBHOOK_SECRET ?? DEV_RAZORPAY.webhookSecret,
        RAZORPAY_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/razorpay`,
      },
      banner: (p) => `razorpay sim   http://127.0.0.1:${p.RAZORPAY_SIM_PORT}/v1 (control API /_sim/)`,
    },
    {
      // Objects persist in .data/s3.
      name: 's3-sim',
      entry: 'providers/s3/simulator-main.ts',
      enabled: e.S3_MODE !== 'live' && !e.S3_ENDPOINT,
      ports: { S3_SIM_PORT: e.S3_SIM_PORT ?? '4569' },
      env: { S3_SIM_DIR: path.join(dataDir, 's3'), S3_SIM_BUCKETS: `${e.S3_BUCKET_RECORDINGS ?? 'mas-recordings'},${e.S3_RESUMES_BUCKET ?? 'mas-resumes'},${e.S3_DOCUMENTS_BUCKET ?? 'mas-documents'}` },
      banner: (p) => `s3 sim         http://127.0.0.1:${p.S3_SIM_PORT} (objects in .data/s3)`,
    },
    {
      // After each send it posts signed "sent" and "delivered" status webhooks to the api.
      name: 'whatsapp-sim',
      entry: 'providers/whatsapp/simulator-main.ts',
      enabled: (e.WHATSAPP_MODE ?? 'sim') === 'sim' && !e.WHATSAPP_BASE_URL,
      ports: { WHATSAPP_SIM_PORT: e.WHATSAPP_SIM_PORT ?? '4020' },
      env: {
        WHATSAPP_PHONE_NUMBER_ID: e.WHATSAPP_PHONE_NUMBER_ID ?? DEV_WHATSAPP.phoneNumberId,
        WHATSAPP_TOKEN: e.WHATSAPP_TOKEN ?? DEV_WHATSAPP.token,
        WHATSAPP_APP_SECRET: e.WHATSAPP_APP_SECRET ?? DEV_WHATSAPP.appSecret,
        WHATSAPP_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/whatsapp`,
      },
      banner: (p) => `whatsapp sim   http://127.0.0.1:${p.WHATSAPP_SIM_PORT} (control API /_sim/)`,
    },
    {
      // Keeps every email; GET /_sim/messages?to=<address> lists them.
      name: 'email-sim',
      entry: 'providers/email/simulator-main.ts',
      enabled: (e.EMAIL_MODE ?? 'sim') === 'sim' && !e.SMTP_URL && !e.SMTP_HOST,
      ports: { EMAIL_SIM_SMTP_PORT: e.EMAIL_SIM_SMTP_PORT ?? '2525', EMAIL_SIM_HTTP_PORT: e.EMAIL_SIM_HTTP_PORT ?? '4050' },
      banner: (p) => `email sim      smtp://127.0.0.1:${p.EMAIL_SIM_SMTP_PORT}, captured mail http://127.0.0.1:${p.EMAIL_SIM_HTTP_PORT}/_sim/messages`,
    },
    {
      // Click-to-call plays itself out and posts StatusCallbacks to the api.
      name: 'exotel-sim',
      entry: 'providers/exotel/simulator-main.ts',
      enabled: (e.EXOTEL_MODE ?? 'sim') === 'sim' && !e.EXOTEL_BASE_URL,
      ports: { EXOTEL_SIM_PORT: e.EXOTEL_SIM_PORT ?? '4030' },
      env: { EXOTEL_ACCOUNT_SID: e.EXOTEL_ACCOUNT_SID ?? DEV_EXOTEL.accountSid, EXOTEL_API_KEY: e.EXOTEL_API_KEY ?? DEV_EXOTEL.apiKey, EXOTEL_API_TOKEN: e.EXOTEL_API_TOKEN ?? DEV_EXOTEL.apiToken },
      banner: (p) => `exotel sim     http://127.0.0.1:${p.EXOTEL_SIM_PORT}/v1/Accounts/${e.EXOTEL_ACCOUNT_SID ?? DEV_EXOTEL.accountSid}/ (control API /_sim/)`,
    },
    {
      // OAuth consent redirects straight back with a code; Calendar events in memory (GET /_sim/events).
      name: 'google-sim',
      entry: 'providers/google/simulator-main.ts',
      enabled: (e.GOOGLE_MODE ?? 'sim') === 'sim' && !e.GOOGLE_AUTH_BASE_URL && !e.GOOGLE_TOKEN_BASE_URL && !e.GOOGLE_API_BASE_URL,
      ports: { GOOGLE_SIM_PORT: e.GOOGLE_SIM_PORT ?? '4040' },
      env: { GOOGLE_CLIENT_ID: e.GOOGLE_CLIENT_ID ?? DEV_GOOGLE.clientId, GOOGLE_CLIENT_SECRET: e.GOOGLE_CLIENT_SECRET ?? DEV_GOOGLE.clientSecret },
      banner: (p) => `google sim     http://127.0.0.1:${p.GOOGLE_SIM_PORT} (consent /o/oauth2/v2/auth, control API /_sim/)`,
    },
    {
      // Deterministic, schema-valid chat completions; POST /_sim/scripts scripts faults.
      name: 'llm-sim',
      entry: 'providers/llm/simulator-main.ts',
      enabled: (e.LLM_MODE ?? 'sim') === 'sim' && !e.LLM_BASE_URL,
      ports: { LLM_SIM_PORT: e.LLM_SIM_PORT ?? '4060' },
      env: { LLM_API_KEY: e.LLM_API_KEY ?? DEV_LLM.apiKey },
      banner: (p) => `llm sim        http://127.0.0.1:${p.LLM_SIM_PORT}/v1 (control API /_sim/)`,
    },
    {
      // Each outbound call "talks" for a few seconds, then posts its signed post-call webhook to the api.
      name: 'voice-sim',
      entry: 'providers/voice/simulator-main.ts',
      enabled: (e.VOICE_MODE ?? 'sim') === 'sim' && !e.VOICE_BASE_URL,
      ports: { VOICE_SIM_PORT: e.VOICE_SIM_PORT ?? '4070' },
      env: {
        VOICE_API_KEY: e.VOICE_API_KEY ?? DEV_VOICE.apiKey,
        VOICE_WEBHOOK_SECRET: e.VOICE_WEBHOOK_SECRET ?? DEV_VOICE.webhookSecret,
        VOICE_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/voice`,
        ...(e.VOICE_OUTBOUND_CALL_PATH ? { VOICE_OUTBOUND_CALL_PATH: e.VOICE_OUTBOUND_CALL_PATH } : {}),
      },
      banner: (p) => `voice sim      http://127.0.0.1:${p.VOICE_SIM_PORT} (control API /_sim/)`,
    },
    {
      // Sign requests wait for POST /_sim/documents/<documentId>/sign, which posts the webhook (with its MAC) to the api.
      name: 'leegality-sim',
      entry: 'providers/leegality/simulator-main.ts',
      enabled: (e.LEEGALITY_MODE ?? 'sim') === 'sim' && !e.LEEGALITY_BASE_URL,
      ports: { LEEGALITY_SIM_PORT: e.LEEGALITY_SIM_PORT ?? '4080' },
      env: {
        LEEGALITY_AUTH_TOKEN: e.LEEGALITY_AUTH_TOKEN ?? DEV_LEEGALITY.authToken,
        LEEGALITY_PRIVATE_SALT: e.LEEGALITY_PRIVATE_SALT ?? DEV_LEEGALITY.privateSalt,
        LEEGALITY_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/leegality`,
      },
      banner: (p) => `leegality sim  http://127.0.0.1:${p.LEEGALITY_SIM_PORT}/api (control API /_sim/)`,
    },
    {
      // Mr Learn's REST API with 100k deterministic learners; sync credentials: this baseUrl, client mas-dev / dev-mrlearn-client-secret.
      name: 'mrlearn-sim',
      entry: 'providers/mrlearn/simulator-main.ts',
      enabled: (e.MRLEARN_SIM ?? 'on') === 'on',
      ports: { MRLEARN_SIM_PORT: e.MRLEARN_SIM_PORT ?? '4090' },
      banner: (p) => `mr learn sim   http://127.0.0.1:${p.MRLEARN_SIM_PORT} (client mas-dev; control API /_sim/)`,
    },
    {
      // Mr Test's REST API with 100k deterministic students; sync credentials: this baseUrl, client mas-dev / dev-mrtest-client-secret.
      name: 'mrtest-sim',
      entry: 'providers/mrtest/simulator-main.ts',
      enabled: (e.MRTEST_SIM ?? 'on') === 'on',
      ports: { MRTEST_SIM_PORT: e.MRTEST_SIM_PORT ?? '4095' },
      banner: (p) => `mr test sim    http://127.0.0.1:${p.MRTEST_SIM_PORT} (client mas-dev; control API /_sim/)`,
    },
  ];
  const running = simulators.filter((sim) => sim.enabled);
  for (const sim of running) {
    await launch(sim.name, sim.entry, { ...sim.ports, ...sim.env });
    Object.assign(env, sim.ports);
  }
  env.PUBLIC_API_URL = process.env.PUBLIC_API_URL ?? `http://127.0.0.1:${port}`;
  // `npm run start:scaled` (STACK_SCALED=1): WORKER_PROCESSES workers and API_PROCESSES api
  // processes behind one port (scripts/api-cluster.ts); `npm start`: one of each.
  if (process.env.STACK_SCALED === '1') {
    const workers = Number(process.env.WORKER_PROCESSES ?? 2);
    if (!Number.isInteger(workers) || workers < 1 || workers > 32) throw new Error(`WORKER_PROCESSES must be an integer 1..32 (got ${process.env.WORKER_PROCESSES})`);
    for (let n = 1; n <= workers; n++) await launch(`worker-${n}`, 'worker/main.ts', env);
    await launch('api', 'scripts/api-cluster.ts', { ...env, API_PROCESSES: process.env.API_PROCESSES ?? '2' });
  } else {
    await launch('worker', 'worker/main.ts', env);
    await launch('api', 'api/server.ts', env);
  }

  say('');
  say(`api            http://localhost:${port}   (health: /api/health, spec: /openapi.json)`);
  say(`temporal gRPC  ${temporalAddress} (${temporalMode === 'cluster' ? 'Temporal server on PostgreSQL' : temporalMode === 'dev' ? 'dev server' : 'TEMPORAL_ADDRESS'})`);
  if (temporal) say(`temporal UI    http://localhost:${uiPort}`);
  for (const sim of running) say(sim.banner(sim.ports));
  say('Ctrl-C stops everything.');
} catch (err) {
  console.error(`[stack] ${(err as Error).message}`);
  await shutdown(1);
}
