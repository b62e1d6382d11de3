// Worker entry: connects to Temporal and PostgreSQL, runs until SIGINT/SIGTERM.
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { loadConfig } from '../infra/env.js';
import { createLogger } from '../infra/logger.js';
import { createPrisma } from '../infra/prisma.js';
import { razorpayFromConfig } from '../infra/razorpay.js';
import { createWorker } from './create-worker.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'worker');
// The SDK's own logger (webpack bundle stats, state changes) only speaks up on warnings.
Runtime.install({ logger: new DefaultLogger('WARN') });
const db = createPrisma(config.DATABASE_URL, config.DATABASE_POOL_MAX);
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  deps: { db, logger, now: () => new Date(), razorpay: razorpayFromConfig(config) },
  maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
  maxConcurrentWorkflowTaskExecutions: config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
});

// The SDK's Runtime already shuts the worker down on SIGINT/SIGTERM (draining activities).
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => logger.info({ signal }, 'worker shutting down'));

logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, address: config.TEMPORAL_ADDRESS }, 'worker running');
try {
  await worker.run();
} finally {
  await connection.close();
  await db.$disconnect();
  logger.info('worker stopped');
}
