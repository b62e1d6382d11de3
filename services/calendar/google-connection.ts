// A user's Google connection (google_auth_tokens): connect with OAuth 2.0 + PKCE, the callback
// that seals the tokens, status, disconnect, and accessTokenFor() for the calendar activities.
// Secrets at rest: the access and refresh tokens and the PKCE verifier are sealed with AES-256-GCM
// under the user-secrets keyring (LLM_KEYS_KEKS / LLM_KEYS_ACTIVE_KEK, like WhatsApp config
// tokens), the user id bound in as associated data; the OAuth state is stored only as its sha256.
// The invariant: no view, log line or error carries a token, the verifier or the raw state.
import { createHash, randomBytes } from 'node:crypto';
import { DomainError } from '../../domain/errors.js';
import type { KekKeyring } from '../../infra/kek-keyring.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import { CALENDAR_EVENTS_SCOPE, GoogleError, isGrantRevoked, type GoogleProvider, type GoogleTokens } from '../../providers/google/interface.js';
import { failureOf } from '../../providers/lib/provider-error.js';
import { llmKeyring } from '../ai/llm-keys.js';
import { notify } from '../notifications/centre.js';

export interface GoogleDeps {
  db: Db;
  logger: Logger;
  /** Undefined when GOOGLE_MODE=off. */
  google?: GoogleProvider | undefined;
  /** The user-secrets keyring's settings; absent: the development KEK. */
  llmKeys?: { keks?: string; activeKekId?: string } | undefined;
  now?: () => Date;
}

/** How long a connect may take between POST /connect and the callback. */
export const OAUTH_STATE_TTL_MS = 10 * 60_000;
/** An access token is refreshed this long before Google says it expires. */
const EXPIRY_MARGIN_MS = 60_000;

const keyring = (deps: GoogleDeps): KekKeyring => llmKeyring({ llmKeys: deps.llmKeys });
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const clock = (deps: GoogleDeps) => (deps.now ?? (() => new Date()))();
export const googleTokenContext = (userId: string, which: 'access' | 'refresh') => `google-token:${userId}:${which}`;
const verifierContext = (userId: string, stateHash: string) => `google-oauth-state:${userId}:${stateHash}`;

function provider(deps: GoogleDeps): GoogleProvider {
  if (!deps.google) throw new DomainError('DEPENDENCY_UNAVAILABLE', 'Google Calendar is not configured on this server');
  return deps.google;
}

/** Starts a connect: a fresh state (kept as its hash) and PKCE verifier (sealed), and the consent URL. */
export async function startGoogleConnect(deps: GoogleDeps, userId: string): Promise<{ authorizeUrl: string; expiresAt: string }> {
  const google = provider(deps);
  const now = clock(deps);
  const state = randomBytes(32).toString('base64url');
  const verifier = randomBytes(48).toString('base64url'); // 64 characters of [A-Za-z0-9-_]
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const stateHash = sha256(state);
  const sealed = keyring(deps).seal(verifier, verifierContext(userId, stateHash));
  const expiresAt = new Date(now.getTime() + OAUTH_STATE_TTL_MS);
  await deps.db.$transaction([
    deps.db.googleOAuthState.deleteMany({ where: { expiresAt: { lt: now } } }),
    deps.db.googleOAuthState.create({ data: { userId, stateHash, verifierCiphertext: sealed.ciphertext, verifierIv: sealed.iv, verifierAuthTag: sealed.authTag, keyId: sealed.keyId, expiresAt } }),
  ]);
  deps.logger.info({ userId }, 'google connect started');
  return { authorizeUrl: google.authorizeUrl({ state, codeChallenge: challenge }), expiresAt: expiresAt.toISOString() };
}

export type CallbackInput = { state: string; code?: string | undefined; error?: string | undefined };

/**
 * The OAuth callback: claims the state (single use: the row is deleted as it is read), exchanges
 * the code with the verifier, and seals the tokens (a reconnect replaces them and clears broken).
 * A state that is unknown, used or expired is a 400; Google's error (the user cancelled) a 422.
 */
