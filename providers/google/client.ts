// The real Google client: OAuth 2.0 (authorization code with PKCE, refresh; form-encoded POSTs to
// the token endpoint) and Calendar v3 events (Bearer access token). Every answer is validated;
// every failure becomes a GoogleError. No retries here: Temporal retries what is retryable.
import type { z } from 'zod';
import { transportCode } from '../lib/provider-error.js';
import { callVendor, errorEnvelope, fetchVendor, type VendorErrors } from '../lib/vendor-fetch.js';
import {
  AUTHORIZE_PATH,
  CALENDAR_EVENTS_SCOPE,
  CALENDAR_PATH,
  EVENT_ID_PATTERN,
  GOOGLE_LIVE_API_BASE_URL,
  GOOGLE_LIVE_AUTH_BASE_URL,
  GOOGLE_LIVE_TOKEN_BASE_URL,
  GoogleError,
  LOCAL_ERROR_CODES,
  MAX_ATTENDEES,
  MAX_DESCRIPTION_LENGTH,
  MAX_SUMMARY_LENGTH,
  TOKEN_PATH,
  type CalendarEvent,
  type CreateEventInput,
  type GoogleProvider,
  type GoogleTokens,
} from './interface.js';
import { apiErrorSchema, eventSchema, oauthErrorSchema, tokenResponseSchema } from './schemas.js';

