// Parses the process environment once, with zod. Everything else receives a typed Config.
import { z } from 'zod';
import { checkGstin } from '../domain/finance/gstin.js';
import { DEV_LLM_KEYS_KEK_ID, parseKeks } from './kek-keyring.js';

/** Development Razorpay credentials, shared by the api, the worker and the simulator. */
export const DEV_RAZORPAY = { keyId: 'rzp_test_devkey000000', keySecret: 'dev-razorpay-key-secret', webhookSecret: 'dev-razorpay-webhook-secret' } as const;
/** Development WhatsApp Cloud API settings, shared by the api, the worker and the simulator. */
export const DEV_WHATSAPP = { phoneNumberId: '100000000000001', token: 'dev-whatsapp-access-token', appSecret: 'dev-whatsapp-app-secret', verifyToken: 'dev-whatsapp-verify-token' } as const;
/** Development Leegality eSign settings, shared by the api, the worker and the simulator. */
export const DEV_LEEGALITY = { authToken: 'dev-leegality-auth-token', privateSalt: 'dev-leegality-private-salt', profileId: 'dev-leegality-profile' } as const;
/** Development Google OAuth client, shared by the api, the worker and the simulator. */
export const DEV_GOOGLE = { clientId: 'dev-google-client-id.apps.googleusercontent.com', clientSecret: 'dev-google-client-secret' } as const;
/** Development Exotel settings, shared by the api, the worker and the simulator. */
export const DEV_EXOTEL = { accountSid: 'mas-dev', apiKey: 'dev-exotel-api-key', apiToken: 'dev-exotel-api-token', callerId: '+918047112233', callbackSecret: 'dev-exotel-callback-secret-change-me' } as const;

/** Development LLM settings, shared by the api, the worker and the simulator. */
export const DEV_LLM = { apiKey: 'dev-llm-api-key' } as const;
/** Development voice-AI settings, shared by the api, the worker and the simulator. */
export const DEV_VOICE = { apiKey: 'dev-voice-api-key', agentId: 'agent_dev_interviewer', agentPhoneNumberId: 'phnum_dev_0001', webhookSecret: 'dev-voice-webhook-secret' } as const;

