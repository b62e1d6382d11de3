// @hono/node-server hands handlers a lightweight Request and Response and only builds the
// full WHATWG objects when something touches them: reading c.req.raw, c.req.header(), or
// changing headers after the response exists costs ~4× the whole request (bench/http).
// These helpers read headers straight from Node's IncomingMessage when it is there, and run
// header-hungry middleware only when the request needs it.
import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';

export function rawHeader(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming) {
    const v = incoming.headers[name];
    return Array.isArray(v) ? v[0] : v;
  }
  return c.req.header(name);
}

/**
 * Sets a response header before the response exists. On Node it goes straight onto the
 * ServerResponse, which merges it into writeHead (a header the handler's Response also sets
 * wins); Hono's c.header() would instead build a WHATWG Headers that every set validates and the
 * adapter then has to copy out. Elsewhere (app.request in tests) it falls back to c.header().
 */
export function headerUpFront(c: Context, name: string, value: string): void {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing && !outgoing.headersSent) outgoing.setHeader(name, value);
  else c.header(name, value);
}

/** Runs `mw` only when `when(c)` holds; otherwise passes straight through. */
export function onlyWhen<E extends object>(when: (c: Context) => boolean, mw: MiddlewareHandler<E & { Bindings: never }>): MiddlewareHandler {
  return (c, next) => (when(c) ? (mw as unknown as MiddlewareHandler)(c, next) : next());
}

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS', 'DELETE']);
export const hasBody = (c: Context) => !BODYLESS.has(c.req.method) || rawHeader(c, 'content-length') !== undefined || rawHeader(c, 'transfer-encoding') !== undefined;
export const fromBrowser = (c: Context) => rawHeader(c, 'origin') !== undefined;
export const acceptsCompression = (c: Context) => /\b(gzip|deflate)\b/.test(rawHeader(c, 'accept-encoding') ?? '');

/**
 * The headers every answer carries, written before the response exists (hono/secure-headers
 * sets them after next(), which forces the full Response object). This is the set the OWASP
 * REST Security Cheat Sheet gives for API responses; each header costs ~0.5 µs on Node, so the
 * ones that only mean something for an HTML document (COOP, Origin-Agent-Cluster, DNS
 * prefetch, X-Download-Options, X-Permitted-Cross-Domain-Policies, X-XSS-Protection) are sent
 * by the one page that is a document (`GET /docs`, DOCUMENT_HEADERS) instead.
 */
const SECURE_HEADERS: [string, string][] = [
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
];

/** What an HTML page adds to SECURE_HEADERS (with its own Content-Security-Policy). */
export const DOCUMENT_HEADERS: [string, string][] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

export function writeSecureHeaders(c: Context): void {
  const outgoing = (c.env as { outgoing?: ServerResponse } | undefined)?.outgoing;
  if (outgoing) for (const [name, value] of SECURE_HEADERS) outgoing.setHeader(name, value);
  else for (const [name, value] of SECURE_HEADERS) c.header(name, value);
}

export function secureHeadersUpFront(): MiddlewareHandler {
  return (c, next) => {
    writeSecureHeaders(c);
    return next();
  };
}
