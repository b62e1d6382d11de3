// What services need: the api builds it once (createApp(deps), read from c.var.deps); a service
// takes it, or the narrow part of it it uses, as its first argument.
import type { Client } from '@temporalio/client';
import type { Role } from '../domain/auth/roles.js';
import type { SupplierDetails } from '../domain/finance/invoice.js';
import type { JwtService } from '../infra/auth/jwt.js';
import type { Db } from '../infra/prisma.js';
import type { Logger } from '../infra/logger.js';
import type { EmailProvider } from '../providers/email/interface.js';
import type { ExotelProvider } from '../providers/exotel/interface.js';
import type { GoogleProvider } from '../providers/google/interface.js';
import type { LeegalityProvider } from '../providers/leegality/interface.js';
import type { LlmProvider } from '../providers/llm/interface.js';
import type { RazorpayProvider } from '../providers/razorpay/interface.js';
import type { ObjectStore } from '../providers/s3/interface.js';
import type { VoiceProvider } from '../providers/voice/interface.js';
import type { WhatsAppProvider } from '../providers/whatsapp/interface.js';
import type { CleanupSettings } from './cleanup/tasks.js';
import type { SyncSettings } from './sync/settings.js';

export interface ServiceDeps {
  db: Db;
  temporal: Client;
  logger: Logger;
  jwt: JwtService;
  razorpay: RazorpayProvider;
  /** The meeting-recordings bucket. */
  s3: ObjectStore;
  /** The resumes bucket (S3_RESUMES_BUCKET): Mr-Hire applications' files, written by the api. */
  resumes: ObjectStore;
  /** The finance documents bucket (S3_DOCUMENTS_BUCKET): invoice and credit-note PDFs. */
  documents: ObjectStore;
  whatsapp: WhatsAppProvider;
  email: EmailProvider;
  /** Click-to-call and SMS; undefined when EXOTEL_MODE=off (the CRM answers tel: links). */
  exotel?: ExotelProvider;
  /** Google OAuth + Calendar (booking events); undefined when GOOGLE_MODE=off. */
  google?: GoogleProvider;
  /** Mr-Hire resume parsing and scoring (JSON-schema chat completions). */
  llm: LlmProvider;
  /** Mr-Hire voice interviews; VOICE_MODE=off gives one that refuses every call. */
  voice: VoiceProvider;
  /** eSign of the PAP agreement (LEEGALITY_MODE=sim|live). */
  leegality: LeegalityProvider;
  config: {
    /** The web app's origin (PUBLIC_WEB_URL): meeting join pages when a slot has no meetingLink. */
    publicWebUrl?: string;
    taskQueue: string;
    /** The AI-calls task queue (AI_CALLS_TASK_QUEUE): calling campaigns run there, on a worker with its own slot limit. Default <taskQueue>-ai-calls. */
    aiCallsTaskQueue?: string;
    /** Targets per batch of a CRM bulk operation (default 200). */
    crmBulkBatchSize?: number;
    /** The cleanup tasks' retentions and batch size (CLEANUP_*); absent: DEFAULT_CLEANUP_SETTINGS. */
    cleanupSettings?: Partial<CleanupSettings>;
    /** How long POST /api/cleanup/run waits for its run before answering 202 (default 20 s). */
    cleanupRunWaitMs?: number;
    /** Node steps per run before a CRM enrollment continues-as-new (default 200). */
    crmEnrollmentStepsPerRun?: number;
    meetingEventsSecret: string;
    bodyLimitBytes: number;
    /** Unread request bodies up to maxBytes are drained (within timeoutMs) so keep-alive survives a refusal; larger ones get Connection: close. */
    bodyDrain?: { maxBytes: number; timeoutMs: number };
    /** Byte limit of one CSV lead import (POST /api/crm/imports), which skips bodyLimitBytes; default 20 MiB. */
    crmImportMaxBytes?: number;
    healthTimeoutMs?: number;
    /** Browser origins allowed by CORS (exact matches). */
    corsOrigins?: string[];
    refreshTtlDays?: number;
    /** Login attempts allowed per window, per IP and per email. */
    loginRateLimit?: { perIp: number; perEmail: number; windowSeconds: number };
    defaultPlatform?: string;
    /** Mr-Hire HR platform account credentials key (HR_CREDENTIALS_KEY); absent in development: a derived dev key. */
    hrCredentialsKey?: string;
    /** Per-user LLM keys: the KEK keyring (LLM_KEYS_KEKS / LLM_KEYS_ACTIVE_KEK; absent: the development KEK), the key check's timeout, and whether an http baseUrl is allowed. */
    llmKeys?: { keks?: string; activeKekId?: string; checkTimeoutMs?: number; allowHttpBaseUrl?: boolean };
    /** Largest resume accepted by POST /api/jobs/{id}/applications (RESUME_MAX_BYTES); default 5 MiB. */
    resumeMaxBytes?: number;
    /** Job applications allowed per window, per IP and per email (APPLY_RATE_LIMIT_*); defaults in services/hire/apply.ts. */
    applyRateLimit?: { perIp: number; perEmail: number; windowSeconds: number };
    /** Overrides system config booking.holdMinutes (tests use seconds). */
    slotHoldSeconds?: number;
    /** Overrides system config account.deletionGraceDays (tests use seconds). */
    accountDeletionGraceSeconds?: number;
    /** Overrides system config auth.forgotPasswordRateLimit. */
    forgotPasswordRateLimit?: { perIp: number; perEmail: number; windowSeconds: number };
    /** Sender of the api's own emails (EMAIL_FROM): password reset links. */
    emailFrom?: string;
    razorpay: { keyId: string; keySecret: string; webhookSecret: string; purchaseTimeoutSeconds: number };
    /** The supplier on GST invoices (SUPPLIER_*); absent: the development supplier (infra/env.ts DEV_SUPPLIER). */
    supplier?: SupplierDetails;
    /** Presigned invoice download lifetime (INVOICE_DOWNLOAD_URL_TTL_SECONDS); default 300. */
    invoiceDownloadTtlSeconds?: number;
    /** Meeting recordings: upload limit, presigned URL lifetimes, and how long complete waits for the object. Defaults in api/routes/recordings. */
    recordings?: Partial<RecordingSettings>;
    /** WhatsApp webhook secrets; absent or null (WHATSAPP_MODE=off) makes the webhook refuse everything. */
    /** The webhook's secrets, and the platform number's id (WHATSAPP_PHONE_NUMBER_ID): inbound messages to it are stored with no owner. */
    whatsapp?: { appSecret: string | null; verifyToken: string | null; platformPhoneNumberId?: string };
    /** Exotel click-to-call: the ExoPhone, the secret in StatusCallback URLs, and where Exotel reaches us. Absent when off. */
    exotel?: { callerId: string; callbackSecret: string; publicApiUrl: string };
    /** Google connect: where the OAuth callback sends the browser (GOOGLE_RETURN_URL; absent: it answers JSON). */
    google?: { returnUrl?: string };
    /** The model LLM calls use unless they name one (LLM_MODEL). */
    llm: { model: string };
    /** The voice-AI agent and the post-call webhook secret (null when VOICE_MODE=off: the webhook refuses everything). */
    voice: { agentId: string; agentPhoneNumberId: string; webhookSecret: string | null };
    /** The Leegality profile PAP sign requests use and the salt webhook MACs are checked with (LEEGALITY_*). */
    leegality: { profileId: string; privateSalt: string };
    /** Mr Learn / Mr Test syncs: the credentials keyring (SYNC_CREDENTIALS_KEKS; absent: the development KEK) and the run knobs (SYNC_*). */
    sync?: SyncSettings;
  };
}

export interface RecordingSettings {
  maxBytes: number;
  uploadUrlTtlSeconds: number;
  downloadUrlTtlSeconds: number;
  uploadGraceSeconds: number;
}

export interface AuthContext {
  userId: string;
  role: Role;
}