/** Development supplier for GST invoices (Karnataka, state code 29); production sets SUPPLIER_*. */
export const DEV_SUPPLIER = { legalName: 'My Analytics School Private Limited', gstin: '29AAHCM4821K1Z5', address1: '12 Residency Road', location: 'Bengaluru', pin: '560025', stateCode: '29', email: 'accounts@mas.local' } as const;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('mas-main'),
  MEETING_EVENTS_SECRET: z.string().min(16).default('dev-meeting-events-secret-change-me'),
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:5173,http://localhost:3001')
    .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean)),
  JWT_PRIVATE_KEY: z.string().optional(),
  JWT_PUBLIC_KEY: z.string().optional(),
  JWT_ISSUER: z.string().default('mas-platform'),
  JWT_AUDIENCE: z.string().default('mas-api'),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DEFAULT_PLATFORM: z.string().default('mr-mentor'),
  // Mr-Hire: AES-256-GCM key for HR platform account credentials (64 hex chars or base64 of 32 bytes); required in production.
  HR_CREDENTIALS_KEY: z.string().optional(),
  RAZORPAY_MODE: z.enum(['sim', 'live']).default('sim'),
  RAZORPAY_BASE_URL: z.string().url().optional(),
  RAZORPAY_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  RAZORPAY_KEY_ID: z.string().default(DEV_RAZORPAY.keyId),
  RAZORPAY_KEY_SECRET: z.string().min(8).default(DEV_RAZORPAY.keySecret),
  RAZORPAY_WEBHOOK_SECRET: z.string().min(8).default(DEV_RAZORPAY.webhookSecret),
  PURCHASE_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  // S3 (meeting recordings): `sim` points the real SDK at the local simulator (npm start runs it); `live` at S3_ENDPOINT or AWS.
  S3_MODE: z.enum(['sim', 'live']).default('sim'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4569),
  S3_REGION: z.string().min(1).default('ap-south-1'),
  S3_BUCKET_RECORDINGS: z.string().min(3).max(63).default('mas-recordings'),
  /** Mr-Hire resumes, written server-side by the apply endpoint. */
  S3_RESUMES_BUCKET: z.string().min(3).max(63).default('mas-resumes'),
  /** Finance documents (GST invoice and credit-note PDFs), written by the worker, downloaded through presigned URLs. */
  S3_DOCUMENTS_BUCKET: z.string().min(3).max(63).default('mas-documents'),
  // The supplier printed on every GST invoice. The defaults are a development identity with a valid GSTIN checksum.
  SUPPLIER_LEGAL_NAME: z.string().min(2).max(100).default(DEV_SUPPLIER.legalName),
  SUPPLIER_GSTIN: z.string().length(15).refine((g) => checkGstin(g).ok, { message: 'not a valid GSTIN (shape, state code or check character)' }).default(DEV_SUPPLIER.gstin),
  SUPPLIER_ADDRESS: z.string().min(3).max(100).default(DEV_SUPPLIER.address1),
  SUPPLIER_CITY: z.string().min(3).max(50).default(DEV_SUPPLIER.location),
  SUPPLIER_PIN: z.string().regex(/^[1-9]\d{5}$/).default(DEV_SUPPLIER.pin),
  SUPPLIER_EMAIL: z.string().email().default(DEV_SUPPLIER.email),
  /** Presigned invoice and credit-note downloads stay valid this long. */
  INVOICE_DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(604_800).default(300),
  S3_ACCESS_KEY_ID: z.string().min(1).default('S3RVER'),
  S3_SECRET_ACCESS_KEY: z.string().min(1).default('S3RVER'),
  RECORDING_MAX_BYTES: z.coerce.number().int().min(1).max(5 * 1024 ** 3).default(2 * 1024 ** 3),
  RECORDING_UPLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(60).max(604_800).default(3600),
  RECORDING_DOWNLOAD_URL_TTL_SECONDS: z.coerce.number().int().min(30).max(604_800).default(300),
  /** How long a completed upload may take to appear in the bucket before the recording FAILS. */
  RECORDING_UPLOAD_GRACE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(120),
  // Email: `sim` sends over SMTP to the local simulator (npm start runs it); `smtp` to SMTP_URL or SMTP_HOST.
  EMAIL_MODE: z.enum(['sim', 'smtp']).default('sim'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, { message: 'smtp://user:pass@host:port or smtps://…' }).optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  EMAIL_FROM: z.string().min(3).default('MAS <no-reply@mas.local>'),
  EMAIL_SIM_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(2525),
  EMAIL_SIM_HTTP_PORT: z.coerce.number().int().min(1).max(65535).default(4050),
  /** The web app's origin: links in emails (meeting actions) point there. */
  PUBLIC_WEB_URL: z.string().url().default('http://localhost:5173'),
  /** How long an emailed confirm/cancel link stays valid (a join link lasts until the slot ends). */
  MEETING_ACTION_TTL_HOURS: z.coerce.number().min(1).max(24 * 30).default(24),
  WHATSAPP_MODE: z.enum(['sim', 'live', 'off']).default('sim'),
  WHATSAPP_BASE_URL: z.string().url().optional(),
  WHATSAPP_API_VERSION: z.string().regex(/^v?\d+(\.0)?$/, { message: 'a Graph API version such as v21.0' }).default('v21.0'),
  WHATSAPP_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4020),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).default(DEV_WHATSAPP.phoneNumberId),
  WHATSAPP_TOKEN: z.string().min(8).default(DEV_WHATSAPP.token),
  WHATSAPP_APP_SECRET: z.string().min(8).default(DEV_WHATSAPP.appSecret),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8).default(DEV_WHATSAPP.verifyToken),
  // Leegality eSign (the PAP agreement): `sim` points the real client at the local simulator (npm start runs it); `live` at Leegality.
  LEEGALITY_MODE: z.enum(['sim', 'live']).default('sim'),
  /** Default: https://app1.leegality.com/api in live mode (the sandbox is https://sandbox.leegality.com/api), the simulator in sim mode. */
  LEEGALITY_BASE_URL: z.string().url().optional(),
  LEEGALITY_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4080),
  LEEGALITY_AUTH_TOKEN: z.string().min(8).default(DEV_LEEGALITY.authToken),
  /** Verifies webhook MACs (hex HMAC-SHA1 of the documentId). */
  LEEGALITY_PRIVATE_SALT: z.string().min(8).default(DEV_LEEGALITY.privateSalt),
  /** The Leegality workflow profile every PAP sign request uses. */
  LEEGALITY_PROFILE_ID: z.string().min(1).max(200).default(DEV_LEEGALITY.profileId),
  /** Per request, including the PDF upload or download. */
  LEEGALITY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  // Google Calendar (booking events with a Meet link): `sim` points the real client at the local simulator (npm start runs it); `off`: no connect, no events.
  GOOGLE_MODE: z.enum(['sim', 'live', 'off']).default('sim'),
  GOOGLE_CLIENT_ID: z.string().min(1).max(300).default(DEV_GOOGLE.clientId),
  GOOGLE_CLIENT_SECRET: z.string().min(8).max(300).default(DEV_GOOGLE.clientSecret),
  /** The OAuth redirect URI registered with the client: <api>/api/google/oauth/callback. Default: PUBLIC_API_URL's. */
  GOOGLE_REDIRECT_URI: z.string().url().optional(),
  /** Where the callback sends the browser after connecting (?google=connected|error); unset: the callback answers JSON. */
  GOOGLE_RETURN_URL: z.string().url().optional(),
  /** Overrides of Google's origins (accounts.google.com, oauth2.googleapis.com, www.googleapis.com); sim mode: the simulator's. */
  GOOGLE_AUTH_BASE_URL: z.string().url().optional(),
  GOOGLE_TOKEN_BASE_URL: z.string().url().optional(),
  GOOGLE_API_BASE_URL: z.string().url().optional(),
  GOOGLE_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4040),
  GOOGLE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  // Exotel (CRM click-to-call, SMS): `sim` points the real client at the local simulator (npm start runs it); `off` → tel: links.
  EXOTEL_MODE: z.enum(['sim', 'live', 'off']).default('sim'),
  EXOTEL_SUBDOMAIN: z.enum(['api.exotel.com', 'api.in.exotel.com']).default('api.exotel.com'),
  EXOTEL_BASE_URL: z.string().url().optional(),
  EXOTEL_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4030),
  EXOTEL_ACCOUNT_SID: z.string().min(1).default(DEV_EXOTEL.accountSid),
  EXOTEL_API_KEY: z.string().min(1).default(DEV_EXOTEL.apiKey),
  EXOTEL_API_TOKEN: z.string().min(1).default(DEV_EXOTEL.apiToken),
  /** The ExoPhone the lead sees, and the default SMS sender. */
  EXOTEL_CALLER_ID: z.string().min(3).default(DEV_EXOTEL.callerId),
  /** The token in the StatusCallback URL (Exotel does not sign callbacks). */
  EXOTEL_CALLBACK_SECRET: z.string().min(16).default(DEV_EXOTEL.callbackSecret),
  /** Where Exotel reaches this api (StatusCallback URLs). */
  PUBLIC_API_URL: z.string().url().default('http://127.0.0.1:3000'),
  // LLM (Mr-Hire resume parsing and scoring): `sim` points the openai client at the local simulator (npm start runs it).
  LLM_MODE: z.enum(['sim', 'live']).default('sim'),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4060),
  LLM_API_KEY: z.string().min(8).default(DEV_LLM.apiKey),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Per attempt; the SDK retries twice on connection errors, 408, 409, 429 and 5xx. */
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(60_000),
  // Voice AI (Mr-Hire voice interviews): `sim` points the client at the local simulator (npm start runs it); `off` refuses calls.
  VOICE_MODE: z.enum(['sim', 'live', 'off']).default('sim'),
  VOICE_BASE_URL: z.string().url().optional(),
  VOICE_SIM_PORT: z.coerce.number().int().min(1).max(65535).default(4070),
  VOICE_API_KEY: z.string().min(8).default(DEV_VOICE.apiKey),
  VOICE_AGENT_ID: z.string().min(1).default(DEV_VOICE.agentId),
  VOICE_AGENT_PHONE_NUMBER_ID: z.string().min(1).default(DEV_VOICE.agentPhoneNumberId),
  VOICE_WEBHOOK_SECRET: z.string().min(16).default(DEV_VOICE.webhookSecret),
  VOICE_OUTBOUND_CALL_PATH: z.string().regex(/^\/\S*$/, { message: 'a path starting with /' }).default('/v1/convai/twilio/outbound-call'),
  // Per-user LLM keys (user_llm_keys): AES-256-GCM under a keyring of KEKs "id:<64 hex or base64>,id:…"; required in production.
  LLM_KEYS_KEKS: z.string().optional(),
  /** The KEK new keys are sealed with (default: the last one listed); `npm run llm-keys:reseal` moves older rows to it. */
  LLM_KEYS_ACTIVE_KEK: z.string().optional(),
  /** The check of a new key (GET {baseUrl}/models) gives up after this long (422). */
  LLM_KEYS_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** An answer that leaves the body unread (401, 413…) first reads and discards up to this much, within BODY_DRAIN_TIMEOUT_MS, so keep-alive survives; past either, Connection: close. */
  BODY_DRAIN_MAX_BYTES: z.coerce.number().int().min(0).default(1_048_576),
  BODY_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  /** One CSV lead import (POST /api/crm/imports) streams under this limit instead of BODY_LIMIT_BYTES. */
  CRM_IMPORT_MAX_BYTES: z.coerce.number().int().min(1024).default(20 * 1024 * 1024),
  /** Targets per batch activity of a CRM bulk operation. */
  CRM_BULK_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(200),
  /** Node steps per run before a CRM enrollment continues-as-new. */
  CRM_ENROLLMENT_STEPS_PER_RUN: z.coerce.number().int().min(2).max(5000).default(200),
  /** Largest resume POST /api/jobs/{id}/applications accepts (413 beyond it); the request streams under this plus a little for the form fields. */
  RESUME_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(5 * 1024 * 1024),
  /** Job applications per window, per client IP and per (lower-cased) email; 429 with Retry-After beyond. */
  APPLY_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  APPLY_RATE_LIMIT_PER_EMAIL: z.coerce.number().int().min(1).max(10_000).default(10),
  APPLY_RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(10).max(86_400).default(3600),
  /** The daily cleanup Schedule (schedule/cleanup): a cron in SCHEDULES_TIMEZONE; default 03:30. */
  CLEANUP_CRON: z.string().min(9).max(100).default('30 3 * * *'),
  /** The time zone cron Schedules are read in (an IANA name). */
  SCHEDULES_TIMEZONE: z.string().min(1).max(64).default('Asia/Kolkata'),
  /** Dispatched CRM trigger-outbox events older than this are deleted by the cleanup. */
  CLEANUP_OUTBOX_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Refresh tokens expired or revoked longer ago than this are deleted by the cleanup. */
  CLEANUP_REFRESH_TOKEN_RETENTION_DAYS: z.coerce.number().int().min(0).max(3650).default(7),
  /** A recording still RECORDING this long after it started is marked FAILED by the cleanup. */
  CLEANUP_RECORDING_GRACE_HOURS: z.coerce.number().int().min(1).max(8760).default(24),
  /** Rows per statement of a cleanup task. */
  CLEANUP_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(5000),
  /** How often the KPI rollup Schedule (schedule/kpi) runs. */
  KPI_INTERVAL_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).default(50),
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).default(50),
  /** The task queue of AI calling campaigns: its own worker, so AI calls never take the main queue's slots. */
  AI_CALLS_TASK_QUEUE: z.string().min(1).default('mas-ai-calls'),
  /** Activity slots of the AI-calls worker (calls being placed or reconciled at once, across campaigns). */
  AI_CALLS_WORKER_SLOTS: z.coerce.number().int().min(1).max(200).default(4),
  // Mr Learn / Mr Test syncs (services/sync): credentials sealed under a keyring of KEKs "id:<64 hex or base64>,id:…"; required in production.
  SYNC_CREDENTIALS_KEKS: z.string().optional(),
  /** The KEK new seals use (default: the last one listed); `npm run sync-credentials:reseal` moves older rows to it. */
  SYNC_CREDENTIALS_ACTIVE_KEK: z.string().optional(),
  /** Per HTTP request to Mr Learn / Mr Test. */
  SYNC_HTTP_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  /** The longest Retry-After a page waits in place; longer, the activity is retried no sooner than it. */
  SYNC_MAX_RETRY_AFTER_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Rows per page asked of the learning system (its cap is 1000). */
  SYNC_PAGE_SIZE: z.coerce.number().int().min(1).max(1000).default(500),
  /** Pages one sync activity commits before it returns to the workflow. */
  SYNC_PAGES_PER_ACTIVITY: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Sync activities per workflow run before it continues as new. */
  SYNC_ACTIVITIES_PER_RUN: z.coerce.number().int().min(1).max(1000).default(100),
  /** How long a running sync holds its config (sync_configs.lockedUntil); renewed with every page. */
  SYNC_LEASE_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Missed sync Schedule actions within this window after an outage still run. */
  SYNC_CATCHUP_WINDOW_MINUTES: z.coerce.number().int().min(1).max(10_080).default(60),
  /** A failed sync run pauses its Schedule and config until an admin unpauses it. */
  SYNC_PAUSE_ON_FAILURE: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  /** A sync pages activity silent this long (a dead worker) is retried on another worker from its committed cursor. */
  SYNC_HEARTBEAT_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
});

