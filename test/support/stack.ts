// Per-file test stack on the run's shared PostgreSQL and Temporal: its own task queue, an
// in-process worker (optional), and the real api app from createApp().
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { createApp } from '../../api/app.js';
import type { ServiceDeps } from '../../services/deps.js';
import { createJwtService, generateJwtKeys, type JwtService } from '../../infra/auth/jwt.js';
import { createLogger } from '../../infra/logger.js';
import { createPrisma, type Db } from '../../infra/prisma.js';
import { createWorker } from '../../worker/create-worker.js';
import { createEmail } from '../../providers/email/index.js';
import { startEmailSimulator, type EmailSimulator } from '../../providers/email/simulator.js';
import { createExotel } from '../../providers/exotel/index.js';
import { startExotelSimulator, type ExotelSimulator } from '../../providers/exotel/simulator.js';
import { createGoogle } from '../../providers/google/index.js';
import { startGoogleSimulator, type GoogleSimulator } from '../../providers/google/simulator.js';
import { createLeegality } from '../../providers/leegality/index.js';
import { startLeegalitySimulator, type LeegalitySimulator } from '../../providers/leegality/simulator.js';
import { createLlm } from '../../providers/llm/index.js';
import { startLlmSimulator, type LlmSimulator } from '../../providers/llm/simulator.js';
import { createRazorpay } from '../../providers/razorpay/index.js';
import { startRazorpaySimulator, type RazorpaySimulator } from '../../providers/razorpay/simulator.js';
import { createS3ObjectStore } from '../../providers/s3/index.js';
import { S3_SIM_CREDENTIALS, startS3Simulator, type S3Simulator } from '../../providers/s3/simulator.js';
import { createVoice } from '../../providers/voice/index.js';
import { startVoiceSimulator, type VoiceSimulator } from '../../providers/voice/simulator.js';
import { createWhatsApp } from '../../providers/whatsapp/index.js';
import { startWhatsAppSimulator, type WhatsAppSimulator } from '../../providers/whatsapp/simulator.js';

export const TEST_MEETING_SECRET = 'test-meeting-events-secret-0123456789';
/** Links in test emails point here; tests pull the token out of them. */
export const TEST_NOTIFICATIONS = { publicWebUrl: 'http://web.test', meetingActionTtlHours: 24, emailFrom: 'MAS Test <no-reply@mas.test>' };
export const TEST_S3 = { region: 'ap-south-1', bucket: 'test-recordings', resumesBucket: 'test-resumes', documentsBucket: 'test-documents', ...S3_SIM_CREDENTIALS };
export const TEST_RAZORPAY = { keyId: 'rzp_test_suite00000000', keySecret: 'test-razorpay-key-secret', webhookSecret: 'test-razorpay-webhook-secret' };
/** Exotel account of the test stacks; the callback secret is what the StatusCallback URL carries. */
export const TEST_EXOTEL = { accountSid: 'mas-test', apiKey: 'test-exotel-api-key', apiToken: 'test-exotel-api-token', callerId: '+918047100000', callbackSecret: 'test-exotel-callback-secret-0123' };
/** Google OAuth client of the test stacks (the simulator checks both). */
export const TEST_GOOGLE = { clientId: 'test-google-client-id.apps.googleusercontent.com', clientSecret: 'test-google-client-secret' };
/** LLM of the test stacks (the simulator answers any model name). */
export const TEST_LLM = { apiKey: 'test-llm-api-key-0123456789', model: 'gpt-4o-mini' };
/** Voice-AI agent of the test stacks; the simulator signs its webhooks with webhookSecret. */
export const TEST_VOICE = { apiKey: 'test-voice-api-key-0123456789', agentId: 'agent_test_interviewer', agentPhoneNumberId: 'phnum_test_0001', webhookSecret: 'test-voice-webhook-secret-0123' };
/** Leegality eSign of the test stacks; the simulator MACs its webhooks with privateSalt. */
export const TEST_LEEGALITY = { authToken: 'test-leegality-auth-token', privateSalt: 'test-leegality-private-salt', profileId: 'test-leegality-profile' };
export const TEST_WHATSAPP = { phoneNumberId: '109999999999999', token: 'test-whatsapp-access-token', appSecret: 'test-whatsapp-app-secret', verifyToken: 'test-whatsapp-verify-token' };

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
  deps: ServiceDeps;
  taskQueue: string;
  razorpaySim: RazorpaySimulator;
  /** This stack's S3 simulator (its own temporary directory), with TEST_S3.bucket and TEST_S3.resumesBucket created. */
  s3Sim: S3Simulator;
  whatsappSim: WhatsAppSimulator;
  /** This stack's SMTP simulator: every email the api and worker send lands here. */
  emailSim: EmailSimulator;
  /** This stack's Exotel simulator (running even when the stack was started with exotel: false). */
  exotelSim: ExotelSimulator;
  /** This stack's Google simulator (OAuth consent, token endpoint, Calendar events). */
  googleSim: GoogleSimulator;
  /** This stack's LLM simulator: script answers with llmSim.script(…), see llmSim.requests(). */
  llmSim: LlmSimulator;
  /** This stack's voice-AI simulator; its post-call webhooks go to <apiUrl>/api/webhooks/voice. */
  voiceSim: VoiceSimulator;
  /** This stack's Leegality simulator; its webhooks go to <apiUrl>/api/webhooks/leegality (retried fast). */
  leegalitySim: LeegalitySimulator;
  /** The api over real HTTP (127.0.0.1, free port): where simulators post callbacks. */
  apiUrl: string;
  startWorker(): Promise<Worker>;
  /** The AI-calls task queue's worker (calling campaigns); only tests that need it start it. */
  startAiCallsWorker(): Promise<Worker>;
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

