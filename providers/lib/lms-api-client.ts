// The real HTTP client both learning-system APIs share (Mr Learn, Mr Test: docs/sync-apis.md):
// OAuth 2 client credentials at POST /oauth/token (form-encoded, answers access_token +
// expires_in), Bearer calls, and cursor pages `GET <path>?cursor=&limit=&updated_since=` that
// answer `{ data: [...], next_cursor }`.
//
// A paging sync runs for minutes, so this client rides out the vendor's blips in place rather
// than failing a page: a 429 waits its Retry-After (up to maxRetryAfterSeconds; longer, it gives
// up with `rate_limited` and the wait, so the activity retries no sooner), a 5xx or a transport
// failure backs off and tries again (maxAttempts in all), and a 401 fetches a new token once and
// repeats the call; a second 401 is a non-retryable `client` failure that says the credentials
// no longer work. The token endpoint refusing the client (400/401) is non-retryable too.
// Nothing here logs: the secret and tokens stay out of logs.
import { z } from 'zod';
import { kindOf, ProviderError, transportCode, LOCAL_ERROR_CODES, type ProviderFailureKind } from './provider-error.js';
import { callVendor, errorEnvelope, type VendorErrors } from './vendor-fetch.js';

export const TOKEN_PATH = '/oauth/token';

export interface AccessToken {
  accessToken: string;
  expiresAt: Date;
}

export interface LmsPageQuery {
  cursor?: string | null;
  /** Rows per page (the APIs cap it at 1000). */
  limit?: number;
  /** Only rows modified after this instant (ISO 8601). */
  updatedSince?: string | null;
}

export interface LmsPage {
  /** Raw rows: callers check each one against its schema, so one bad row fails only itself. */
  data: unknown[];
  nextCursor: string | null;
}

export interface LmsApiClientOptions {
  /** For messages and ProviderError.provider: "mrlearn" / "mrtest". */
  provider: string;
  /** Human name in messages: "Mr Learn". */
  vendorName: string;
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** A token kept from earlier (decrypted from the credentials row); used until it nears expiry. */
  token?: AccessToken | null;
  /** Called with every new token, so the caller can keep it (sealed) for the next run. */
  onToken?: (token: AccessToken) => Promise<void> | void;
  /** Per request, body included. Default 15 s. */
  timeoutMs?: number;
  /** Tries per call for 429, 5xx and transport failures. Default 5. */
  maxAttempts?: number;
  /** The longest Retry-After waited in place; a longer one fails the call (rate_limited). Default 30 s. */
  maxRetryAfterSeconds?: number;
  /** First backoff after a 5xx or transport failure, doubled each time up to backoffMaxMs. Defaults 250 ms, 5 s. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** A token this close to expiry is renewed before use. Default 60 s. */
  refreshSkewSeconds?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

export interface LmsApiClient {
  /** A token that is good for at least refreshSkewSeconds (fetching one if needed). */
  accessToken(): Promise<AccessToken>;
  /** One page of a collection, e.g. page('/v1/learners', { cursor, limit, updatedSince }). */
  page(path: string, query: LmsPageQuery): Promise<LmsPage>;
  /** What the client did so far (tests and run stats). */
  stats(): LmsClientStats;
}

export interface LmsClientStats {
  requests: number;
  tokenRequests: number;
  rateLimited: number;
  serverErrors: number;
  transportErrors: number;
  unauthorized: number;
  waitedMs: number;
}

/** `{ error, error_description }` (OAuth) or `{ error: { code, message } }`: both APIs use the OAuth one. */
const oauthErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });
const tokenSchema = z.object({ access_token: z.string().min(1).max(4096), token_type: z.string().optional(), expires_in: z.number().int().positive().max(366 * 86_400) });
const pageSchema = z.object({ data: z.array(z.unknown()).max(10_000), next_cursor: z.string().max(2048).nullable() });

