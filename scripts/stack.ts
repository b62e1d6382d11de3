// Runs the whole system on embedded defaults: PostgreSQL (embedded unless DATABASE_URL),
// migrations and demo data, the Temporal dev server (unless TEMPORAL_ADDRESS), the worker
// and the api. Children run in their own process groups so that Ctrl-C reaches only this
// supervisor, which stops them in order: api and worker (they drain), Temporal, PostgreSQL.
// If one child dies, the rest are stopped too.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { deployMigrations } from '../prisma/tools/migrate.js';
import { seedIfEmpty } from '../prisma/seed/index.js';
import { DEV_RAZORPAY } from '../infra/env.js';
import { DEV_WHATSAPP } from '../infra/env.js';
import { DEV_EXOTEL } from '../infra/env.js';
import { createPrisma } from '../infra/prisma.js';
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

const apps: { name: string; proc: ChildProcess }[] = [];
let temporal: DevServer | undefined;
let postgres: ChildProcess | undefined;
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
  await Promise.all(apps.map(({ proc }) => stopChild(proc, 15_000)));
  await temporal?.stop().catch(() => {});
  await stopChild(postgres, 15_000);
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

function launch(name: string, entry: string, env: NodeJS.ProcessEnv) {
  const proc = tsx(entry, [], { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env }, 'inherit');
  apps.push({ name, proc });
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping the stack`);
      void shutdown(1);
    }
  });
}

function startEmbeddedPostgres(): Promise<string> {
  const proc = tsx('scripts/postgres-server.ts', [path.join(dataDir, 'postgres'), String(pgPort), 'mas'], {}, 'pipe');
  postgres = proc;
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^ready (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => {
      if (!stopping) reject(new Error(`embedded PostgreSQL exited (${code}) before it was ready`));
    });
  });
}

try {
  if (await isPortOpen(port)) throw new Error(`port ${port} is in use; set PORT to move the api`);
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    if (await isPortOpen(pgPort)) throw new Error(`port ${pgPort} is in use; set EMBEDDED_PG_PORT or DATABASE_URL`);
    databaseUrl = await startEmbeddedPostgres();
  }
  say(`PostgreSQL: ${postgres ? `embedded on 127.0.0.1:${pgPort} (data in .data/postgres)` : 'DATABASE_URL'}`);

  const applied = await deployMigrations(databaseUrl);
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
  const db = createPrisma(databaseUrl, 2);
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
      detached: true,
      onOutput: (s) => process.stderr.write(s),
    });
    temporalAddress = temporal.address;
  }

  const env: NodeJS.ProcessEnv = { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, PORT: String(port) };
  const razorpaySim = process.env.RAZORPAY_MODE !== 'live' && !process.env.RAZORPAY_BASE_URL;
  if (razorpaySim) {
    // The Razorpay simulator (the real client talks to it); it posts signed webhooks to the api.
    const simPort = process.env.RAZORPAY_SIM_PORT ?? '4010';
    launch('razorpay-sim', 'providers/razorpay/simulator-main.ts', {
      RAZORPAY_SIM_PORT: simPort,
      RAZORPAY_KEY_ID: process.env.RAZORPAY_KEY_ID ?? DEV_RAZORPAY.keyId,
      RAZORPAY_KEY_SECRET: process.env.RAZORPAY_KEY_SECRET ?? DEV_RAZORPAY.keySecret,
      RAZORPAY_WEBHOOK_SECRET: process.env.RAZORPAY_WEBHOOK_SECRET ?? DEV_RAZORPAY.webhookSecret,
      RAZORPAY_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/razorpay`,
    });
    env.RAZORPAY_SIM_PORT = simPort;
  }
  const s3Sim = process.env.S3_MODE !== 'live' && !process.env.S3_ENDPOINT;
  if (s3Sim) {
    // The S3 simulator (the real SDK talks to it); objects persist in .data/s3.
    const simPort = process.env.S3_SIM_PORT ?? '4569';
    launch('s3-sim', 'providers/s3/simulator-main.ts', {
      S3_SIM_PORT: simPort,
      S3_SIM_DIR: path.join(dataDir, 's3'),
      S3_SIM_BUCKETS: process.env.S3_BUCKET_RECORDINGS ?? 'mas-recordings',
    });
    env.S3_SIM_PORT = simPort;
  }
  const whatsappSim = (process.env.WHATSAPP_MODE ?? 'sim') === 'sim' && !process.env.WHATSAPP_BASE_URL;
  if (whatsappSim) {
    // The WhatsApp Cloud API simulator (the real client talks to it); after each send it posts
    // signed "sent" and "delivered" status webhooks to the api.
    const simPort = process.env.WHATSAPP_SIM_PORT ?? '4020';
    launch('whatsapp-sim', 'providers/whatsapp/simulator-main.ts', {
      WHATSAPP_SIM_PORT: simPort,
      WHATSAPP_PHONE_NUMBER_ID: process.env.WHATSAPP_PHONE_NUMBER_ID ?? DEV_WHATSAPP.phoneNumberId,
      WHATSAPP_TOKEN: process.env.WHATSAPP_TOKEN ?? DEV_WHATSAPP.token,
      WHATSAPP_APP_SECRET: process.env.WHATSAPP_APP_SECRET ?? DEV_WHATSAPP.appSecret,
      WHATSAPP_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/whatsapp`,
    });
    env.WHATSAPP_SIM_PORT = simPort;
  }
  const emailSim = (process.env.EMAIL_MODE ?? 'sim') === 'sim' && !process.env.SMTP_URL && !process.env.SMTP_HOST;
  if (emailSim) {
    // The SMTP simulator (the real nodemailer client sends to it); it keeps every email, and
    // its control API lists them: GET /_sim/messages?to=<address>.
    const smtpPort = process.env.EMAIL_SIM_SMTP_PORT ?? '2525';
    const httpPort = process.env.EMAIL_SIM_HTTP_PORT ?? '4050';
    launch('email-sim', 'providers/email/simulator-main.ts', { EMAIL_SIM_SMTP_PORT: smtpPort, EMAIL_SIM_HTTP_PORT: httpPort });
    env.EMAIL_SIM_SMTP_PORT = smtpPort;
    env.EMAIL_SIM_HTTP_PORT = httpPort;
  }
  const exotelSim = (process.env.EXOTEL_MODE ?? 'sim') === 'sim' && !process.env.EXOTEL_BASE_URL;
  if (exotelSim) {
    // The Exotel simulator: click-to-call plays itself out and posts StatusCallbacks to the api.
    const simPort = process.env.EXOTEL_SIM_PORT ?? '4030';
    launch('exotel-sim', 'providers/exotel/simulator-main.ts', {
      EXOTEL_SIM_PORT: simPort,
      EXOTEL_ACCOUNT_SID: process.env.EXOTEL_ACCOUNT_SID ?? DEV_EXOTEL.accountSid,
      EXOTEL_API_KEY: process.env.EXOTEL_API_KEY ?? DEV_EXOTEL.apiKey,
      EXOTEL_API_TOKEN: process.env.EXOTEL_API_TOKEN ?? DEV_EXOTEL.apiToken,
    });
    env.EXOTEL_SIM_PORT = simPort;
  }
  env.PUBLIC_API_URL = process.env.PUBLIC_API_URL ?? `http://127.0.0.1:${port}`;
  launch('worker', 'worker/main.ts', env);
  launch('api', 'api/server.ts', env);

  say('');
  say(`api            http://localhost:${port}   (health: /api/health, spec: /openapi.json)`);
  say(`temporal gRPC  ${temporalAddress}`);
  if (temporal) say(`temporal UI    http://localhost:${uiPort}`);
  if (razorpaySim) say(`razorpay sim   http://127.0.0.1:${env.RAZORPAY_SIM_PORT}/v1 (control API /_sim/)`);
  if (whatsappSim) say(`whatsapp sim   http://127.0.0.1:${env.WHATSAPP_SIM_PORT} (control API /_sim/)`);
  if (emailSim) say(`email sim      smtp://127.0.0.1:${env.EMAIL_SIM_SMTP_PORT}, captured mail http://127.0.0.1:${env.EMAIL_SIM_HTTP_PORT}/_sim/messages`);
  if (exotelSim) say(`exotel sim     http://127.0.0.1:${env.EXOTEL_SIM_PORT}/v1/Accounts/${process.env.EXOTEL_ACCOUNT_SID ?? DEV_EXOTEL.accountSid}/ (control API /_sim/)`);
  if (s3Sim) say(`s3 sim         http://127.0.0.1:${env.S3_SIM_PORT} (objects in .data/s3)`);
  say('Ctrl-C stops everything.');
} catch (err) {
  console.error(`[stack] ${(err as Error).message}`);
  await shutdown(1);
}
