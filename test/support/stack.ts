// Per-file test stack on the run's shared PostgreSQL and Temporal: its own task queue, an
// in-process worker (optional), and the real api app from createApp().
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createApp } from '../../api/app.js';
import type { AppDeps } from '../../api/deps.js';
import { createJwtService, generateJwtKeys, type JwtService } from '../../infra/auth/jwt.js';
import { createLogger } from '../../infra/logger.js';
import { createPrisma, type Db } from '../../infra/prisma.js';
import { createWorker } from '../../worker/create-worker.js';
import { createRazorpay } from '../../providers/razorpay/index.js';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../providers/razorpay/simulator.js';

export const TEST_MEETING_SECRET = 'test-meeting-events-secret-0123456789';
export const TEST_RAZORPAY = { keyId: 'rzp_test_suite00000000', keySecret: 'test-razorpay-key-secret', webhookSecret: 'test-razorpay-webhook-secret' };

let runtimeInstalled = false;
export function quietTemporalRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  } catch {
    // already installed in this process
  }
}

export interface TestStack {
  db: Db;
  temporal: Client;
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  taskQueue: string;
  razorpaySim: RazorpaySimulator;
  startWorker(): Promise<Worker>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

let keys: ReturnType<typeof generateJwtKeys> | undefined;
/** One key pair per test process, so tests can also forge tokens with it. */
export function testJwtKeys() {
  keys ??= generateJwtKeys();
  return keys;
}

export async function testJwt(accessTtlSeconds = 900): Promise<JwtService> {
  return createJwtService({ ...(await testJwtKeys()), issuer: 'mas-platform', audience: 'mas-api', accessTtlSeconds });
}

export async function startTestStack(opts: { worker?: boolean; config?: Partial<AppDeps['config']>; logger?: AppDeps['logger'] } = {}): Promise<TestStack> {
  quietTemporalRuntime();
  const taskQueue = `test-${randomUUID()}`;
  const db = createPrisma(inject('databaseUrl'), 10);
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test');
  const razorpaySim = await startRazorpaySimulator({ ...TEST_RAZORPAY });
  const razorpay = createRazorpay({ mode: 'sim', baseUrl: razorpaySim.baseUrl, keyId: TEST_RAZORPAY.keyId, keySecret: TEST_RAZORPAY.keySecret });
  const temporal = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
  const deps: AppDeps = {
    db,
    temporal,
    logger: opts.logger ?? logger,
    jwt: await testJwt(),
    razorpay,
    config: {
      taskQueue,
      meetingEventsSecret: TEST_MEETING_SECRET,
      bodyLimitBytes: 64 * 1024,
      razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 3 },
      ...opts.config,
    },
  };
  const app = createApp(deps);

  let native: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const stack: TestStack = {
    db,
    temporal,
    app,
    deps,
    taskQueue,
    razorpaySim,
    async startWorker() {
      native ??= await NativeConnection.connect({ address: inject('temporalAddress') });
      worker = await createWorker({
        connection: native,
        namespace: 'default',
        taskQueue,
        deps: { db, logger, now: () => new Date(), razorpay },
        workflowBundlePath: inject('workflowBundlePath'),
      });
      running = worker.run();
      return worker;
    },
    async stopWorker() {
      if (worker && worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      worker = undefined;
    },
    async close() {
      await stack.stopWorker();
      await native?.close();
      await temporal.connection.close();
      await db.$disconnect();
      await razorpaySim.close();
    },
  };
  if (opts.worker ?? true) await stack.startWorker();
  return stack;
}