export type Config = z.infer<typeof EnvSchema> & { DATABASE_URL: string };

/** The supplier block of GST invoices, from SUPPLIER_* (its state code is the GSTIN's). */
export function supplierFromConfig(c: Config) {
  return { legalName: c.SUPPLIER_LEGAL_NAME, gstin: c.SUPPLIER_GSTIN, address1: c.SUPPLIER_ADDRESS, location: c.SUPPLIER_CITY, pin: c.SUPPLIER_PIN, stateCode: c.SUPPLIER_GSTIN.slice(0, 2), email: c.SUPPLIER_EMAIL };
}

/** The cleanup tasks' retentions and batch size, from CLEANUP_*. */
export function cleanupSettingsFromConfig(c: Config) {
  return { outboxRetentionDays: c.CLEANUP_OUTBOX_RETENTION_DAYS, refreshTokenRetentionDays: c.CLEANUP_REFRESH_TOKEN_RETENTION_DAYS, recordingGraceHours: c.CLEANUP_RECORDING_GRACE_HOURS, batchSize: c.CLEANUP_BATCH_SIZE };
}

/** Parses env; DATABASE_URL must be resolved by the caller (embedded default) when absent. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  if (!parsed.data.DATABASE_URL) throw new Error('DATABASE_URL is not set (npm start sets it to the embedded PostgreSQL)');
  if (parsed.data.NODE_ENV === 'production' && parsed.data.MEETING_EVENTS_SECRET.startsWith('dev-')) {
    throw new Error('MEETING_EVENTS_SECRET must be set in production');
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.HR_CREDENTIALS_KEY) {
    throw new Error('HR_CREDENTIALS_KEY (32 bytes, hex or base64) must be set in production');
  }
  if (parsed.data.NODE_ENV === 'production' && !(parsed.data.JWT_PRIVATE_KEY && parsed.data.JWT_PUBLIC_KEY)) {
    throw new Error('JWT_PRIVATE_KEY and JWT_PUBLIC_KEY (Ed25519 PEM) must be set in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.LEEGALITY_MODE === 'sim') {
    throw new Error('LEEGALITY_MODE=sim is for development; set LEEGALITY_MODE=live and the Leegality credentials in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.WHATSAPP_MODE === 'sim') {
    // Unset in production means off (no number configured); an explicit sim is a mistake.
    if (env.WHATSAPP_MODE !== undefined) throw new Error('WHATSAPP_MODE=sim is for development; set WHATSAPP_MODE=live (or off) in production');
    parsed.data.WHATSAPP_MODE = 'off';
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.WHATSAPP_MODE === 'live' && (parsed.data.WHATSAPP_TOKEN.startsWith('dev-') || parsed.data.WHATSAPP_APP_SECRET.startsWith('dev-') || parsed.data.WHATSAPP_VERIFY_TOKEN.startsWith('dev-'))) {
    throw new Error('WHATSAPP_TOKEN, WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN must be set for WHATSAPP_MODE=live in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.EMAIL_MODE === 'sim') {
    throw new Error('EMAIL_MODE=sim is for development; set EMAIL_MODE=smtp and SMTP_URL (or SMTP_HOST) in production');
  }
  if (parsed.data.EMAIL_MODE === 'smtp' && !parsed.data.SMTP_URL && !parsed.data.SMTP_HOST) {
    throw new Error('EMAIL_MODE=smtp needs SMTP_URL or SMTP_HOST');
  }
  if (parsed.data.NODE_ENV === 'production' && (parsed.data.S3_MODE === 'sim' || parsed.data.S3_SECRET_ACCESS_KEY === 'S3RVER')) {
    throw new Error('S3_MODE=sim and the simulator credentials are for development; set S3_MODE=live and the S3 credentials in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.EXOTEL_MODE === 'sim') {
    // Unset in production means off (the CRM answers tel: links); an explicit sim is a mistake.
    if (env.EXOTEL_MODE !== undefined) throw new Error('EXOTEL_MODE=sim is for development; set EXOTEL_MODE=live (or off) in production');
    parsed.data.EXOTEL_MODE = 'off';
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.EXOTEL_MODE === 'live' && (parsed.data.EXOTEL_API_KEY.startsWith('dev-') || parsed.data.EXOTEL_CALLBACK_SECRET.startsWith('dev-'))) {
    throw new Error('EXOTEL_API_KEY, EXOTEL_API_TOKEN and EXOTEL_CALLBACK_SECRET must be set for EXOTEL_MODE=live in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.GOOGLE_MODE === 'sim') {
    // Unset in production means off (no calendar events); an explicit sim is a mistake.
    if (env.GOOGLE_MODE !== undefined) throw new Error('GOOGLE_MODE=sim is for development; set GOOGLE_MODE=live (or off) in production');
    parsed.data.GOOGLE_MODE = 'off';
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.GOOGLE_MODE === 'live' && (parsed.data.GOOGLE_CLIENT_SECRET === DEV_GOOGLE.clientSecret || parsed.data.GOOGLE_CLIENT_ID === DEV_GOOGLE.clientId)) {
    throw new Error('GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET must be set for GOOGLE_MODE=live in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.LLM_MODE === 'sim') {
    throw new Error('LLM_MODE=sim is for development; set LLM_MODE=live and LLM_API_KEY in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.LLM_MODE === 'live' && parsed.data.LLM_API_KEY === DEV_LLM.apiKey) {
    throw new Error('LLM_API_KEY must be set for LLM_MODE=live in production');
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.VOICE_MODE === 'sim') {
    // Unset in production means off (no voice agent configured); an explicit sim is a mistake.
    if (env.VOICE_MODE !== undefined) throw new Error('VOICE_MODE=sim is for development; set VOICE_MODE=live (or off) in production');
    parsed.data.VOICE_MODE = 'off';
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.VOICE_MODE === 'live' && (parsed.data.VOICE_API_KEY.startsWith('dev-') || parsed.data.VOICE_WEBHOOK_SECRET.startsWith('dev-') || parsed.data.VOICE_AGENT_ID === DEV_VOICE.agentId)) {
    throw new Error('VOICE_API_KEY, VOICE_WEBHOOK_SECRET, VOICE_AGENT_ID and VOICE_AGENT_PHONE_NUMBER_ID must be set for VOICE_MODE=live in production');
  }
  if (parsed.data.LEEGALITY_MODE === 'live') {
    const d = parsed.data;
    if (d.LEEGALITY_BASE_URL && !d.LEEGALITY_BASE_URL.startsWith('https://')) throw new Error('LEEGALITY_MODE=live needs an https LEEGALITY_BASE_URL');
    if (d.LEEGALITY_AUTH_TOKEN === DEV_LEEGALITY.authToken || d.LEEGALITY_PRIVATE_SALT === DEV_LEEGALITY.privateSalt || d.LEEGALITY_PROFILE_ID === DEV_LEEGALITY.profileId) {
      throw new Error('LEEGALITY_AUTH_TOKEN, LEEGALITY_PRIVATE_SALT and LEEGALITY_PROFILE_ID must be set for LEEGALITY_MODE=live');
    }
  }
  if (parsed.data.NODE_ENV === 'production' && parsed.data.RAZORPAY_MODE === 'sim') {
    throw new Error('RAZORPAY_MODE=sim is for development; set RAZORPAY_MODE=live and the Razorpay keys in production');
  }
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.LLM_KEYS_KEKS) {
    throw new Error('LLM_KEYS_KEKS ("id:key" pairs, each key 32 bytes as hex or base64) must be set in production');
  }
  if (parsed.data.LLM_KEYS_KEKS) parseKeks(parsed.data.LLM_KEYS_KEKS, parsed.data.LLM_KEYS_ACTIVE_KEK);
  else if (parsed.data.LLM_KEYS_ACTIVE_KEK && parsed.data.LLM_KEYS_ACTIVE_KEK !== DEV_LLM_KEYS_KEK_ID) throw new Error('LLM_KEYS_ACTIVE_KEK is set but LLM_KEYS_KEKS is not');
  if (parsed.data.NODE_ENV === 'production' && !parsed.data.SYNC_CREDENTIALS_KEKS) {
    throw new Error('SYNC_CREDENTIALS_KEKS ("id:key" pairs, each key 32 bytes as hex or base64) must be set in production');
  }
  if (parsed.data.SYNC_CREDENTIALS_KEKS) parseKeks(parsed.data.SYNC_CREDENTIALS_KEKS, parsed.data.SYNC_CREDENTIALS_ACTIVE_KEK, { keks: 'SYNC_CREDENTIALS_KEKS', active: 'SYNC_CREDENTIALS_ACTIVE_KEK' });
  else if (parsed.data.SYNC_CREDENTIALS_ACTIVE_KEK) throw new Error('SYNC_CREDENTIALS_ACTIVE_KEK is set but SYNC_CREDENTIALS_KEKS is not');
  return parsed.data as Config;
}

/** ServiceDeps.config.llmKeys. */
export function llmKeysConfig(c: Config) {
  return {
    ...(c.LLM_KEYS_KEKS ? { keks: c.LLM_KEYS_KEKS } : {}),
    ...(c.LLM_KEYS_ACTIVE_KEK ? { activeKekId: c.LLM_KEYS_ACTIVE_KEK } : {}),
    checkTimeoutMs: c.LLM_KEYS_CHECK_TIMEOUT_MS,
    // Development and tests point keys at the local simulator over http; production wants https.
    allowHttpBaseUrl: c.NODE_ENV !== 'production',
  };
}

