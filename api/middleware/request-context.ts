// Gives every request an ID (honouring a sane incoming X-Request-Id), echoes it back, and
// writes one log line per request with method, route, status, duration and user.
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { headerUpFront, rawHeader, writeSecureHeaders } from './fast-path.js';

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** The request's ID (a sane incoming X-Request-Id, else a new UUID), on the context and echoed back. */
export function assignRequestId(c: Context<AppEnv>): string {
  const incoming = rawHeader(c, 'x-request-id');
  const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
  c.set('requestId', requestId);
  // Set before the response exists, so it rides on the lightweight response for free.
  headerUpFront(c, 'X-Request-Id', requestId);
  return requestId;
}

export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const requestId = assignRequestId(c);
    const started = performance.now();
    await next();
    const { logger } = c.get('deps');
    const status = c.res.status;
    const line = {
      requestId,
      method: c.req.method,
      route: c.req.routePath,
      // A path that carries a secret (the Exotel callback token) is logged as its route only.
      path: c.req.routePath.includes(':secret') ? c.req.routePath : c.req.path,
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      userId: c.get('userId'),
    };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
}

/**
 * The whole middleware stack of a liveness probe (`GET /api/health`), mounted ahead of the
 * global one: the deps, the request ID and the security headers, and nothing else. A probe has
 * no body, no Origin, no platform and no user. It is not access-logged (load balancers poll it
 * every few seconds per instance); a failing probe logs a warning from its handler instead.
 * This is what keeps the probe near a raw node:http server (bench/http).
 */
export function probeContext(deps: AppEnv['Variables']['deps']): MiddlewareHandler<AppEnv> {
  return (c, next) => {
    c.set('deps', deps);
    assignRequestId(c);
    writeSecureHeaders(c);
    return next();
  };
}
