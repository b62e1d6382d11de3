// The WhatsApp Cloud API contract the rest of the system codes against: template sends, the
// status webhook's shape, and one typed error. The real client and the simulator both honour it.
import { kindOf, LOCAL_ERROR_CODES as SHARED_LOCAL_ERROR_CODES, ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export const WHATSAPP_LIVE_BASE_URL = 'https://graph.facebook.com';
export const DEFAULT_API_VERSION = 'v21.0';
export const WEBHOOK_SIGNATURE_HEADER = 'X-Hub-Signature-256';
/** What lead_whatsapp_logs.provider holds for messages sent through this provider. */
export const LEAD_LOG_PROVIDER = 'meta_cloud';
/** The Cloud API's "rate limit hit" error code (throughput or per-pair limits). */
export const RATE_LIMIT_ERROR_CODE = 130429;
/** E.164 with the leading +: what callers hand us. The wire wants the digits only. */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

export interface WhatsAppTemplateMessage {
  /** E.164 with +. */
  to: string;
  /** An approved template's name. */
  template: string;
  /** Default "en". */
  languageCode?: string;
  /** Body parameters {{1}}, {{2}}, … in order. */
  params?: string[];
}

/** A free-form text message: Meta delivers it only inside the 24-hour window after the recipient last wrote to the number. */
export interface WhatsAppTextMessage {
  /** E.164 with +. */
  to: string;
  /** 1 to 4096 characters. */
  text: string;
}

export const TEXT_MAX_LENGTH = 4096;

export interface WhatsAppSendResult {
  /** The wamid: status webhooks refer to the message by it. */
  messageId: string;
  /** WhatsApp's id for the recipient (usually the digits of the number). */
  waId: string;
}

/** What GET /{phone_number_id} answers (the fields we read). */
export interface PhoneNumberInfo {
  id: string;
  displayPhoneNumber: string | null;
  verifiedName: string | null;
}

export interface WhatsAppProvider {
  sendTemplate(msg: WhatsAppTemplateMessage): Promise<WhatsAppSendResult>;
  /** A text message (session messages only: outside the 24-hour window Meta refuses it with 131047). */
  sendText?(msg: WhatsAppTextMessage): Promise<WhatsAppSendResult>;
  /** GET /{phone_number_id} with this client's token: Meta's check that the number id and the token go together. */
  verifyNumber?(): Promise<PhoneNumberInfo>;
  /** The same API (base URL, version, timeout) for another business number and its token (a staff user's own config). */
  forNumber?(phoneNumberId: string, token: string): WhatsAppProvider;
}

/** The body we POST to /{phone_number_id}/messages for a template. */
export interface TemplateSendBody {
  messaging_product: 'whatsapp';
  recipient_type?: 'individual';
  /** Digits only. */
  to: string;
  type: 'template';
  template: {
    name: string;
    language: { code: string };
    components?: { type: 'body'; parameters: { type: 'text'; text: string }[] }[];
  };
}

/** The body we POST to /{phone_number_id}/messages for a text message. */
export interface TextSendBody {
  messaging_product: 'whatsapp';
  recipient_type?: 'individual';
  /** Digits only. */
  to: string;
  type: 'text';
  text: { body: string; preview_url?: boolean };
}

export type SendBody = TemplateSendBody | TextSendBody;

export interface SendResponse {
  messaging_product: 'whatsapp';
  contacts: { input: string; wa_id: string }[];
  messages: { id: string; message_status?: string }[];
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['sent', 'delivered', 'read', 'failed'];

export interface StatusError {
  code: number;
  title: string;
  message?: string;
  error_data?: { details?: string };
}

/** One entry of entry[].changes[].value.statuses[]. */
export interface StatusUpdate {
  id: string;
  status: DeliveryStatus;
  /** Unix seconds, as a string. */
  timestamp: string;
  recipient_id: string;
  errors?: StatusError[];
}

/** One entry of entry[].changes[].value.messages[] (an inbound message), with its change's metadata. */
export interface InboundMessage {
  /** The wamid. */
  id: string;
  /** The sender's WhatsApp number, digits only. */
  from: string;
  /** Unix seconds, as a string. */
  timestamp: string;
  /** text, image, document, audio, button, interactive, ... */
  type: string;
  /** The text of a text message (or a button's text); null for media and others. */
  text: string | null;
  /** The business number it was sent to (metadata.phone_number_id): routes it to a config. */
  phoneNumberId: string;
  displayPhoneNumber: string | null;
}

export interface StatusWebhookBody {
  object: 'whatsapp_business_account';
  entry: {
    id: string;
    changes: {
      field: string;
      value: {
        messaging_product: 'whatsapp';
        metadata: { display_phone_number: string; phone_number_id: string };
        statuses?: StatusUpdate[];
      };
    }[];
  }[];
}

/** The `error` object of every Graph API error response. */
export interface WhatsAppErrorBody {
  message: string;
  type: string;
  code: number | string;
  error_subcode?: number | null;
  error_data?: { details?: string; messaging_product?: string } | null;
  fbtrace_id?: string | null;
}

/** The shared local codes, and one for a send while WhatsApp is off. */
export const LOCAL_ERROR_CODES = { ...SHARED_LOCAL_ERROR_CODES, disabled: 'WHATSAPP_DISABLED' } as const;

/**
 * Every failure of a WhatsApp call. `status` is null when no HTTP answer arrived. `retryable`
 * is true for network errors, timeouts, HTTP 429, error code 130429 and 5xx; false for other
 * 4xx (bad token, bad number, unknown template: a retry would fail the same way).
 * A ProviderError, so activities can map it without knowing WhatsApp.
 */
export class WhatsAppError extends ProviderError {
  override readonly name = 'WhatsAppError';
  readonly code: number | string;
  readonly type: string;
  readonly details: string | null;
  readonly fbtraceId: string | null;

  constructor(status: number | null, body: WhatsAppErrorBody, opts: { retryable?: boolean; kind?: ProviderFailureKind; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    super(`WhatsApp ${status ?? 'request'} ${body.code}: ${body.message}`, {
      provider: 'whatsapp',
      status,
      kind: opts.kind ?? (status !== null && body.code === RATE_LIMIT_ERROR_CODE ? 'rate_limited' : kindOf(status)),
      retryable: opts.retryable ?? isRetryable(status, body.code),
      retryAfterSeconds: opts.retryAfterSeconds,
      cause: opts.cause,
    });
    this.code = body.code;
    this.type = body.type;
    this.details = body.error_data?.details ?? null;
    this.fbtraceId = body.fbtrace_id ?? null;
  }
}

export function isRetryable(status: number | null, code: number | string): boolean {
  if (status === null) return true;
  if (code === RATE_LIMIT_ERROR_CODE || status === 429) return true;
  return status >= 500;
}

/** "+919876543210" → "919876543210"; null when it is not E.164. */
export function toWireNumber(e164: string): string | null {
  return E164_PATTERN.test(e164) ? e164.slice(1) : null;
}
