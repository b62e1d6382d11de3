// Api entry: builds the dependencies, listens, and drains on SIGINT/SIGTERM.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createJwtService, loadOrCreateDevKeys } from '../infra/auth/jwt.js';
import { cleanupSettingsFromConfig, llmKeysConfig, loadConfig, supplierFromConfig, syncConfigFromEnv } from '../infra/env.js';
import { createLogger } from '../infra/logger.js';
import { createPrisma } from '../infra/prisma.js';
import { emailFromConfig } from '../infra/email.js';
import { exotelApiConfig, exotelFromConfig } from '../infra/exotel.js';
import { googleApiConfig, googleFromConfig } from '../infra/google.js';
import { leegalityApiConfig, leegalityFromConfig } from '../infra/leegality.js';
import { llmApiConfig, llmFromConfig } from '../infra/llm.js';
import { razorpayFromConfig } from '../infra/razorpay.js';
import { voiceApiConfig, voiceFromConfig } from '../infra/voice.js';
import { createObjectStore } from '../providers/s3/index.js';
import { whatsappFromConfig, whatsappWebhookConfig } from '../infra/whatsapp.js';
import { createTemporalClient } from '../infra/temporal.js';
import { createApp } from './app.js';

const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL, 'api');
const db = createPrisma(config.DATABASE_URL, config.DATABASE_POOL_MAX);
const temporal = createTemporalClient(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
const keys =
  config.JWT_PRIVATE_KEY && config.JWT_PUBLIC_KEY
    ? { privateKeyPem: config.JWT_PRIVATE_KEY, publicKeyPem: config.JWT_PUBLIC_KEY }
    : await loadOrCreateDevKeys(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../.data/jwt-dev-keys.json'));
const jwt = await createJwtService({ ...keys, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, accessTtlSeconds: config.ACCESS_TOKEN_TTL_SECONDS });
const app = createApp({
  db,
  temporal,
  logger,
  jwt,
  razorpay: razorpayFromConfig(config),
  s3: createObjectStore(config),
  resumes: createObjectStore(config, config.S3_RESUMES_BUCKET),
  documents: createObjectStore(config, config.S3_DOCUMENTS_BUCKET),
  whatsapp: whatsappFromConfig(config),
  email: emailFromConfig(config),
  exotel: exotelFromConfig(config),
  google: googleFromConfig(config),
  llm: llmFromConfig(config),
  voice: voiceFromConfig(config),
  leegality: leegalityFromConfig(config),
  config: {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    aiCallsTaskQueue: config.AI_CALLS_TASK_QUEUE,
    meetingEventsSecret: config.MEETING_EVENTS_SECRET,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    bodyDrain: { maxBytes: config.BODY_DRAIN_MAX_BYTES, timeoutMs: config.BODY_DRAIN_TIMEOUT_MS },
    crmImportMaxBytes: config.CRM_IMPORT_MAX_BYTES,
    crmBulkBatchSize: config.CRM_BULK_BATCH_SIZE,
    cleanupSettings: cleanupSettingsFromConfig(config),
    crmEnrollmentStepsPerRun: config.CRM_ENROLLMENT_STEPS_PER_RUN,
    corsOrigins: config.CORS_ORIGINS,
    refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
    defaultPlatform: config.DEFAULT_PLATFORM,
    ...(config.HR_CREDENTIALS_KEY ? { hrCredentialsKey: config.HR_CREDENTIALS_KEY } : {}),
    llmKeys: llmKeysConfig(config),
    sync: syncConfigFromEnv(config),
    resumeMaxBytes: config.RESUME_MAX_BYTES,
    applyRateLimit: { perIp: config.APPLY_RATE_LIMIT_PER_IP, perEmail: config.APPLY_RATE_LIMIT_PER_EMAIL, windowSeconds: config.APPLY_RATE_LIMIT_WINDOW_SECONDS },
    razorpay: { keyId: config.RAZORPAY_KEY_ID, keySecret: config.RAZORPAY_KEY_SECRET, webhookSecret: config.RAZORPAY_WEBHOOK_SECRET, purchaseTimeoutSeconds: config.PURCHASE_TIMEOUT_SECONDS },
    recordings: {
      maxBytes: config.RECORDING_MAX_BYTES,
      uploadUrlTtlSeconds: config.RECORDING_UPLOAD_URL_TTL_SECONDS,
      downloadUrlTtlSeconds: config.RECORDING_DOWNLOAD_URL_TTL_SECONDS,
      uploadGraceSeconds: config.RECORDING_UPLOAD_GRACE_SECONDS,
    },
    whatsapp: whatsappWebhookConfig(config),
    exotel: exotelApiConfig(config),
    google: googleApiConfig(config),
    llm: llmApiConfig(config),
    voice: voiceApiConfig(config),
    leegality: leegalityApiConfig(config),
    publicWebUrl: config.PUBLIC_WEB_URL,
    emailFrom: config.EMAIL_FROM,
    supplier: supplierFromConfig(config),
    invoiceDownloadTtlSeconds: config.INVOICE_DOWNLOAD_URL_TTL_SECONDS,
  },
});

const server = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
  logger.info({ port: info.port }, 'api listening');
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'api shutting down');
    server.close(() => {
      void Promise.allSettled([db.$disconnect(), temporal.connection.close()]).then(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 10_000).unref();
  });
}