export async function completeGoogleConnect(deps: GoogleDeps, input: CallbackInput): Promise<{ userId: string; scope: string }> {
  const google = provider(deps);
  const now = clock(deps);
  const stateHash = sha256(input.state);
  const row = await claimState(deps.db, stateHash);
  if (!row) throw new DomainError('BAD_REQUEST', 'Unknown or already used state');
  if (row.expiresAt < now) throw new DomainError('BAD_REQUEST', 'The connect request expired; start again');
  if (input.error) {
    deps.logger.info({ userId: row.userId, error: input.error.slice(0, 64) }, 'google connect refused by the user or Google');
    throw new DomainError('UNPROCESSABLE', `Google did not grant access (${input.error.slice(0, 64)})`);
  }
  if (!input.code) throw new DomainError('BAD_REQUEST', 'The callback has neither code nor error');
  const verifier = keyring(deps).open({ ciphertext: row.verifierCiphertext, iv: row.verifierIv, authTag: row.verifierAuthTag }, row.keyId, verifierContext(row.userId, stateHash));
  let tokens: GoogleTokens;
  try {
    tokens = await google.exchangeCode({ code: input.code, codeVerifier: verifier });
  } catch (err) {
    throw vendorRefusal(deps, err, row.userId, 'code exchange');
  }
  if (!tokens.scope.split(' ').includes(CALENDAR_EVENTS_SCOPE)) throw new DomainError('UNPROCESSABLE', 'Google did not grant calendar access (the calendar box was unticked)');
  if (!tokens.refreshToken) throw new DomainError('UNPROCESSABLE', 'Google gave no refresh token; connect again');
  await saveTokens(deps, row.userId, tokens, tokens.refreshToken, now);
  deps.logger.info({ userId: row.userId }, 'google connected');
  return { userId: row.userId, scope: tokens.scope };
}

interface StateRow {
  userId: string;
  verifierCiphertext: string;
  verifierIv: string;
  verifierAuthTag: string;
  keyId: string;
  expiresAt: Date;
}

/**
 * Single use: the row is read, then deleted by hash; only the caller whose delete removed it
 * (count 1) may use what it read, so of two callbacks racing with the same state one wins.
 */
async function claimState(db: Db, stateHash: string): Promise<StateRow | null> {
  const row = await db.googleOAuthState.findUnique({ where: { stateHash }, select: { userId: true, verifierCiphertext: true, verifierIv: true, verifierAuthTag: true, keyId: true, expiresAt: true } });
  if (!row) return null;
  const { count } = await db.googleOAuthState.deleteMany({ where: { stateHash } });
  return count === 1 ? row : null;
}

function sealTokens(deps: GoogleDeps, userId: string, accessToken: string, refreshToken: string) {
  const ring = keyring(deps);
  const access = ring.seal(accessToken, googleTokenContext(userId, 'access'));
  // Sealed under the same (active) KEK as the access token: the row has one keyId.
  const refresh = ring.seal(refreshToken, googleTokenContext(userId, 'refresh'));
  return {
    accessTokenCiphertext: access.ciphertext,
    iv: access.iv,
    accessTokenAuthTag: access.authTag,
    refreshTokenCiphertext: refresh.ciphertext,
    refreshTokenIv: refresh.iv,
    refreshTokenAuthTag: refresh.authTag,
    keyId: access.keyId,
  };
}

async function saveTokens(deps: GoogleDeps, userId: string, tokens: GoogleTokens, refreshToken: string, now: Date) {
  const data = {
    ...sealTokens(deps, userId, tokens.accessToken, refreshToken),
    scope: tokens.scope,
    expiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000),
    brokenAt: null,
    brokenReason: null,
  };
  await deps.db.googleAuthToken.upsert({ where: { userId }, create: { userId, calendarId: 'primary', ...data }, update: data });
}

/** What the user sees of their connection: never a token. */
export interface GoogleConnectionView {
  connected: boolean;
  scope: string | null;
  calendarId: string | null;
  broken: boolean;
  brokenAt: string | null;
  brokenReason: string | null;
  connectedAt: string | null;
  updatedAt: string | null;
}

