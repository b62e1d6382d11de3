// A local Google speaking the same HTTP as accounts.google.com (the consent page, here an
// instant redirect back with code + state), oauth2.googleapis.com/token (code exchange with PKCE
// S256 checked, refresh) and the Calendar v3 events API (insert with a Meet conference, get,
// delete), in memory, so the real client runs in dev and tests. One origin serves all three.
// Control API under /_sim/ (also on the returned object): revoke a user's grant (their refresh
// then answers invalid_grant and their access tokens 401), expire access tokens, list events and
// token requests, and faults (429 with rateLimitExceeded, 500, 503) on the next N API calls.
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { constantTimeEqual } from '../lib/constant-time.js';
import { BodyError, findRoute, firstIssue, headerValue, ok, readJson, readText, replyHandler, type Reply, type Route } from '../lib/sim-http.js';
import { startSimServer } from '../lib/sim-server.js';
import { AUTHORIZE_PATH, CALENDAR_EVENTS_SCOPE, EVENT_ID_PATTERN } from './interface.js';

export interface GoogleSimulatorOptions {
  port?: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  /** Access token lifetime in seconds (expires_in). Default 3599. */
  accessTokenTtlSeconds?: number;
  /** The Google account that consents when the authorize URL has no login_hint. Default sim.user@gmail.test. */
  defaultEmail?: string;
}

export interface SimEvent {
  id: string;
  /** The user (email) whose calendar holds it. */
  owner: string;
  calendarId: string;
  requestId: string | null;
  summary: string;
  description: string | null;
  start: { dateTime: string; timeZone?: string };
  end: { dateTime: string; timeZone?: string };
  attendees: { email: string }[];
  status: 'confirmed' | 'cancelled';
  htmlLink: string;
  hangoutLink: string;
  sendUpdates: string | null;
  createdAt: string;
}

export type GoogleFaultStatus = 429 | 500 | 503;

export interface GoogleSimulator {
  /** http://host:port: the auth, token and API base URL alike. */
  origin: string;
  port: number;
  /** The user's grants are revoked: refresh answers invalid_grant, their access tokens 401. */
  revoke(email: string): number;
  /** Every access token issued so far stops working (401): the client must refresh. */
  expireAccessTokens(): void;
  /** The next `count` token or Calendar calls answer `status`. */
  failNext(count: number, status?: GoogleFaultStatus): void;
  /** Events (deleted ones too, status cancelled), oldest first. */
  events(filter?: { owner?: string; requestId?: string }): SimEvent[];
  /** Counts of token endpoint grants (authorization_code, refresh_token). */
  tokenRequests(): { authorization_code: number; refresh_token: number };
  close(): Promise<void>;
}

interface Grant {
  email: string;
  refreshToken: string;
  scope: string;
  revoked: boolean;
}
interface PendingCode {
  email: string;
  redirectUri: string;
  codeChallenge: string;
  scope: string;
  expiresAt: number;
  used: boolean;
}
interface AccessToken {
  grant: Grant;
  expiresAt: number;
}

class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`google simulator ${status}`);
  }
}
const apiError = (code: number, status: string, reason: string, message: string) => new SimError(code, { error: { code, message, status, errors: [{ domain: 'global', reason, message }] } });
const oauthError = (status: number, error: string, description: string) => new SimError(status, { error, error_description: description });

const eventBodySchema = z.object({
  id: z.string().optional(),
  summary: z.string().min(1).max(1024),
  description: z.string().max(8192).optional(),
  start: z.object({ dateTime: z.string().min(1), timeZone: z.string().optional() }),
  end: z.object({ dateTime: z.string().min(1), timeZone: z.string().optional() }),
  attendees: z.array(z.object({ email: z.string().min(3).max(320), displayName: z.string().optional() })).max(50).default([]),
  conferenceData: z.object({ createRequest: z.object({ requestId: z.string().min(1).max(200), conferenceSolutionKey: z.object({ type: z.literal('hangoutsMeet') }) }) }).optional(),
});
const revokeBodySchema = z.strictObject({ email: z.string().min(1).max(320) });
const faultBodySchema = z.strictObject({ count: z.number().int().min(0).max(1000), status: z.union([z.literal(429), z.literal(500), z.literal(503)]).default(500) });

const b64url = (b: Buffer) => b.toString('base64url');
const token = (prefix: string) => `${prefix}${b64url(randomBytes(24))}`;
const meetCode = (seed: string) => {
  const h = createHash('sha256').update(seed).digest();
  const letters = [...h.subarray(0, 10)].map((x) => String.fromCharCode(97 + (x % 26))).join('');
  return `${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7, 10)}`;
};

