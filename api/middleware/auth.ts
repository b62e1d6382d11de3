// Bearer authentication and role checks. A token must verify (EdDSA, iss, aud, exp), its
// user must exist and be active, and it must have been issued after the last password change.
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../../domain/auth/roles.js';
import type { AppEnv } from '../deps.js';
import { pgPool } from '../../infra/prisma.js';
import { problem } from '../problem.js';
import { rawHeader } from './fast-path.js';

// The password-change instant as epoch ms (0 when never changed), compared with the token's pwd
// claim; read as a number, so no time-zone parsing is involved.
const AUTH_USER_SQL = `SELECT "id", "role"::text AS "role", "isActive",
  COALESCE(floor(extract(epoch FROM "passwordChangedAt") * 1000), 0)::float8 AS "pwdMs"
  FROM "public"."users" WHERE "id" = $1::uuid`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = rawHeader(c, 'authorization');
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) return problem(c, 'UNAUTHENTICATED', 'A bearer token is required', undefined, { 'WWW-Authenticate': 'Bearer' });
    const { jwt, db } = c.get('deps');
    let claims;
    try {
      claims = await jwt.verify(token);
    } catch {
      return problem(c, 'UNAUTHENTICATED', 'The token is invalid or expired', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    if (!UUID.test(claims.sub)) return problem(c, 'UNAUTHENTICATED', 'The token is invalid or expired');
    // The hottest query in the api (every authenticated request): plain pg on Prisma's own pool
    // (bench/http: ~0.2 ms of CPU less than $queryRaw, which was already ~0.17 ms less than findUnique).
    const { rows } = await pgPool(db).query<{ id: string; role: Role; isActive: boolean; pwdMs: number }>(AUTH_USER_SQL, [claims.sub]);
    const user = rows[0];
    if (!user || !user.isActive || user.pwdMs !== claims.pwd) {
      return problem(c, 'UNAUTHENTICATED', 'The token is no longer valid', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    // The role comes from the database, so a demotion takes effect at once.
    c.set('auth', { userId: user.id, role: user.role });
    c.set('userId', user.id);
    await next();
    return undefined;
  };
}

export function requireRoles(roles: readonly Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const auth = c.get('auth');
    if (!auth) return problem(c, 'UNAUTHENTICATED', 'A bearer token is required');
    if (!roles.includes(auth.role)) return problem(c, 'FORBIDDEN', `This needs one of the roles: ${roles.join(', ')}`);
    await next();
    return undefined;
  };
}

/** Spread into createRoute(): documents and enforces who may call the route. */
export function bearer(roles: readonly Role[]) {
  return {
    security: [{ bearerAuth: [] }],
    'x-roles': [...roles],
    middleware: [authenticate(), requireRoles(roles)] as MiddlewareHandler<AppEnv>[],
  };
}

/** Spread into createRoute() for routes anyone may call. */
export const publicRoute: { security: []; 'x-roles': ['public'] } = { security: [], 'x-roles': ['public'] };
