// Verifies `sha256=<hex HMAC-SHA256(secret, raw body)>` before anything parses the body.
// Hono caches the body, so the validator after this reads the same bytes.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { parseSignature } from '../../domain/meeting/signature.js';
import type { AppEnv } from '../deps.js';
import { problem } from '../problem.js';

export function hmacSha256Hex(secret: string, body: string | Buffer): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

export function verifyHmacSignature(header: string, secret: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = parseSignature(c.req.header(header));
    if (!given) return problem(c, 'INVALID_SIGNATURE', `Missing or malformed ${header} header`);
    const raw = Buffer.from(await c.req.arrayBuffer());
    const expected = Buffer.from(hmacSha256Hex(secret(c), raw), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
      return problem(c, 'INVALID_SIGNATURE', `The ${header} header does not match the body`);
    }
    await next();
    return undefined;
  };
}
