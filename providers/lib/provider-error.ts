// One failure type under every provider's own error (RazorpayError, ExotelError, …): what kind
// of failure it was, whether a retry can help, and how long the vendor asked us to wait. An
// activity maps any provider failure to retryable vs non-retryable from this alone.

/**
 * - `transport`: no (complete) answer: refused, reset, DNS; the call may or may not have run.
 * - `timeout`: our deadline passed, or the vendor said 408.
 * - `rate_limited`: 429 (or the vendor's own rate-limit code); see retryAfterSeconds.
 * - `server`: 5xx (SMTP: a 4xx "try later").
 * - `client`: another 4xx (SMTP: a 5xx): the same request fails the same way again.
 * - `invalid_response`: an answer we cannot read (unparseable 2xx, 1xx/3xx): a contract problem.
 * - `invalid_request`: refused locally before anything was sent.
 */
export type ProviderFailureKind = 'transport' | 'timeout' | 'rate_limited' | 'server' | 'client' | 'invalid_response' | 'invalid_request';

export const RETRYABLE_KINDS: readonly ProviderFailureKind[] = ['transport', 'timeout', 'rate_limited', 'server'];

export interface ProviderErrorOptions {
  provider: string;
  kind: ProviderFailureKind;
  /** The HTTP (or SMTP) status, null when no answer arrived. */
  status: number | null;
  /** Defaults from the kind; a vendor overrides it where its rules differ (Razorpay's 409). */
  retryable?: boolean;
  retryAfterSeconds?: number | null;
  cause?: unknown;
}

export class ProviderError extends Error {
  override readonly name: string = 'ProviderError';
  readonly provider: string;
  readonly kind: ProviderFailureKind;
  readonly status: number | null;
  readonly retryable: boolean;
  /** From Retry-After on a 429, else null. */
  readonly retryAfterSeconds: number | null;

  constructor(message: string, opts: ProviderErrorOptions) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.provider = opts.provider;
    this.kind = opts.kind;
    this.status = opts.status;
    this.retryable = opts.retryable ?? RETRYABLE_KINDS.includes(opts.kind);
    this.retryAfterSeconds = opts.retryAfterSeconds ?? null;
  }
}

/** Codes every client gives failures that never got a vendor answer, or got one we cannot trust. */
export const LOCAL_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  timeout: 'TIMEOUT',
  invalidResponse: 'INVALID_RESPONSE',
  invalidRequest: 'INVALID_REQUEST',
} as const;

/** The local code of a failure with no complete answer. */
export const transportCode = (kind: 'transport' | 'timeout') => (kind === 'timeout' ? LOCAL_ERROR_CODES.timeout : LOCAL_ERROR_CODES.network);

/** The kind from the status alone: no answer is `transport`. */
export const kindOf = (status: number | null): ProviderFailureKind => (status === null ? 'transport' : kindForStatus(status));

/** The kind of a non-2xx HTTP answer. */
export function kindForStatus(status: number): ProviderFailureKind {
  if (status === 429) return 'rate_limited';
  if (status === 408) return 'timeout';
  if (status >= 500) return 'server';
  if (status >= 400) return 'client';
  return 'invalid_response';
}

/** Retry-After in whole seconds (a delay or an HTTP date), or null when absent or unreadable. */
export function parseRetryAfter(header: string | null | undefined, now = Date.now()): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export interface ProviderFailure {
  kind: ProviderFailureKind;
  retryable: boolean;
  status: number | null;
  retryAfterSeconds: number | null;
}

/**
 * What any provider call's failure was: a ProviderError as it says, an AWS SDK error (the S3
 * store keeps the SDK's own errors) from its HTTP status; null for anything else (a bug, not a
 * provider failure).
 */
export function failureOf(err: unknown): ProviderFailure | null {
  if (err instanceof ProviderError) return { kind: err.kind, retryable: err.retryable, status: err.status, retryAfterSeconds: err.retryAfterSeconds };
  if (typeof err !== 'object' || err === null || !('$metadata' in err)) return null;
  const meta = (err as { $metadata?: { httpStatusCode?: unknown } }).$metadata;
  const status = typeof meta?.httpStatusCode === 'number' ? meta.httpStatusCode : null;
  const name = err instanceof Error ? err.name : '';
  const kind: ProviderFailureKind = status !== null ? kindForStatus(status) : name === 'TimeoutError' ? 'timeout' : 'transport';
  return { kind, retryable: RETRYABLE_KINDS.includes(kind), status, retryAfterSeconds: null };
}
