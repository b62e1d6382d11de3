// Keeps a kept-alive connection usable when an answer leaves the request body unread (401 before
// auth, 413 on Content-Length, any early refusal): a body that is small enough is read and
// discarded before the answer goes out; a larger, slower or endless one gets `Connection: close`,
// so the client reconnects instead of having its next request reset mid-flight (what
// @hono/node-server does on its own after 500 ms of draining).
import type { Context, MiddlewareHandler } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface DrainOptions {
  /** Largest unread remainder read and discarded; past it, close. */
  maxBytes: number;
  /** Longest wait for that remainder to arrive; past it, close. */
  timeoutMs: number;
}

export const DEFAULT_DRAIN: DrainOptions = { maxBytes: 1024 * 1024, timeoutMs: 2_000 };

/** Reads the body to its end; false when more than maxBytes arrive, it fails, or time runs out. */
async function drain(body: ReadableStream<Uint8Array>, opts: DrainOptions): Promise<boolean> {
  const reader = body.getReader();
  let seen = 0;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), opts.timeoutMs)));
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeout]);
      if (next === 'timeout') return false;
      if (next.done) return true;
      seen += next.value.byteLength;
      if (seen > opts.maxBytes) return false;
    }
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    // No cancel(): that destroys the request, and with it the socket the answer still needs.
    reader.releaseLock();
  }
}

async function keepsConnection(c: Context, incoming: IncomingMessage, opts: DrainOptions): Promise<boolean> {
  const declared = Number(incoming.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > opts.maxBytes) return false;
  // Through the Request's stream: the node adapter may already be feeding it from the socket.
  const body = c.req.raw.body;
  if (!body) return true;
  if (body.locked) return false;
  return drain(body, opts);
}

/** A request that declares no body (most GETs) can leave nothing unread. */
const hasBody = (incoming: IncomingMessage) => incoming.headers['transfer-encoding'] !== undefined || (incoming.headers['content-length'] ?? '0') !== '0';

export function drainUnreadBody(opts: DrainOptions = DEFAULT_DRAIN): MiddlewareHandler {
  return async (c, next) => {
    const env = c.env as { incoming?: IncomingMessage; outgoing?: ServerResponse } | undefined;
    const incoming = env?.incoming;
    // The hot path (GET /api/health, /api/me) skips the post-answer checks entirely.
    if (!incoming || !hasBody(incoming)) return next();
    await next();
    const outgoing = env?.outgoing;
    // complete: the whole body has arrived; Node discards what is unread.
    if (!outgoing || incoming.complete || incoming.destroyed || outgoing.headersSent) return;
    if (!(await keepsConnection(c, incoming, opts))) outgoing.shouldKeepAlive = false;
  };
}
