// Authenticating a presented vendor API key and counting it against the key's per-minute limit
// (in PostgreSQL, so every api process shares it). Unknown, disabled, revoked and expired keys
// are one and the same refusal; the presented key is compared by hash in constant time.
import { timingSafeEqual } from 'node:crypto';
import { LEAD_WRITE_SCOPE } from '../../domain/crm/access.js';
import { apiKeyPrefix, hashApiKey } from '../../infra/auth/api-keys.js';
import type { Db } from '../../infra/prisma.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import type { VendorKeyContext } from './vendor-key.js';
import { recordKeyUsage } from './vendor-leads.js';

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export type VendorKeyCheck = { ok: true; key: VendorKeyContext } | { ok: false; reason: 'invalid' | 'missing-scope' };

export async function authenticateVendorKey(db: Db, presented: string | undefined): Promise<VendorKeyCheck> {
  const prefix = presented ? apiKeyPrefix(presented) : null;
  if (!presented || !prefix) return { ok: false, reason: 'invalid' };
  const key = await db.vendorApiKey.findUnique({
    where: { keyPrefix: prefix },
    select: { id: true, keyHash: true, status: true, expiresAt: true, scopes: true, vendorName: true, platform: true, rateLimitPerMinute: true, defaultSessionYear: true, defaultSalesHeadId: true },
  });
  if (!key || !sameHash(key.keyHash, hashApiKey(presented)) || key.status !== 'ACTIVE' || (key.expiresAt && key.expiresAt.getTime() <= Date.now())) {
    return { ok: false, reason: 'invalid' };
  }
  if (!key.scopes.includes(LEAD_WRITE_SCOPE)) return { ok: false, reason: 'missing-scope' };
  const { keyHash: _hash, status: _status, expiresAt: _expires, scopes: _scopes, ...context } = key;
  return { ok: true, key: context };
}

/** One request against the key's limit; a refused one is counted in the key's usage summary. */
export async function consumeVendorKeyRate(db: Db, key: VendorKeyContext, ip: string | null, now: Date) {
  const decision = await consumeRateLimit(db, `vendor-key:${key.id}`, key.rateLimitPerMinute, 60);
  if (!decision.allowed) await recordKeyUsage(db, key.id, { rateLimited: 1 }, ip, now);
  return decision;
}