/** Every failure of a learning-system API call. `code` is the OAuth error (invalid_client, invalid_token) or a local one. */
export class LmsApiError extends ProviderError {
  override readonly name = 'LmsApiError';
  readonly code: string;
  constructor(provider: string, status: number | null, code: string, message: string, opts: { kind?: ProviderFailureKind; retryable?: boolean; retryAfterSeconds?: number | null; cause?: unknown } = {}) {
    super(message, { provider, status, kind: opts.kind ?? kindOf(status), retryable: opts.retryable, retryAfterSeconds: opts.retryAfterSeconds, cause: opts.cause });
    this.code = code;
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createLmsApiClient(opts: LmsApiClientOptions): LmsApiClient {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxAttempts = Math.max(1, opts.maxAttempts ?? 5);
  const maxRetryAfter = opts.maxRetryAfterSeconds ?? 30;
  const backoffBase = opts.backoffBaseMs ?? 250;
  const backoffMax = opts.backoffMaxMs ?? 5_000;
  const skewMs = (opts.refreshSkewSeconds ?? 60) * 1000;
  const sleep = opts.sleep ?? defaultSleep;
  const now = opts.now ?? (() => new Date());
  const doFetch = opts.fetch ?? fetch;
  const stats: LmsClientStats = { requests: 0, tokenRequests: 0, rateLimited: 0, serverErrors: 0, transportErrors: 0, unauthorized: 0, waitedMs: 0 };
  let token: AccessToken | null = opts.token ?? null;
  let pendingToken: Promise<AccessToken> | null = null;

  const errors = (what: string): VendorErrors => ({
    transport: (kind, message, cause) => new LmsApiError(opts.provider, null, transportCode(kind), message, { kind, retryable: true, cause }),
    http(status, text, retryAfterSeconds) {
      const envelope = errorEnvelope(oauthErrorSchema, text);
      const code = envelope?.error ?? (status >= 500 ? 'server_error' : 'http_error');
      const detail = envelope?.error_description ? `: ${envelope.error_description.slice(0, 200)}` : '';
      return new LmsApiError(opts.provider, status, code, `${opts.vendorName} ${what} answered ${status} ${code}${detail}`, { retryAfterSeconds });
    },
    invalid: (status, message, cause) => new LmsApiError(opts.provider, status, LOCAL_ERROR_CODES.invalidResponse, message, { kind: 'invalid_response', retryable: false, cause }),
  });

  /** One call with the in-place retries; 401 is handed back to the caller. */
  async function withRetries<T>(call: () => Promise<T>): Promise<T> {
    let backoff = backoffBase;
    for (let attempt = 1; ; attempt++) {
      try {
        stats.requests++;
        return await call();
      } catch (err) {
        if (!(err instanceof LmsApiError) || attempt >= maxAttempts) throw err;
        let waitMs: number;
        if (err.kind === 'rate_limited') {
          stats.rateLimited++;
          const seconds = err.retryAfterSeconds ?? 1;
          if (seconds > maxRetryAfter) throw err;
          waitMs = seconds * 1000;
        } else if (err.kind === 'server' || err.kind === 'transport' || err.kind === 'timeout') {
          if (err.kind === 'server') stats.serverErrors++;
          else stats.transportErrors++;
          waitMs = backoff;
          backoff = Math.min(backoff * 2, backoffMax);
        } else {
          throw err;
        }
        stats.waitedMs += waitMs;
        await sleep(waitMs);
      }
    }
  }

  async function fetchToken(): Promise<AccessToken> {
    const what = `POST ${TOKEN_PATH}`;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: opts.clientId, client_secret: opts.clientSecret });
    try {
      const answer = await withRetries(() => {
        stats.tokenRequests++;
        return callVendor(
          { url: `${baseUrl}${TOKEN_PATH}`, init: { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' }, body: body.toString() }, timeoutMs, what, fetch: doFetch },
          tokenSchema,
          errors(what),
        );
      });
      const fresh = { accessToken: answer.access_token, expiresAt: new Date(now().getTime() + answer.expires_in * 1000) };
      token = fresh;
      await opts.onToken?.(fresh);
      return fresh;
    } catch (err) {
      if (err instanceof LmsApiError && (err.status === 400 || err.status === 401)) {
        throw new LmsApiError(opts.provider, err.status, err.code, `${opts.vendorName} refused the client credentials of client ${opts.clientId} (${err.status} ${err.code}): update the secret in the sync credentials`, { kind: 'client', retryable: false, cause: err });
      }
      throw err;
    }
  }

  function freshToken(force = false): Promise<AccessToken> {
    if (!force && token && token.expiresAt.getTime() - skewMs > now().getTime()) return Promise.resolve(token);
    // Parallel callers share one token request.
    pendingToken ??= fetchToken().finally(() => (pendingToken = null));
    return pendingToken;
  }

  async function authorizedGet<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    const what = `GET ${path.split('?')[0]}`;
    const get = (t: AccessToken) =>
      withRetries(() => callVendor({ url: `${baseUrl}${path}`, init: { method: 'GET', headers: { Authorization: `Bearer ${t.accessToken}`, Accept: 'application/json' } }, timeoutMs, what, fetch: doFetch }, schema, errors(what)));
    const first = await freshToken();
    try {
      return await get(first);
    } catch (err) {
      if (!(err instanceof LmsApiError) || err.status !== 401) throw err;
      stats.unauthorized++;
    }
    // The token expired or was revoked early: one new token, one more try.
    const second = await freshToken(true);
    try {
      return await get(second);
    } catch (err) {
      if (err instanceof LmsApiError && err.status === 401) {
        stats.unauthorized++;
        throw new LmsApiError(opts.provider, 401, err.code, `${opts.vendorName} answered 401 to ${what} even with a new access token: client ${opts.clientId} has lost access`, { kind: 'client', retryable: false, cause: err });
      }
      throw err;
    }
  }

  return {
    accessToken: () => freshToken(),
    async page(path, query) {
      const qs = new URLSearchParams();
      if (query.cursor) qs.set('cursor', query.cursor);
      if (query.limit) qs.set('limit', String(query.limit));
      if (query.updatedSince) qs.set('updated_since', query.updatedSince);
      const q = qs.toString();
      const page = await authorizedGet(`${path}${q ? `?${q}` : ''}`, pageSchema);
      return { data: page.data, nextCursor: page.next_cursor };
    },
    stats: () => ({ ...stats }),
  };
}
