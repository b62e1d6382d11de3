// Gives every request an ID (honouring a sane incoming X-Request-Id), echoes it back, and
// writes one log line per request with method, route, status, duration and user.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../deps.js';
import { headerUpFront, rawHeader } from './fast-path.js';

const SAFE_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestContext(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = rawHeader(c, 'x-request-id');
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId', requestId);
    // Set before the response exists, so it rides on the lightweight response for free.
    headerUpFront(c, 'X-Request-Id', requestId);
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