export async function googleConnectionStatus(deps: Pick<GoogleDeps, 'db'>, userId: string): Promise<GoogleConnectionView> {
  const row = await deps.db.googleAuthToken.findUnique({ where: { userId }, select: { scope: true, calendarId: true, brokenAt: true, brokenReason: true, createdAt: true, updatedAt: true } });
  if (!row) return { connected: false, scope: null, calendarId: null, broken: false, brokenAt: null, brokenReason: null, connectedAt: null, updatedAt: null };
  return {
    connected: true,
    scope: row.scope,
    calendarId: row.calendarId,
    broken: row.brokenAt !== null,
    brokenAt: row.brokenAt?.toISOString() ?? null,
    brokenReason: row.brokenReason,
    connectedAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Forgets the tokens (and any connect in flight). Events already made stay on the calendar. Idempotent. */
export async function disconnectGoogle(deps: Pick<GoogleDeps, 'db' | 'logger'>, userId: string): Promise<{ disconnected: boolean }> {
  const [tokens] = await deps.db.$transaction([deps.db.googleAuthToken.deleteMany({ where: { userId } }), deps.db.googleOAuthState.deleteMany({ where: { userId } })]);
  if (tokens.count > 0) deps.logger.info({ userId }, 'google disconnected');
  return { disconnected: tokens.count > 0 };
}

export type AccessTokenResult =
  | { status: 'ok'; accessToken: string; calendarId: string }
  | { status: 'not-connected' }
  | { status: 'broken'; newlyBroken: boolean };

/**
 * A working access token for the user's calendar: the stored one while it has more than a minute
 * left (unless forceRefresh: Google answered 401 to it), else a refresh (the new access token
 * sealed back). A refresh Google refuses with
 * invalid_grant marks the connection broken and tells the user (one notification, when it
 * breaks); other failures are thrown as they are (retryable or not, Temporal decides).
 */
export async function accessTokenFor(deps: GoogleDeps, userId: string, opts: { forceRefresh?: boolean } = {}): Promise<AccessTokenResult> {
  const google = provider(deps);
  const row = await deps.db.googleAuthToken.findUnique({ where: { userId } });
  if (!row) return { status: 'not-connected' };
  if (row.brokenAt) return { status: 'broken', newlyBroken: false };
  const now = clock(deps);
  const ring = keyring(deps);
  const calendarId = row.calendarId ?? 'primary';
  let opened: { access: string; refresh: string | null };
  try {
    opened = {
      access: ring.open({ ciphertext: row.accessTokenCiphertext, iv: row.iv, authTag: row.accessTokenAuthTag ?? '' }, row.keyId, googleTokenContext(userId, 'access')),
      refresh:
        row.refreshTokenCiphertext && row.refreshTokenIv && row.refreshTokenAuthTag
          ? ring.open({ ciphertext: row.refreshTokenCiphertext, iv: row.refreshTokenIv, authTag: row.refreshTokenAuthTag }, row.keyId, googleTokenContext(userId, 'refresh'))
          : null,
    };
  } catch {
    deps.logger.error({ userId, kek: row.keyId }, 'google tokens do not open (KEK missing or row altered)');
    return markBroken(deps, userId, 'Stored Google tokens could not be read; connect again');
  }
  if (!opts.forceRefresh && row.expiresAt && row.expiresAt.getTime() - EXPIRY_MARGIN_MS > now.getTime()) return { status: 'ok', accessToken: opened.access, calendarId };
  if (!opened.refresh) return markBroken(deps, userId, 'No refresh token stored; connect again');
  let tokens: GoogleTokens;
  try {
    tokens = await google.refresh(opened.refresh);
  } catch (err) {
    if (isGrantRevoked(err)) return markBroken(deps, userId, 'Google refused the refresh token (access revoked or expired); connect again');
    throw err;
  }
  // Google may rotate the refresh token; keep the old one otherwise.
  const sealed = sealTokens(deps, userId, tokens.accessToken, tokens.refreshToken ?? opened.refresh);
  await deps.db.googleAuthToken.updateMany({ where: { userId, brokenAt: null }, data: { ...sealed, expiresAt: new Date(now.getTime() + tokens.expiresInSeconds * 1000) } });
  return { status: 'ok', accessToken: tokens.accessToken, calendarId };
}

/** Marks the connection broken once (a conditional update) and notifies the user in the same transaction. */
async function markBroken(deps: GoogleDeps, userId: string, reason: string): Promise<AccessTokenResult> {
  const now = clock(deps);
  const newlyBroken = await deps.db.$transaction(async (tx) => {
    const { count } = await tx.googleAuthToken.updateMany({ where: { userId, brokenAt: null }, data: { brokenAt: now, brokenReason: reason } });
    if (count === 0) return false;
    await notify(tx, {
      userId,
      type: 'WARNING',
      category: 'SYSTEM',
      priority: 'HIGH',
      title: 'Google Calendar disconnected',
      message: 'We could no longer reach your Google Calendar, so new bookings are not being added to it. Connect Google again from your settings.',
      data: { kind: 'google-calendar-broken' },
    });
    return true;
  });
  if (newlyBroken) deps.logger.warn({ userId }, 'google connection marked broken');
  return { status: 'broken', newlyBroken };
}

/** A vendor failure at connect time as the caller's problem: never Google's message (it may echo input). */
function vendorRefusal(deps: GoogleDeps, err: unknown, userId: string, what: string): Error {
  const failure = failureOf(err);
  if (!failure) return err instanceof Error ? err : new Error(String(err));
  deps.logger.warn({ userId, kind: failure.kind, status: failure.status, code: err instanceof GoogleError ? err.code : undefined }, `google ${what} failed`);
  if (isGrantRevoked(err) || (failure.kind === 'client' && !failure.retryable)) return new DomainError('BAD_REQUEST', 'Google refused the authorization code (expired or already used); connect again');
  return new DomainError('DEPENDENCY_UNAVAILABLE', 'Google is unavailable; try again');
}
