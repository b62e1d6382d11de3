// One HTTP exchange with a vendor, for every fetch-based client: a deadline over the whole
// answer (body included), transport failures told apart from HTTP ones, and the 2xx body
// checked against the vendor's schema. Each client turns the outcomes into its own error.
import type { z } from 'zod';
import { parseRetryAfter, type ProviderFailureKind } from './provider-error.js';
import { parseVendorJson } from './local-http.js';

export interface VendorRequest {
  url: string;
  init: Omit<RequestInit, 'signal'>;
  /** Per request, including reading the body. */
  timeoutMs: number;
  /** How messages name the call, e.g. "POST /orders". */
  what: string;
  fetch?: typeof fetch;
}

/** How a client builds its typed error for each outcome. */
export interface VendorErrors {
  /** No complete answer: `timeout` when our deadline passed, else `transport`. */
  transport(kind: 'transport' | 'timeout', message: string, cause: unknown): Error;
  /** A non-2xx answer; retryAfterSeconds is Retry-After on a 429, else null. */
  http(status: number, text: string, retryAfterSeconds: number | null): Error;
  /** A 2xx that is not JSON or not the documented shape. */
  invalid(status: number, message: string, cause: unknown): Error;
}

export interface VendorAnswer {
  status: number;
  text: string;
  headers: Headers;
}

/** Sends the request and reads the whole answer; throws errors.transport(…) when none came. */
export async function fetchVendor(req: VendorRequest, errors: Pick<VendorErrors, 'transport'>): Promise<VendorAnswer> {
  let status: number | null = null;
  try {
    const res = await (req.fetch ?? fetch)(req.url, { ...req.init, signal: AbortSignal.timeout(req.timeoutMs) });
    status = res.status;
    return { status, headers: res.headers, text: await res.text() };
  } catch (err) {
    const { kind, message } = describeTransportFailure(err, status, req.what, req.timeoutMs);
    throw errors.transport(kind, message, err);
  }
}

/** fetchVendor, then a non-2xx becomes errors.http(…) and a 2xx is parsed with `schema`. */
export async function callVendor<S extends z.ZodType>(req: VendorRequest, schema: S, errors: VendorErrors): Promise<z.infer<S>> {
  const { status, text, headers } = await fetchVendor(req, errors);
  if (status < 200 || status >= 300) throw errors.http(status, text, status === 429 ? parseRetryAfter(headers.get('retry-after')) : null);
  return parseVendorJson(schema, text, `${req.what} answered ${status}`, (message, cause) => errors.invalid(status, message, cause));
}

/** `status` is the answer's status when the failure came while reading its body. */
export function describeTransportFailure(err: unknown, status: number | null, what: string, timeoutMs: number): { kind: Extract<ProviderFailureKind, 'transport' | 'timeout'>; message: string } {
  const name = err instanceof Error ? err.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return { kind: 'timeout', message: `${what} got no complete answer within ${timeoutMs} ms` };
  const message = err instanceof Error ? err.message : String(err);
  const detail = status === null ? 'failed before an answer' : `failed while reading the ${status} answer`;
  return { kind: 'transport', message: `${what} ${detail}: ${message}` };
}

/** The vendor's error envelope in a non-2xx body, or null (a proxy's HTML page, an empty body). */
export function errorEnvelope<S extends z.ZodType>(schema: S, text: string): z.infer<S> | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
