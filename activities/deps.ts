// What activities may touch. The worker passes real dependencies; tests pass the same
// kinds of objects against the test database and provider simulators.
import type { Client } from '@temporalio/client';
import type { SupplierDetails } from '../domain/finance/invoice.js';
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
import type { NotificationSettings } from '../services/notifications/slot-booked-email.js';
import type { SyncSettings } from '../services/sync/settings.js';

export interface ActivityDeps {
  db: Db;
  logger: Logger;
  now: () => Date;
  /** For activities that start or update other workflows (CRM triggers, bulk operations). */
  temporal: Client;
  /** The task queue those workflows run on. */
  taskQueue: string;
  razorpay: RazorpayProvider;
  /** The meeting-recordings bucket. */
  s3: ObjectStore;
  /** The resumes bucket (S3_RESUMES_BUCKET): the candidate pipeline reads the stored resume from it. */
  resumes: ObjectStore;
  /** The finance documents bucket (S3_DOCUMENTS_BUCKET): invoice and credit-note PDFs are written here. */
  documents: ObjectStore;
  /** The supplier on GST invoices; absent: the development supplier. */
  supplier?: SupplierDetails;
  whatsapp: WhatsAppProvider;
  email: EmailProvider;
  /** Undefined when EXOTEL_MODE=off. */
  exotel?: ExotelProvider;
  /** Google Calendar events for bookings; undefined when GOOGLE_MODE=off. */
  google?: GoogleProvider;
  /** Mr-Hire resume parsing and scoring; its defaultModel is LLM_MODEL. */
  llm: LlmProvider;
  /** Mr-Hire voice interviews; VOICE_MODE=off gives one that refuses every call. */
  voice: VoiceProvider;
  /** eSign of the PAP agreement; the profile its sign requests use (LEEGALITY_PROFILE_ID). */
  leegality: LeegalityProvider;
  leegalityProfileId: string;
  /** The agent outbound interview calls use (VOICE_AGENT_ID, VOICE_AGENT_PHONE_NUMBER_ID). */
  voiceAgent: { agentId: string; agentPhoneNumberId: string };
  /** Links, sender and claim lease of notification emails; defaults in services/notifications/slot-booked-email.ts. */
  notifications?: NotificationSettings;
  /** The user-secrets keyring (LLM_KEYS_KEKS / LLM_KEYS_ACTIVE_KEK): staff users' WhatsApp config tokens are opened with it for sends from their own number; absent: the development KEK. */
  llmKeys?: { keks?: string; activeKekId?: string };
  /** Mr Learn / Mr Test syncs: the credentials keyring and run knobs (SYNC_*); absent: the development KEK and the defaults. */
  sync?: SyncSettings;
}
