// Fixed-window rate limiting in PostgreSQL, so every api process shares the counters.
// One atomic upsert per check: the window resets when it has expired.
import type { Db } from './prisma.js';

export interface RateDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export async function consumeRateLimit(db: Db, key: string, limit: number, windowSeconds: number, now = new Date()): Promise<RateDecision> {
  const resetAt = new Date(now.getTime() + windowSeconds * 1000);
  const [row] = await db.$queryRaw<{ count: number; resetAt: Date }[]>`
    INSERT INTO "rate_limit_buckets" ("key", "count", "resetAt", "createdAt", "updatedAt")
    VALUES (${key}, 1, ${resetAt}, ${now}, ${now})
    ON CONFLICT ("key") DO UPDATE SET
      "count"     = CASE WHEN "rate_limit_buckets"."resetAt" <= ${now} THEN 1 ELSE "rate_limit_buckets"."count" + 1 END,
      "resetAt"   = CASE WHEN "rate_limit_buckets"."resetAt" <= ${now} THEN ${resetAt} ELSE "rate_limit_buckets"."resetAt" END,
      "updatedAt" = ${now}
    RETURNING "count", "resetAt"`;
  const count = row!.count;
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((row!.resetAt.getTime() - now.getTime()) / 1000)),
  };
}