/** ServiceDeps.config.sync and ActivityDeps.sync (services/sync/settings.ts). */
export function syncConfigFromEnv(c: Config) {
  return {
    ...(c.SYNC_CREDENTIALS_KEKS ? { keks: c.SYNC_CREDENTIALS_KEKS } : {}),
    ...(c.SYNC_CREDENTIALS_ACTIVE_KEK ? { activeKekId: c.SYNC_CREDENTIALS_ACTIVE_KEK } : {}),
    // Development and tests point credentials at the local simulators over http; production wants https.
    allowHttpBaseUrl: c.NODE_ENV !== 'production',
    httpTimeoutMs: c.SYNC_HTTP_TIMEOUT_MS,
    maxRetryAfterSeconds: c.SYNC_MAX_RETRY_AFTER_SECONDS,
    pageSize: c.SYNC_PAGE_SIZE,
    pagesPerActivity: c.SYNC_PAGES_PER_ACTIVITY,
    activitiesPerRun: c.SYNC_ACTIVITIES_PER_RUN,
    leaseMinutes: c.SYNC_LEASE_MINUTES,
    catchupWindowMinutes: c.SYNC_CATCHUP_WINDOW_MINUTES,
    pauseOnFailure: c.SYNC_PAUSE_ON_FAILURE,
    heartbeatTimeoutSeconds: c.SYNC_HEARTBEAT_TIMEOUT_SECONDS,
  };
}
