// The Google contract the rest of the system codes against: OAuth 2.0 authorization code with
// PKCE (authorize URL, code exchange, refresh) and Calendar v3 events (create with a Meet
// conference, get, delete), and one typed error. The real client and the simulator honour it.
import { kindOf, ProviderError, type ProviderFailureKind } from '../lib/provider-error.js';

export const GOOGLE_LIVE_AUTH_BASE_URL = 'https://accounts.google.com';
export const GOOGLE_LIVE_TOKEN_BASE_URL = 'https://oauth2.googleapis.com';
export const GOOGLE_LIVE_API_BASE_URL = 'https://www.googleapis.com';

export const AUTHORIZE_PATH = '/o/oauth2/v2/auth';
export const TOKEN_PATH = '/token';
export const CALENDAR_PATH = '/calendar/v3';
/** The one scope we ask for: create and delete events on the user's calendars. */
export const CALENDAR_EVENTS_SCOPE = 'https://www.googleapis.com/auth/calendar.events';

/** Google's rule for a client-chosen event id: base32hex (a-v, 0-9), 5 to 1024 characters. */
export const EVENT_ID_PATTERN = /^[a-v0-9]{5,1024}$/;
export const MAX_SUMMARY_LENGTH = 1024;
export const MAX_DESCRIPTION_LENGTH = 8192;
export const MAX_ATTENDEES = 50;

export interface AuthorizeUrlInput {
  /** Opaque, unguessable; echoed back to the redirect URI. */
  state: string;
  /** base64url(sha256(code_verifier)). */
  codeChallenge: string;
  /** Pre-fills the account chooser. */
  loginHint?: string;
}

export interface GoogleTokens {
  accessToken: string;
  /** Present on a code exchange with access_type=offline + prompt=consent; usually absent on a refresh. */
  refreshToken: string | null;
  expiresInSeconds: number;
  scope: string;
  tokenType: string;
}

export interface EventTime {
  /** RFC 3339 with an offset or Z. */
  dateTime: string;
  /** IANA zone; default UTC. */
  timeZone?: string;
}

export interface CreateEventInput {
  /** Default 'primary'. */
  calendarId?: string;
  /** A stable id of our choosing (base32hex): a retried insert answers 409 instead of making a second event. */
  eventId?: string;
  /** The conference create request's id: stable per slot, so a retry makes no second Meet. */
  requestId: string;
  summary: string;
  description?: string;
  start: EventTime;
  end: EventTime;
  attendees: { email: string; displayName?: string }[];
}

export interface CalendarEvent {
  id: string;
  status: string;
  htmlLink: string | null;
  /** The Meet link; null while the conference is still being created (or was refused). */
  hangoutLink: string | null;
}

export interface GoogleProvider {
  /** The consent page URL the user is sent to (nothing is called). */
  authorizeUrl(input: AuthorizeUrlInput): string;
  /** POST /token grant_type=authorization_code. */
  exchangeCode(input: { code: string; codeVerifier: string }): Promise<GoogleTokens>;
  /** POST /token grant_type=refresh_token; a revoked grant is a GoogleError with grantRevoked. */
  refresh(refreshToken: string): Promise<GoogleTokens>;
  /** Inserts the event with a Meet conference (conferenceDataVersion=1, sendUpdates=all). */
  createEvent(accessToken: string, input: CreateEventInput): Promise<CalendarEvent>;
  getEvent(accessToken: string, eventId: string, calendarId?: string): Promise<CalendarEvent>;
  /** 204 → 'deleted'; 410 (or 404) → 'gone': either way the event is no more. */
  deleteEvent(accessToken: string, eventId: string, calendarId?: string): Promise<'deleted' | 'gone'>;
}

export { LOCAL_ERROR_CODES } from '../lib/provider-error.js';

/**
 * Every failure of a Google call. `code` is the OAuth `error` (invalid_grant, invalid_client, …)
 * or the API `errors[0].reason` (rateLimitExceeded, duplicate, notFound, …). Retryable: no
 * answer, 408, 429, 5xx, and a 403 whose reason is a rate limit. `grantRevoked` (OAuth
 * invalid_grant) means the user's connection is broken: never retry, reconnect.
 */
export class GoogleError extends ProviderError {
  override readonly name = 'GoogleError';
  readonly code: string;
  readonly grantRevoked: boolean;

  constructor(status: number | null, code: string, message: string, opts: { retryable?: boolean; kind?: ProviderFailureKind; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    super(`Google ${status ?? 'request'} ${code}: ${message}`, {
      provider: 'google',
      status,
      kind: opts.kind ?? (RATE_LIMIT_REASONS.includes(code) ? 'rate_limited' : kindOf(status)),
      retryable: opts.retryable ?? isRetryable(status, code),
      retryAfterSeconds: opts.retryAfterSeconds,
      cause: opts.cause,
    });
    this.code = code;
    this.grantRevoked = code === 'invalid_grant';
  }
}

/** Reasons Google gives a rate limit (as a 403 or a 429). */
export const RATE_LIMIT_REASONS: readonly string[] = ['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded'];

export function isRetryable(status: number | null, code: string): boolean {
  if (code === 'invalid_grant') return false;
  if (status === null) return true;
  if (status === 403 && RATE_LIMIT_REASONS.includes(code)) return true;
  return status === 408 || status === 429 || status >= 500;
}

/** True for a refresh (or exchange) refused because the grant was revoked or expired. */
export const isGrantRevoked = (err: unknown): boolean => err instanceof GoogleError && err.grantRevoked;

/** Our stable event id for a key (a uuid): its hex is base32hex already. */
export function eventIdFor(prefix: string, uuid: string): string {
  const id = `${prefix}${uuid.replace(/-/g, '').toLowerCase()}`;
  if (!EVENT_ID_PATTERN.test(id)) throw new Error('An event id must be base32hex (a-v, 0-9), 5 to 1024 characters');
  return id;
}