export async function startTestStack(
  opts: {
    worker?: boolean;
    config?: Partial<ServiceDeps['config']>;
    logger?: ServiceDeps['logger'];
    /** false: Exotel off (click-to-call answers tel: links). Default true. */
    exotel?: boolean;
    /** false: Google off (no connect, no calendar events). Default true. */
    google?: boolean;
    /** Another Temporal server than the suite's dev server (the cluster suite's). */
    temporalAddress?: string;
  } = {},
): Promise<TestStack> {
  const temporalAddress = opts.temporalAddress ?? inject('temporalAddress');
  quietTemporalRuntime();
  const taskQueue = `test-${randomUUID()}`;
  const db = createPrisma(inject('databaseUrl'), 10);
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test');
  const razorpaySim = await startRazorpaySimulator({ ...TEST_RAZORPAY });
  const razorpay = createRazorpay({ mode: 'sim', baseUrl: razorpaySim.baseUrl, keyId: TEST_RAZORPAY.keyId, keySecret: TEST_RAZORPAY.keySecret });
  const s3Sim = await startS3Simulator({ region: TEST_S3.region, buckets: [TEST_S3.bucket, TEST_S3.resumesBucket, TEST_S3.documentsBucket] });
  const s3 = createS3ObjectStore({ endpoint: s3Sim.endpoint, region: TEST_S3.region, bucket: TEST_S3.bucket, accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey, timeoutMs: 5_000 });
  const resumes = createS3ObjectStore({ endpoint: s3Sim.endpoint, region: TEST_S3.region, bucket: TEST_S3.resumesBucket, accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey, timeoutMs: 5_000 });
  const documents = createS3ObjectStore({ endpoint: s3Sim.endpoint, region: TEST_S3.region, bucket: TEST_S3.documentsBucket, accessKeyId: TEST_S3.accessKeyId, secretAccessKey: TEST_S3.secretAccessKey, timeoutMs: 5_000 });
  const whatsappSim = await startWhatsAppSimulator({ phoneNumberId: TEST_WHATSAPP.phoneNumberId, token: TEST_WHATSAPP.token, appSecret: TEST_WHATSAPP.appSecret });
  const whatsapp = createWhatsApp({ mode: 'sim', baseUrl: whatsappSim.baseUrl, phoneNumberId: TEST_WHATSAPP.phoneNumberId, token: TEST_WHATSAPP.token, timeoutMs: 5_000 });
  const emailSim = await startEmailSimulator();
  const email = createEmail({ mode: 'sim', url: emailSim.smtpUrl, from: TEST_NOTIFICATIONS.emailFrom, timeoutMs: 5_000 });
  const exotelSim = await startExotelSimulator({ accountSid: TEST_EXOTEL.accountSid, apiKey: TEST_EXOTEL.apiKey, apiToken: TEST_EXOTEL.apiToken });
  const exotel = opts.exotel === false ? undefined : createExotel({ mode: 'sim', baseUrl: exotelSim.baseUrl, ...TEST_EXOTEL, timeoutMs: 5_000 });
  const llmSim = await startLlmSimulator({ apiKey: TEST_LLM.apiKey });
  const llm = createLlm({ mode: 'sim', baseUrl: llmSim.baseUrl, apiKey: TEST_LLM.apiKey, model: TEST_LLM.model, timeoutMs: 5_000 });
  // The app is served over HTTP too, so simulators can call back into it (app assigned below).
  const served: { app?: ReturnType<typeof createApp> } = {};
  let apiServer: Server | undefined;
  const apiPort = await new Promise<number>((resolve) => {
    apiServer = serve({ fetch: (req, env) => served.app!.fetch(req, env), port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)) as Server;
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const googleSim = await startGoogleSimulator({ clientId: TEST_GOOGLE.clientId, clientSecret: TEST_GOOGLE.clientSecret });
  const google =
    opts.google === false
      ? undefined
      : createGoogle({ mode: 'sim', ...TEST_GOOGLE, redirectUri: `${apiUrl}/api/google/oauth/callback`, authBaseUrl: googleSim.origin, tokenBaseUrl: googleSim.origin, apiBaseUrl: googleSim.origin, timeoutMs: 5_000 });
  const voiceSim = await startVoiceSimulator({ apiKey: TEST_VOICE.apiKey, webhookSecret: TEST_VOICE.webhookSecret, webhookUrl: `${apiUrl}/api/webhooks/voice`, agentIds: [TEST_VOICE.agentId] });
  const voice = createVoice({ mode: 'sim', baseUrl: voiceSim.baseUrl, apiKey: TEST_VOICE.apiKey, timeoutMs: 5_000 });
  const leegalitySim = await startLeegalitySimulator({
    authToken: TEST_LEEGALITY.authToken,
    privateSalt: TEST_LEEGALITY.privateSalt,
    webhookUrl: `${apiUrl}/api/webhooks/leegality`,
    webhookRetry: { retries: 3, baseDelayMs: 20, maxDelayMs: 80 },
  });
  const leegality = createLeegality({ mode: 'sim', baseUrl: leegalitySim.baseUrl, authToken: TEST_LEEGALITY.authToken, timeoutMs: 5_000 });
  const voiceAgent = { agentId: TEST_VOICE.agentId, agentPhoneNumberId: TEST_VOICE.agentPhoneNumberId };
  const temporal = new Client({ connection: await Connection.connect({ address: temporalAddress }) });
  const deps: ServiceDeps = {
    db,
    temporal,
    logger: opts.logger ?? logger,
    jwt: await testJwt(),
    razorpay,
    s3,
    resumes,
    documents,
    whatsapp,
    email,
    exotel,
    google,
    llm,
    voice,
    leegality,
    config: {
      taskQueue,
      aiCallsTaskQueue: `${taskQueue}-ai-calls`,
      publicWebUrl: TEST_NOTIFICATIONS.publicWebUrl,
      meetingEventsSecret: TEST_MEETING_SECRET,
      bodyLimitBytes: 64 * 1024,
      razorpay: { ...TEST_RAZORPAY, purchaseTimeoutSeconds: 3 },
      whatsapp: { appSecret: TEST_WHATSAPP.appSecret, verifyToken: TEST_WHATSAPP.verifyToken, platformPhoneNumberId: TEST_WHATSAPP.phoneNumberId },
      llm: { model: TEST_LLM.model },
      voice: { ...voiceAgent, webhookSecret: TEST_VOICE.webhookSecret },
      leegality: { profileId: TEST_LEEGALITY.profileId, privateSalt: TEST_LEEGALITY.privateSalt },
      // Users' LLM keys point at this stack's simulator, over http (the development KEK seals them).
      llmKeys: { allowHttpBaseUrl: true, checkTimeoutMs: 5_000 },
      // A cleanup run the role matrix starts has no worker on its queue: answer 202 soon.
      cleanupRunWaitMs: 2_000,
      ...(exotel ? { exotel: { callerId: TEST_EXOTEL.callerId, callbackSecret: TEST_EXOTEL.callbackSecret, publicApiUrl: apiUrl } } : {}),
      ...opts.config,
    },
  };
  const app = createApp(deps);
  served.app = app;

  let native: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let aiWorker: Worker | undefined;
  let aiRunning: Promise<void> | undefined;
  const stack: TestStack = {
    db,
    temporal,
    app,
    deps,
    taskQueue,
    razorpaySim,
    s3Sim,
    whatsappSim,
    emailSim,
    exotelSim,
    googleSim,
    llmSim,
    voiceSim,
    leegalitySim,
    apiUrl,
    async startWorker() {
      native ??= await NativeConnection.connect({ address: temporalAddress });
      worker = await createWorker({
        connection: native,
        namespace: 'default',
        taskQueue,
        deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay, s3, resumes, documents, whatsapp, email, exotel, google, notifications: TEST_NOTIFICATIONS, llm, voice, voiceAgent, leegality, leegalityProfileId: TEST_LEEGALITY.profileId, sync: deps.config.sync },
        workflowBundlePath: inject('workflowBundlePath'),
      });
      running = worker.run();
      return worker;
    },
    async startAiCallsWorker() {
      native ??= await NativeConnection.connect({ address: temporalAddress });
      aiWorker = await createWorker({
        connection: native,
        namespace: 'default',
        taskQueue: `${taskQueue}-ai-calls`,
        deps: { db, logger, now: () => new Date(), temporal, taskQueue, razorpay, s3, resumes, documents, whatsapp, email, exotel, google, notifications: TEST_NOTIFICATIONS, llm, voice, voiceAgent, leegality, leegalityProfileId: TEST_LEEGALITY.profileId },
        workflowBundlePath: inject('workflowBundlePath'),
        maxConcurrentActivityTaskExecutions: 2,
      });
      aiRunning = aiWorker.run();
      return aiWorker;
    },
    async stopWorker() {
      if (aiWorker && aiWorker.getState() === 'RUNNING') aiWorker.shutdown();
      await aiRunning;
      aiWorker = undefined;
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
      await s3Sim.close();
      await whatsappSim.close();
      await emailSim.close();
      await exotelSim.close();
      await googleSim.close();
      await llmSim.close();
      await voiceSim.close();
      await leegalitySim.close();
      await new Promise<void>((resolve) => {
        apiServer!.close(() => resolve());
        apiServer!.closeAllConnections();
      });
    },
  };
  if (opts.worker ?? true) await stack.startWorker();
  return stack;
}
