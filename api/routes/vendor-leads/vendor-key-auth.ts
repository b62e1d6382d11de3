// Vendor API key authentication and the per-key rate limit, as route middleware so they run
// before the body is validated. Unknown, disabled, revoked and expired keys get one and the
// same 401; the presented key is compared by hash in constant time.
import type { MiddlewareHandler } from 'hono';
import { LEAD_WRITE_SCOPE } from '../../../domain/crm/access.js';
import type { AppEnv } from '../../deps.js';
import { rawHeader } from '../../middleware/fast-path.js';
import { problem } from '../../problem.js';
import { authenticateVendorKey, consumeVendorKeyRate } from '../../../services/vendor/vendor-key-auth.js';
import type { VendorKeyContext } from '../../../services/vendor/vendor-key.js';
import { clientIp } from '../../client-ip.js';

export const VENDOR_KEY_HEADER = 'x-api-key';

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by vendorKeyAuth on vendor routes. */
    vendorKey: VendorKeyContext;
  }
}

const INVALID = 'The API key is missing, unknown, disabled, revoked or expired';

export function vendorKeyAuth(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const checked = await authenticateVendorKey(c.get('deps').db, rawHeader(c, VENDOR_KEY_HEADER)?.trim());
    if (!checked.ok && checked.reason === 'missing-scope') return problem(c, 'FORBIDDEN', `This key lacks the ${LEAD_WRITE_SCOPE} scope`);
    if (!checked.ok) return problem(c, 'UNAUTHENTICATED', INVALID, undefined, { 'WWW-Authenticate': `ApiKey header="${VENDOR_KEY_HEADER}"` });
    c.set('vendorKey', checked.key);
    await next();
    return undefined;
  };
}

/** VendorApiKey.rateLimitPerMinute, counted in PostgreSQL so every api process shares it. */
export function vendorKeyRateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.get('vendorKey');
    const decision = await consumeVendorKeyRate(c.get('deps').db, key, clientIp(c), new Date());
    if (!decision.allowed) {
      return problem(c, 'RATE_LIMITED', `This key allows ${key.rateLimitPerMinute} requests a minute`, undefined, { 'Retry-After': String(decision.retryAfterSeconds) });
    }
    await next();
    return undefined;
  };
}
