// The Google client against the Google simulator: PKCE is checked at the token endpoint, refresh
// and invalid_grant, event insert (idempotent by id and requestId), delete 204 then 410, and
// which failures are retryable (429, 5xx, 403 rateLimitExceeded) and which are not.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoogle, createGoogleClient, eventIdFor, GoogleError, isGrantRevoked, type GoogleProvider } from '../../providers/google/index.js';
import { startGoogleSimulator, type GoogleSimulator } from '../../providers/google/simulator.js';

const CLIENT = { clientId: 'unit-google-client', clientSecret: 'unit-google-secret' };
const REDIRECT = 'http://127.0.0.1:9/api/google/oauth/callback';
const verifier = 'v'.repeat(20) + 'erifier-0123456789-abcdefghijklmnop';
const challenge = createHash('sha256').update(verifier).digest('base64url');

let sim: GoogleSimulator;
let google: GoogleProvider;
beforeAll(async () => {
  sim = await startGoogleSimulator(CLIENT);
  google = createGoogle({ mode: 'sim', ...CLIENT, redirectUri: REDIRECT, authBaseUrl: sim.origin, tokenBaseUrl: sim.origin, apiBaseUrl: sim.origin, timeoutMs: 2_000 });
});
afterAll(() => sim.close());

async function codeFor(email: string, state = 'st'): Promise<string> {
  const url = google.authorizeUrl({ state, codeChallenge: challenge, loginHint: email });
  const res = await fetch(url, { redirect: 'manual' });
  const back = new URL(res.headers.get('location')!);
  expect(back.origin + back.pathname).toBe(REDIRECT);
  expect(back.searchParams.get('state')).toBe(state);
  return back.searchParams.get('code')!;
}

const event = (requestId: string, eventId?: string) => ({
  ...(eventId ? { eventId } : {}),
  requestId,
  summary: 'Session',
  start: { dateTime: '2030-01-01T10:00:00.000Z' },
  end: { dateTime: '2030-01-01T11:00:00.000Z' },
  attendees: [{ email: 'mentor@x.test' }, { email: 'student@x.test' }],
});

describe('google client ↔ simulator', () => {
  it('exchanges a code with the right verifier only, once; refresh works until the grant is revoked', async () => {
    const code = await codeFor('a@x.test');
    await expect(google.exchangeCode({ code, codeVerifier: 'w'.repeat(50) })).rejects.toMatchObject({ status: 400, code: 'invalid_grant' });
    const tokens = await google.exchangeCode({ code, codeVerifier: verifier });
    expect(tokens).toMatchObject({ tokenType: 'Bearer', scope: 'https://www.googleapis.com/auth/calendar.events' });
    expect(tokens.refreshToken).toBeTruthy();
    await expect(google.exchangeCode({ code, codeVerifier: verifier })).rejects.toMatchObject({ code: 'invalid_grant' });
    const refreshed = await google.refresh(tokens.refreshToken!);
    expect(refreshed.refreshToken).toBeNull();
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    sim.revoke('a@x.test');
    const err = await google.refresh(tokens.refreshToken!).catch((e: unknown) => e);
    expect(isGrantRevoked(err)).toBe(true);
    expect(err).toMatchObject({ retryable: false, status: 400 });
    await expect(google.createEvent(refreshed.accessToken, event('r0'))).rejects.toMatchObject({ status: 401, retryable: false });
  });

  it('a wrong client secret is invalid_client (not retryable)', async () => {
    const bad = createGoogleClient({ ...CLIENT, clientSecret: 'nope-nope', redirectUri: REDIRECT, authBaseUrl: sim.origin, tokenBaseUrl: sim.origin, apiBaseUrl: sim.origin });
    await expect(bad.refresh('1//whatever')).rejects.toMatchObject({ status: 401, code: 'invalid_client', retryable: false });
  });

  it('creates an event with a Meet link; the same id answers 409, the same requestId the same event; delete is 204 then 410', async () => {
    const { accessToken } = await google.exchangeCode({ code: await codeFor('b@x.test'), codeVerifier: verifier });
    const id = eventIdFor('mas', '0f8c2f6e-1d1a-4a36-9a43-35b1cfb1d001');
    const created = await google.createEvent(accessToken, event('req-1', id));
    expect(created).toMatchObject({ id, status: 'confirmed' });
    expect(created.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    await expect(google.createEvent(accessToken, event('req-1', id))).rejects.toMatchObject({ status: 409, code: 'duplicate', retryable: false });
    expect((await google.createEvent(accessToken, event('req-1'))).id).toBe(id);
    expect(await google.getEvent(accessToken, id)).toMatchObject({ id, hangoutLink: created.hangoutLink });
    expect(sim.events({ owner: 'b@x.test' })).toHaveLength(1);
    expect(await google.deleteEvent(accessToken, id)).toBe('deleted');
    expect(await google.deleteEvent(accessToken, id)).toBe('gone');
    expect(sim.events({ owner: 'b@x.test' })[0]!.status).toBe('cancelled');
  });

  it('429, 500 and 503 are retryable with the API envelope read; a bad event is refused locally', async () => {
    const { accessToken } = await google.exchangeCode({ code: await codeFor('c@x.test'), codeVerifier: verifier });
    sim.failNext(1, 429);
    await expect(google.createEvent(accessToken, event('r1'))).rejects.toMatchObject({ status: 429, kind: 'rate_limited', code: 'rateLimitExceeded', retryable: true });
    sim.failNext(1, 503);
    await expect(google.createEvent(accessToken, event('r1'))).rejects.toMatchObject({ status: 503, kind: 'server', retryable: true });
    await expect(google.createEvent(accessToken, { ...event('r1'), eventId: 'UPPER_case' })).rejects.toMatchObject({ kind: 'invalid_request', retryable: false });
    await expect(google.createEvent(accessToken, { ...event('r1'), end: { dateTime: '2030-01-01T09:00:00.000Z' } })).rejects.toMatchObject({ kind: 'invalid_request' });
  });

  it('a 403 rateLimitExceeded is retryable, another 403 is not', () => {
    expect(new GoogleError(403, 'rateLimitExceeded', 'x')).toMatchObject({ retryable: true, kind: 'rate_limited' });
    expect(new GoogleError(403, 'userRateLimitExceeded', 'x')).toMatchObject({ retryable: true });
    expect(new GoogleError(403, 'forbidden', 'x')).toMatchObject({ retryable: false, kind: 'client' });
    expect(new GoogleError(null, 'NETWORK_ERROR', 'x')).toMatchObject({ retryable: true, kind: 'transport' });
  });

  it('the authorize URL carries everything Google asks for', () => {
    const q = new URL(google.authorizeUrl({ state: 's1', codeChallenge: challenge })).searchParams;
    expect(Object.fromEntries(q)).toMatchObject({ client_id: CLIENT.clientId, redirect_uri: REDIRECT, response_type: 'code', access_type: 'offline', prompt: 'consent', state: 's1', code_challenge: challenge, code_challenge_method: 'S256' });
  });

  it('refuses sim mode pointed at Google and live mode with dev credentials', () => {
    expect(() => createGoogle({ mode: 'sim', ...CLIENT, redirectUri: REDIRECT, authBaseUrl: 'https://accounts.google.com', tokenBaseUrl: sim.origin, apiBaseUrl: sim.origin })).toThrow(/Google itself/);
    expect(() => createGoogle({ mode: 'live', clientId: 'x', clientSecret: 'dev-secret-123', redirectUri: REDIRECT })).toThrow(/development credentials/);
  });
});
