// Worker entry: connects to Temporal and PostgreSQL, runs until SIGINT/SIGTERM.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { cleanupSettingsFromConfig, llmKeysConfig, loadConfig, supplierFromConfig } from '../infra/env.js';
import { syncConfigFromEnv } from '../infra/env.js';
import { reconcileSyncSchedules } from '../services/sync/schedules.js';
import { createLogger } from '../infra/logger.js';
import { createPrisma } from '../infra/prisma.js';
import { emailFromConfig, notificationsFromConfig } from '../infra/email.js';
import { exotelFromConfig } from '../infra/exotel.js';
import { googleFromConfig } from '../infra/google.js';
import { llmFromConfig } from '../infra/llm.js';
import { razorpayFromConfig } from '../infra/razorpay.js';
import { voiceAgentConfig, voiceFromConfig } from '../infra/voice.js';
import { createObjectStore } from '../providers/s3/index.js';
import { leegalityFromConfig } from '../infra/leegality.js';
import { whatsappFromConfig } from '../infra/whatsapp.js';
import { ensureSchedules } from '../services/schedules/ensure.js';
import { jobScheduleDefinitions } from '../services/schedules/job-schedules.js';
import { MasEntityType } from '../workflows/search-attributes.js';
import { createWorker, workflowsPath } from './create-worker.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'worker');
// The SDK's own logger (webpack bundle stats, state changes) only speaks up on warnings.
Runtime.install({ logger: new DefaultLogger('WARN') });
const db = createPrisma(config.DATABASE_URL, config.DATABASE_POOL_MAX);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
// A client for activities that start or update other workflows (CRM triggers, bulk operations).
const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
const temporal = new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE });
const activityDeps = { db, logger, now: () => new Date(), temporal, taskQueue: config.TEMPORAL_TASK_QUEUE, razorpay: razorpayFromConfig(config), s3: createObjectStore(config), resumes: createObjectStore(config, config.S3_RESUMES_BUCKET), documents: createObjectStore(config, config.S3_DOCUMENTS_BUCKET), supplier: supplierFromConfig(config), whatsapp: whatsappFromConfig(config), email: emailFromConfig(config), exotel: exotelFromConfig(config), google: googleFromConfig(config), notifications: notificationsFromConfig(config), llm: llmFromConfig(config), voice: voiceFromConfig(config), voiceAgent: voiceAgentConfig(config), leegality: leegalityFromConfig(config), leegalityProfileId: config.LEEGALITY_PROFILE_ID, llmKeys: llmKeysConfig(config) };
// The Mr Learn / Mr Test sync activities' keyring and knobs (SYNC_*).
Object.assign(activityDeps, { sync: syncConfigFromEnv(config) });
// One workflow bundle for both workers (the main queue and the AI-calls queue): the one
// `npm run build` wrote beside dist/worker/ (or WORKFLOW_BUNDLE_PATH), else built now (webpack).
const prebuilt = process.env.WORKFLOW_BUNDLE_PATH ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../workflow-bundle.js');
if (process.env.WORKFLOW_BUNDLE_PATH && !existsSync(prebuilt)) throw new Error(`WORKFLOW_BUNDLE_PATH=${prebuilt} does not exist`);
const workflowBundleCode = existsSync(prebuilt) ? readFileSync(prebuilt, 'utf8') : (await bundleWorkflowCode({ workflowsPath, logger: new DefaultLogger('WARN') })).code;
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  deps: activityDeps,
  workflowBundleCode,
  maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
});

// AI calling campaigns run on their own task queue with their own (small) activity slot limit.
const aiCallsWorker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.AI_CALLS_TASK_QUEUE,
  deps: activityDeps,
  workflowBundleCode,
  maxConcurrentActivityTaskExecutions: config.AI_CALLS_WORKER_SLOTS,
  maxConcurrentWorkflowTaskExecutions: 10,
  identity: `ai-calls@${process.pid}`,
});

// The SDK's Runtime already shuts the worker down on SIGINT/SIGTERM (draining activities).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => logger.info({ signal }, 'worker shutting down'));

// The CRM trigger outbox sweeper: one run per namespace, joined if it is already running.
try {
  await temporal.workflow.start('crmTriggerSweeper', {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: 'crm-trigger-sweeper',
    args: [{}],
    workflowIdConflictPolicy: 'USE_EXISTING',
    staticSummary: 'CRM trigger outbox sweeper',
    typedSearchAttributes: [{ key: MasEntityType, value: 'crm_trigger_sweeper' }],
  });
} catch (err) {
  logger.error({ err }, 'could not start the CRM trigger sweeper; left-behind trigger events wait until it runs');
}
// The background jobs' Schedules: created if missing, updated if their definition changed.
await ensureSchedules(
  { temporal, logger },
  jobScheduleDefinitions({ taskQueue: config.TEMPORAL_TASK_QUEUE, cleanupCron: config.CLEANUP_CRON, timezone: config.SCHEDULES_TIMEZONE, cleanupSettings: cleanupSettingsFromConfig(config), kpiIntervalMinutes: config.KPI_INTERVAL_MINUTES }),
);
// Every sync config's Schedule (sync/mrlearn/<id>, sync/mrtest/<id>) exists and matches its row.
try {
  await reconcileSyncSchedules({ db, logger, temporal, config: { taskQueue: config.TEMPORAL_TASK_QUEUE, sync: syncConfigFromEnv(config) } });
} catch (err) {
  logger.error({ err }, 'could not reconcile the sync Schedules; configs run as their Schedules say until the next worker start');
}
logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker running');
try {
  await Promise.all([worker.run(), aiCallsWorker.run()]);
} finally {
  await connection.close();
  await clientConnection.close();
  await db.$disconnect();
  logger.info('worker stopped');
}
