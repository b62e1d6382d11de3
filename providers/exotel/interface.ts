// The Exotel contract the rest of the system codes against: click-to-call, call details, SMS,
// the StatusCallback body, and one typed error. The real client and the simulator honour it.
// Entities are handed out camelCased and typed; the wire's PascalCase stays in schemas.ts.
import { kindOf, ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export const EXOTEL_LIVE_SUBDOMAIN = 'api.exotel.com';
/** Exotel's cap on TimeLimit (seconds) and on CustomField (characters). */
export const MAX_TIME_LIMIT_SECONDS = 14_400;
export const MAX_CUSTOM_FIELD_LENGTH = 128;
export const MAX_SMS_BODY_LENGTH = 2000;

export type ExotelCallStatus = 'queued' | 'ringing' | 'in-progress' | 'completed' | 'failed' | 'busy' | 'no-answer' | 'canceled';
export const EXOTEL_CALL_STATUSES: readonly ExotelCallStatus[] = ['queued', 'ringing', 'in-progress', 'completed', 'failed', 'busy', 'no-answer', 'canceled'];
/** A call in one of these has ended; Exotel never moves it again. */
export const FINAL_CALL_STATUSES: readonly ExotelCallStatus[] = ['completed', 'failed', 'busy', 'no-answer', 'canceled'];
export const isFinalCallStatus = (s: ExotelCallStatus) => FINAL_CALL_STATUSES.includes(s);

/** StatusCallbackEvents we subscribe to: the call ended, or the customer leg picked up. */
export type ExotelCallbackEvent = 'terminal' | 'answered';

export interface ExotelCall {
  sid: string;
  parentCallSid: string | null;
  accountSid: string | null;
  /** The agent leg (dialled first). */
  from: string;
  /** The customer leg. */
  to: string;
  /** The ExoPhone shown to the customer. */
  phoneNumberSid: string | null;
  status: ExotelCallStatus;
  direction: string | null;
  /** Exotel's `YYYY-MM-DD HH:mm:ss` (IST); see parseExotelTime. */
  dateCreated: string | null;
  dateUpdated: string | null;
  startTime: string | null;
  endTime: string | null;
  /** Whole call in seconds; null until Exotel fills the figures in (about 2 min after the end). */
  duration: number | null;
  /** INR (e.g. 1.5); null until filled in. */
  price: number | null;
  recordingUrl: string | null;
  customField: string | null;
}

export interface ExotelCallLeg {
  id: number | null;
  onCallDuration: number | null;
  status: string | null;
}

export interface ExotelCallDetails extends ExotelCall {
  details: {
    /** Seconds with both legs connected; null until filled in. */
    conversationDuration: number | null;
    leg1Status: string | null;
    leg2Status: string | null;
    legs: ExotelCallLeg[];
  };
}

export interface ConnectCallInput {
  /** Agent's number, dialled first (E.164 or national). */
  from: string;
  /** Customer's number. */
  to: string;
  /** The ExoPhone the customer sees. */
  callerId: string;
  /** Our URL for the StatusCallback JSON (it carries the secret token: Exotel does not sign). */
  statusCallback: string;
  /** Echoed in the callback and the call; at most 128 characters. */
  customField?: string;
  record?: boolean;
  /** At most 14400. */
  timeLimitSeconds?: number;
}

export interface SendSmsInput {
  /** Sender (ExoPhone or DLT header); defaults to the configured caller id. */
  from?: string;
  to: string;
  /** At most 2000 characters. */
  body: string;
  /** India DLT: mandatory on real traffic. */
  dltEntityId?: string;
  dltTemplateId?: string;
  customField?: string;
  statusCallback?: string;
}

export interface ExotelProvider {
  connectCall(p: ConnectCallInput): Promise<ExotelCall>;
  getCall(sid: string): Promise<ExotelCallDetails>;
  sendSms(p: SendSmsInput): Promise<{ sid: string; status: string }>;
}

/** The StatusCallback body Exotel POSTs (JSON, as we ask for). It is not signed. */
export interface ExotelStatusCallback {
  callSid: string;
  status: ExotelCallStatus;
  eventType: ExotelCallbackEvent;
  recordingUrl: string | null;
  dateUpdated: string | null;
  startTime: string | null;
  endTime: string | null;
  conversationDuration: number | null;
  direction: string | null;
  customField: string | null;
  legs: { onCallDuration: number | null; status: string | null }[];
}

export { LOCAL_ERROR_CODES } from '../lib/provider-error.js';

const CODE_BY_STATUS: Record<number, string> = { 400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 402: 'PAYMENT_REQUIRED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 408: 'TIMEOUT', 409: 'CONFLICT', 429: 'RATE_LIMITED' };
export const codeForStatus = (status: number) => CODE_BY_STATUS[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'HTTP_ERROR');

/**
 * Every failure of an Exotel call. `status` is null when no HTTP answer arrived. `retryable` is
 * true for network errors, timeouts, 408, 429 and 5xx; false for other 4xx and unreadable 2xx.
 * A ProviderError (retryAfterSeconds from Retry-After on a 429), so activities can map it
 * without knowing Exotel.
 */
export class ExotelError extends ProviderError {
  override readonly name = 'ExotelError';
  readonly code: string;

  constructor(status: number | null, code: string, message: string, opts: { retryable?: boolean; kind?: ProviderFailureKind; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    super(`Exotel ${status ?? 'request'} ${code}: ${message}`, {
      provider: 'exotel',
      status,
      kind: opts.kind ?? kindOf(status),
      retryable: opts.retryable ?? isRetryableStatus(status),
      retryAfterSeconds: opts.retryAfterSeconds,
      cause: opts.cause,
    });
    this.code = code;
  }
}

export function isRetryableStatus(status: number | null): boolean {
  if (status === null) return true;
  return status === 408 || status === 429 || status >= 500;
}

const IST_OFFSET_MS = 330 * 60_000;

/** Exotel's `YYYY-MM-DD HH:mm:ss` is India time; an ISO string with an offset is also taken. */
export function parseExotelTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (m) {
    const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - IST_OFFSET_MS);
  }
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

export function formatExotelTime(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