export interface GoogleClientOptions {
  clientId: string;
  clientSecret: string;
  /** Registered with the OAuth client; the callback route. */
  redirectUri: string;
  /** Origins (the simulator's in dev and tests); default Google's. */
  authBaseUrl?: string;
  tokenBaseUrl?: string;
  apiBaseUrl?: string;
  /** Per request, including reading the body. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const trim = (s: string) => s.replace(/\/+$/, '');

export function createGoogleClient(opts: GoogleClientOptions): GoogleProvider {
  const authBase = trim(opts.authBaseUrl ?? GOOGLE_LIVE_AUTH_BASE_URL);
  const tokenUrl = `${trim(opts.tokenBaseUrl ?? GOOGLE_LIVE_TOKEN_BASE_URL)}${TOKEN_PATH}`;
  const apiBase = `${trim(opts.apiBaseUrl ?? GOOGLE_LIVE_API_BASE_URL)}${CALENDAR_PATH}`;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const doFetch = opts.fetch ?? fetch;

  async function token(form: URLSearchParams, what: string): Promise<GoogleTokens> {
    const t = await callVendor(
      {
        url: tokenUrl,
        init: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: form.toString() },
        timeoutMs,
        what: `POST /token (${what})`,
        fetch: doFetch,
      },
      tokenResponseSchema,
      OAUTH_ERRORS,
    );
    return { accessToken: t.access_token, refreshToken: t.refresh_token ?? null, expiresInSeconds: t.expires_in, scope: t.scope, tokenType: t.token_type };
  }

  function api<S extends z.ZodType>(method: 'GET' | 'POST', path: string, accessToken: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    return callVendor(
      {
        url: `${apiBase}${path}`,
        init: {
          method,
          headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
        timeoutMs,
        what: `${method} ${path.split('?')[0]}`,
        fetch: doFetch,
      },
      schema,
      API_ERRORS,
    );
  }

  const eventPath = (calendarId: string, eventId?: string) => `/calendars/${encodeURIComponent(calendarId)}/events${eventId ? `/${encodeURIComponent(eventId)}` : ''}`;

  return {
    authorizeUrl({ state, codeChallenge, loginHint }) {
      const q = new URLSearchParams({
        client_id: opts.clientId,
        redirect_uri: opts.redirectUri,
        response_type: 'code',
        scope: CALENDAR_EVENTS_SCOPE,
        access_type: 'offline',
        prompt: 'consent',
        include_granted_scopes: 'true',
        state,
        code_challenge: codeChallenge,
        code_challenge_method: 'S256',
      });
      if (loginHint) q.set('login_hint', loginHint);
      return `${authBase}${AUTHORIZE_PATH}?${q.toString()}`;
    },
    exchangeCode({ code, codeVerifier }) {
      const form = new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: opts.redirectUri, client_id: opts.clientId, client_secret: opts.clientSecret, code_verifier: codeVerifier });
      return token(form, 'authorization_code');
    },
    refresh(refreshToken) {
      const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: opts.clientId, client_secret: opts.clientSecret });
      return token(form, 'refresh_token');
    },
    async createEvent(accessToken, input) {
      const problem = eventProblem(input);
      if (problem) throw new GoogleError(null, LOCAL_ERROR_CODES.invalidRequest, problem, { kind: 'invalid_request', retryable: false });
      const body = {
        ...(input.eventId ? { id: input.eventId } : {}),
        summary: input.summary,
        ...(input.description ? { description: input.description } : {}),
        start: { dateTime: input.start.dateTime, timeZone: input.start.timeZone ?? 'UTC' },
        end: { dateTime: input.end.dateTime, timeZone: input.end.timeZone ?? 'UTC' },
        attendees: input.attendees,
        conferenceData: { createRequest: { requestId: input.requestId, conferenceSolutionKey: { type: 'hangoutsMeet' } } },
      };
      return toEvent(await api('POST', `${eventPath(input.calendarId ?? 'primary')}?conferenceDataVersion=1&sendUpdates=all`, accessToken, eventSchema, body));
    },
    async getEvent(accessToken, eventId, calendarId = 'primary') {
      return toEvent(await api('GET', eventPath(calendarId, eventId), accessToken, eventSchema));
    },
    async deleteEvent(accessToken, eventId, calendarId = 'primary') {
      const path = eventPath(calendarId, eventId);
      const { status, text } = await fetchVendor(
        { url: `${apiBase}${path}?sendUpdates=all`, init: { method: 'DELETE', headers: { Authorization: `Bearer ${accessToken}` } }, timeoutMs, what: `DELETE ${path}`, fetch: doFetch },
        API_ERRORS,
      );
      if (status === 204 || status === 200) return 'deleted';
      // 410: deleted before (by us, a retry, or the user); 404: never there any more. Both are done.
      if (status === 410 || status === 404) return 'gone';
      throw API_ERRORS.http(status, text, null);
    },
  };
}

function toEvent(e: z.infer<typeof eventSchema>): CalendarEvent {
  const video = e.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri;
  return { id: e.id, status: e.status, htmlLink: e.htmlLink ?? null, hangoutLink: e.hangoutLink ?? video ?? null };
}

function eventProblem(p: CreateEventInput): string | null {
  if (p.eventId !== undefined && !EVENT_ID_PATTERN.test(p.eventId)) return 'eventId must be base32hex (a-v, 0-9), 5 to 1024 characters';
  if (!p.requestId || p.requestId.length > 200) return 'requestId must be 1..200 characters';
  if (!p.summary || p.summary.length > MAX_SUMMARY_LENGTH) return `summary must be 1..${MAX_SUMMARY_LENGTH} characters`;
  if (p.description && p.description.length > MAX_DESCRIPTION_LENGTH) return `description is longer than ${MAX_DESCRIPTION_LENGTH} characters`;
  if (p.attendees.length > MAX_ATTENDEES) return `at most ${MAX_ATTENDEES} attendees`;
  if (Number.isNaN(Date.parse(p.start.dateTime)) || Number.isNaN(Date.parse(p.end.dateTime))) return 'start and end need RFC 3339 dateTimes';
  if (Date.parse(p.end.dateTime) <= Date.parse(p.start.dateTime)) return 'end must be after start';
  return null;
}

const codeForStatus = (status: number) => (status === 429 ? 'rateLimitExceeded' : status >= 500 ? 'backendError' : `http_${status}`);

const transport: VendorErrors['transport'] = (kind, message, cause) => new GoogleError(null, transportCode(kind), message, { kind, retryable: true, cause });
const invalid: VendorErrors['invalid'] = (status, message, cause) => new GoogleError(status, LOCAL_ERROR_CODES.invalidResponse, message, { kind: 'invalid_response', retryable: false, cause });

/** The token endpoint answers `{ error, error_description }`. */
const OAUTH_ERRORS: VendorErrors = {
  transport,
  http(status, text, retryAfterSeconds) {
    const envelope = errorEnvelope(oauthErrorSchema, text);
    const code = envelope?.error ?? codeForStatus(status);
    return new GoogleError(status, code, envelope?.error_description ?? `HTTP ${status} without an OAuth error body`, { retryAfterSeconds });
  },
  invalid,
};

/** The Calendar API answers `{ error: { code, message, status, errors: [{ reason }] } }`. */
const API_ERRORS: VendorErrors = {
  transport,
  http(status, text, retryAfterSeconds) {
    const envelope = errorEnvelope(apiErrorSchema, text);
    const code = envelope?.error.errors?.[0]?.reason ?? envelope?.error.status ?? codeForStatus(status);
    return new GoogleError(status, code, envelope?.error.message ?? `HTTP ${status} without an error body: ${text.slice(0, 200)}`, { retryAfterSeconds });
  },
  invalid,
};
