// Vendor API key authentication and the per-key rate limit, as route middleware so they run
// before the body is validated. Unknown, disabled, revoked and expired keys get one and the
// same 401; the presented key is compared by hash in constant time.
import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { LEAD_WRITE_SCOPE } from '../../../domain/crm/access.js';
import { apiKeyPrefix, hashApiKey } from '../../../infra/auth/api-keys.js';
import type { AppEnv } from '../../deps.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { problem } from '../../problem.js';
import { consumeRateLimit } from '../../../infra/rate-limit.js';
import { recordKeyUsage } from '../../../services/vendor/vendor-leads.js';
import type { VendorKeyContext } from '../../../services/vendor/vendor-key.js';
import { clientIp } from '../../client-ip.js';

export const VENDOR_KEY_HEADER = 'x-api-key';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by vendorKeyAuth on vendor routes. */
    vendorKey: VendorKeyContext;
  }
}

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const INVALID = 'The API key is missing, unknown, disabled, revoked or expired';

export function vendorKeyAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presented = rawHeader(c, VENDOR_KEY_HEADER)?.trim();
    const prefix = presented ? apiKeyPrefix(presented) : null;
    const challenge = { 'WWW-Authenticate': `ApiKey header="${VENDOR_KEY_HEADER}"` };
    if (!presented || !prefix) return problem(c, 'UNAUTHENTICATED', INVALID, undefined, challenge);
    const key = await c.var.deps.db.vendorApiKey.findUnique({
      where: { keyPrefix: prefix },
      select: { id: true, keyHash: true, status: true, expiresAt: true, scopes: true, vendorName: true, platform: true, rateLimitPerMinute: true, defaultSessionYear: true, defaultSalesHeadId: true },
    });
    if (!key || !sameHash(key.keyHash, hashApiKey(presented)) || key.status !== 'ACTIVE' || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) {
      return problem(c, 'UNAUTHENTICATED', INVALID, undefined, challenge);
    }
    if (!key.scopes.includes(LEAD_WRITE_SCOPE)) return problem(c, 'FORBIDDEN', `This key lacks the ${LEAD_WRITE_SCOPE} scope`);
    const { keyHash: _hash, status: _status, expiresAt: _expires, scopes: _scopes, ...context } = key;
    c.set('vendorKey', context);
    await next();
    return undefined;
  };
}

/** VendorApiKey.rateLimitPerMinute, counted in PostgreSQL so every api process shares it. */
export function vendorKeyRateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.get('vendorKey');
    const { db } = c.var.deps;
    const decision = await consumeRateLimit(db, `vendor-key:${key.id}`, key.rateLimitPerMinute, 60);
    if (!decision.allowed) {
      await recordKeyUsage(db, key.id, { rateLimited: 1 }, clientIp(c), new Date());
      return problem(c, 'RATE_LIMITED', `This key allows ${key.rateLimitPerMinute} requests a minute`, undefined, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
    await next();
    return undefined;
  };
}