type Handler = (ctx: { url: URL; req: IncomingMessage; params: string[] }) => Promise<Reply> | Reply;

export async function startGoogleSimulator(opts: GoogleSimulatorOptions): Promise<GoogleSimulator> {
  const ttl = opts.accessTokenTtlSeconds ?? 3599;
  const defaultEmail = opts.defaultEmail ?? 'sim.user@gmail.test';
  const codes = new Map<string, PendingCode>();
  const grants = new Map<string, Grant>();
  const accessTokens = new Map<string, AccessToken>();
  const events = new Map<string, SimEvent>();
  const byRequestId = new Map<string, string>();
  const counts = { authorization_code: 0, refresh_token: 0 };
  let faults = { remaining: 0, status: 500 as GoogleFaultStatus };
  let origin = '';

  function issueAccess(grant: Grant) {
    const accessToken = token('ya29.sim-');
    accessTokens.set(accessToken, { grant, expiresAt: Date.now() + ttl * 1000 });
    return accessToken;
  }

  function authorize({ url }: { url: URL }): Reply {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri');
    if (q.get('client_id') !== opts.clientId) return { status: 400, contentType: 'text/html', body: '<p>Error 401: invalid_client. The OAuth client was not found.</p>' };
    if (!redirectUri || !/^https?:\/\//.test(redirectUri)) return { status: 400, contentType: 'text/html', body: '<p>Error 400: redirect_uri_mismatch</p>' };
    const back = new URL(redirectUri);
    const state = q.get('state');
    if (state !== null) back.searchParams.set('state', state);
    const fail = (error: string) => {
      back.searchParams.set('error', error);
      return { status: 302, headers: { Location: back.toString() } };
    };
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type');
    const scope = q.get('scope') ?? '';
    if (!scope.split(' ').includes(CALENDAR_EVENTS_SCOPE)) return fail('invalid_scope');
    const challenge = q.get('code_challenge');
    if (!challenge || q.get('code_challenge_method') !== 'S256') return fail('invalid_request');
    // The sim's consent screen: `sim_deny=1` acts out the user pressing Cancel.
    if (q.get('sim_deny') === '1') return fail('access_denied');
    const code = token('4/sim-');
    codes.set(code, { email: (q.get('login_hint') ?? defaultEmail).toLowerCase(), redirectUri, codeChallenge: challenge, scope: CALENDAR_EVENTS_SCOPE, expiresAt: Date.now() + 10 * 60_000, used: false });
    back.searchParams.set('code', code);
    back.searchParams.set('scope', CALENDAR_EVENTS_SCOPE);
    return { status: 302, headers: { Location: back.toString() } };
  }

  async function tokenEndpoint({ req }: { req: IncomingMessage }): Promise<Reply> {
    const type = headerValue(req, 'content-type') ?? '';
    if (!type.startsWith('application/x-www-form-urlencoded')) throw oauthError(400, 'invalid_request', 'Expected a form-encoded body');
    const form = new URLSearchParams(await readText(req));
    if (form.get('client_id') !== opts.clientId || !constantTimeEqual(form.get('client_secret') ?? '', opts.clientSecret)) throw oauthError(401, 'invalid_client', 'Unauthorized');
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
      counts.authorization_code++;
      const code = codes.get(form.get('code') ?? '');
      if (!code || code.used || code.expiresAt < Date.now()) throw oauthError(400, 'invalid_grant', 'Malformed auth code.');
      if (form.get('redirect_uri') !== code.redirectUri) throw oauthError(400, 'redirect_uri_mismatch', 'Bad Request');
      const verifier = form.get('code_verifier') ?? '';
      if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) throw oauthError(400, 'invalid_request', 'Invalid code verifier.');
      const expected = b64url(createHash('sha256').update(verifier).digest());
      if (!constantTimeEqual(expected, code.codeChallenge)) throw oauthError(400, 'invalid_grant', 'Invalid code verifier.');
      code.used = true;
      const grant: Grant = { email: code.email, refreshToken: token('1//sim-'), scope: code.scope, revoked: false };
      grants.set(grant.refreshToken, grant);
      return ok({ access_token: issueAccess(grant), expires_in: ttl, refresh_token: grant.refreshToken, scope: grant.scope, token_type: 'Bearer' });
    }
    if (grantType === 'refresh_token') {
      counts.refresh_token++;
      const grant = grants.get(form.get('refresh_token') ?? '');
      if (!grant || grant.revoked) throw oauthError(400, 'invalid_grant', 'Token has been expired or revoked.');
      return ok({ access_token: issueAccess(grant), expires_in: ttl, scope: grant.scope, token_type: 'Bearer' });
    }
    throw oauthError(400, 'unsupported_grant_type', `Invalid grant_type: ${grantType ?? ''}`);
  }

  function caller(req: IncomingMessage): Grant {
    const m = /^Bearer (\S+)$/.exec(headerValue(req, 'authorization') ?? '');
    const at = m ? accessTokens.get(m[1]!) : undefined;
    if (!at || at.grant.revoked || at.expiresAt < Date.now()) throw apiError(401, 'UNAUTHENTICATED', 'authError', 'Request had invalid authentication credentials.');
    return at.grant;
  }
  const ownEvent = (grant: Grant, calendarId: string, id: string) => {
    const e = events.get(id);
    return e && e.owner === grant.email && e.calendarId === calendarId ? e : undefined;
  };
  const view = (e: SimEvent) => ({
    kind: 'calendar#event',
    id: e.id,
    status: e.status,
    htmlLink: e.htmlLink,
    summary: e.summary,
    ...(e.description ? { description: e.description } : {}),
    start: e.start,
    end: e.end,
    attendees: e.attendees.map((a) => ({ ...a, responseStatus: 'needsAction' })),
    hangoutLink: e.hangoutLink,
    conferenceData: {
      createRequest: e.requestId ? { requestId: e.requestId, status: { statusCode: 'success' } } : undefined,
      entryPoints: [{ entryPointType: 'video', uri: e.hangoutLink, label: e.hangoutLink.replace('https://', '') }],
      conferenceSolution: { key: { type: 'hangoutsMeet' }, name: 'Google Meet' },
    },
  });

  const apiRoutes: Route<Handler>[] = [
    [
      'POST',
      /^\/calendar\/v3\/calendars\/([^/]+)\/events$/,
      async ({ req, url, params: [calendarId] }) => {
        const grant = caller(req);
        const parsed = eventBodySchema.safeParse(await readJson(req));
        if (!parsed.success) throw apiError(400, 'INVALID_ARGUMENT', 'invalid', firstIssue(parsed.error));
        const b = parsed.data;
        if (Number.isNaN(Date.parse(b.start.dateTime)) || Number.isNaN(Date.parse(b.end.dateTime))) throw apiError(400, 'INVALID_ARGUMENT', 'invalid', 'Invalid start or end time.');
        if (Date.parse(b.end.dateTime) <= Date.parse(b.start.dateTime)) throw apiError(400, 'INVALID_ARGUMENT', 'timeRangeEmpty', 'The specified time range is empty.');
        if (b.id !== undefined && !EVENT_ID_PATTERN.test(b.id)) throw apiError(400, 'INVALID_ARGUMENT', 'invalid', 'Invalid resource id value.');
        if (b.id !== undefined && events.has(b.id)) throw apiError(409, 'ALREADY_EXISTS', 'duplicate', 'The requested identifier already exists.');
        const requestId = url.searchParams.get('conferenceDataVersion') === '1' ? (b.conferenceData?.createRequest.requestId ?? null) : null;
        // The same conference create request answers the event it made (the sim's idempotency by requestId).
        const known = requestId ? events.get(byRequestId.get(`${grant.email}\u0000${requestId}`) ?? '') : undefined;
        if (known) return ok(view(known));
        const id = b.id ?? b64url(randomBytes(13)).toLowerCase().replace(/[^a-v0-9]/g, '0');
        const e: SimEvent = {
          id,
          owner: grant.email,
          calendarId: calendarId!,
          requestId,
          summary: b.summary,
          description: b.description ?? null,
          start: b.start,
          end: b.end,
          attendees: b.attendees.map((a) => ({ email: a.email })),
          status: 'confirmed',
          htmlLink: `${origin}/calendar/event?eid=${id}`,
          hangoutLink: `https://meet.google.com/${meetCode(requestId ?? id)}`,
          sendUpdates: url.searchParams.get('sendUpdates'),
          createdAt: new Date().toISOString(),
        };
        events.set(id, e);
        if (requestId) byRequestId.set(`${grant.email}\u0000${requestId}`, id);
        return ok(view(e));
      },
    ],
    [
      'GET',
      /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      ({ req, params: [calendarId, id] }) => {
        const e = ownEvent(caller(req), calendarId!, id!);
        if (!e) throw apiError(404, 'NOT_FOUND', 'notFound', 'Not Found');
        return ok(view(e));
      },
    ],
    [
      'DELETE',
      /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/,
      ({ req, params: [calendarId, id] }) => {
        const e = ownEvent(caller(req), calendarId!, id!);
        if (!e) throw apiError(404, 'NOT_FOUND', 'notFound', 'Not Found');
        if (e.status === 'cancelled') throw apiError(410, 'GONE', 'deleted', 'Resource has been deleted');
        e.status = 'cancelled';
        return { status: 204 };
      },
    ],
  ];

  const sim = {
    revoke(email: string) {
      let n = 0;
      for (const g of grants.values()) {
        if (g.email !== email.toLowerCase() || g.revoked) continue;
        g.revoked = true;
        n++;
      }
      return n;
    },
    expireAccessTokens() {
      for (const at of accessTokens.values()) at.expiresAt = 0;
    },
    failNext(count: number, status: GoogleFaultStatus = 500) {
      faults = { remaining: count, status };
    },
    events(filter: { owner?: string; requestId?: string } = {}) {
      return [...events.values()].filter((e) => (!filter.owner || e.owner === filter.owner.toLowerCase()) && (!filter.requestId || e.requestId === filter.requestId)).map((e) => ({ ...e }));
    },
    tokenRequests: () => ({ ...counts }),
  };

  const controlRoutes: Route<Handler>[] = [
    ['GET', /^\/_sim\/events$/, ({ url }) => ok({ events: sim.events({ owner: url.searchParams.get('owner') ?? undefined, requestId: url.searchParams.get('requestId') ?? undefined }) })],
    ['POST', /^\/_sim\/grants\/revoke$/, async ({ req }) => ok({ revoked: sim.revoke(parseControl(revokeBodySchema, await readJson(req)).email) })],
    ['POST', /^\/_sim\/tokens\/expire$/, () => (sim.expireAccessTokens(), ok({ expired: true }))],
    ['GET', /^\/_sim\/token-requests$/, () => ok(sim.tokenRequests())],
    [
      'POST',
      /^\/_sim\/faults$/,
      async ({ req }) => {
        const b = parseControl(faultBodySchema, await readJson(req));
        sim.failNext(b.count, b.status);
        return ok({ armed: b.count, status: b.status });
      },
    ],
  ];

  async function answer(req: IncomingMessage): Promise<Reply> {
    const url = new URL(req.url ?? '/', 'http://sim');
    if (req.method === 'GET' && url.pathname === AUTHORIZE_PATH) return authorize({ url });
    if (url.pathname.startsWith('/_sim/')) {
      const route = findRoute(controlRoutes, req.method, url.pathname);
      if (!route) throw apiError(404, 'NOT_FOUND', 'notFound', `No route ${req.method ?? ''} ${url.pathname}`);
      return route.handler({ url, req, params: route.params });
    }
    const isToken = url.pathname === '/token';
    if (faults.remaining > 0 && (isToken || url.pathname.startsWith('/calendar/'))) {
      faults.remaining -= 1;
      if (faults.status === 429) throw apiError(429, 'RESOURCE_EXHAUSTED', 'rateLimitExceeded', 'Rate Limit Exceeded');
      throw apiError(faults.status, faults.status === 503 ? 'UNAVAILABLE' : 'INTERNAL', 'backendError', 'Backend Error');
    }
    if (isToken && req.method === 'POST') return tokenEndpoint({ req });
    const route = findRoute(apiRoutes, req.method, url.pathname);
    if (!route) throw apiError(404, 'NOT_FOUND', 'notFound', 'Not Found');
    return route.handler({ url, req, params: route.params });
  }

  const handler = replyHandler(answer, {
    name: 'google simulator',
    errorReply(err) {
      if (err instanceof SimError) return { status: err.status, body: err.body };
      if (err instanceof BodyError) return { status: err.status, body: apiError(err.status, 'INVALID_ARGUMENT', 'parseError', err.message).body };
      return null;
    },
    internalError: () => ({ status: 500, body: apiError(500, 'INTERNAL', 'backendError', 'Backend Error').body }),
  });
  const server = await startSimServer(handler, { port: opts.port, host: opts.host });
  origin = server.origin;
  return { origin, port: server.port, ...sim, close: () => server.close() };
}

function parseControl<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw apiError(400, 'INVALID_ARGUMENT', 'invalid', firstIssue(parsed.error));
}
