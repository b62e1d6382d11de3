// Tenancy: the x-platform header names the Platform (mr-mentor, my-analytics-school). It is
// validated against the platforms table (cached briefly) and put on the request context.
import type { MiddlewareHandler } from 'hono';
import type { Db } from '../../infra/prisma.js';
import type { AppEnv } from '../deps.js';
import { problem } from '../problem.js';
import { rawHeader } from './fast-path.js';

const TTL_MS = 60_000;

export function platformCache(db: Db) {
  let cached: { keys: Set<string>; at: number } | undefined;
  return async function knownPlatforms(): Promise<Set<string>> {
    if (!cached || Date.now() - cached.at > TTL_MS) {
      const rows = await db.platform.findMany({ where: { isActive: true }, select: { key: true } });
      cached = { keys: new Set(rows.map((r) => r.key)), at: Date.now() };
    }
    return cached.keys;
  };
}

export function platformContext(defaultPlatform: string, known: () => Promise<Set<string>>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = rawHeader(c, 'x-platform');
    c.set('platformExplicit', header !== undefined);
    if (header === undefined) {
      c.set('platform', defaultPlatform);
      return next();
    }
    if (!(await known()).has(header)) {
      return problem(c, 'BAD_REQUEST', `Unknown platform "${header.slice(0, 64)}"`, [{ path: 'header.x-platform', message: 'Unknown platform' }]);
    }
    c.set('platform', header);
    return next();
  };
}
