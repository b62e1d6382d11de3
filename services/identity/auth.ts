// Signup, login, refresh rotation, logout and password change (seed Journey 1 and the auth
// gotchas). Refresh tokens are opaque, stored hashed, rotate on every use, and reuse of a
// rotated one revokes its whole family.
import { randomUUID } from 'node:crypto';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../infra/auth/password.js';
import { newOpaqueToken, sha256 } from '../../infra/auth/opaque-tokens.js';
import { pgPool, type Db } from '../../infra/prisma.js';
import type { ServiceDeps } from '../deps.js';
import { DomainError } from '../../domain/errors.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import { readConfig } from '../system-config/read-config.js';
import { publicUserSelect, toPublicUser, type PublicUserView } from './user-view.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
type AuthDeps = Pick<ServiceDeps, 'db' | 'jwt' | 'config'>;

/** Who is asking: the api reads it off the request (socket address, user agent, x-platform). */
export interface ClientMeta {
  ip: string;
  userAgent: string | null;
  platform: string;
}

const DAY_MS = 86_400_000;
const INVALID_LOGIN = 'Invalid email or password';

async function issueSession(deps: AuthDeps, meta: ClientMeta, tx: Tx | Db, userId: string, familyId: string = randomUUID()) {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { ...publicUserSelect, passwordChangedAt: true } });
  const { token, hash } = newOpaqueToken();
  await tx.refreshToken.create({
    data: { userId, tokenHash: hash, familyId, expiresAt: new Date(Date.now() + (deps.config.refreshTtlDays ?? 30) * DAY_MS), ip: meta.ip, userAgent: meta.userAgent },
  });
  const { passwordChangedAt, ...rest } = user;
  const accessToken = await deps.jwt.sign({ sub: user.id, role: user.role, pwd: passwordChangedAt?.getTime() ?? 0 });
  return { user: toPublicUser(rest), accessToken, refreshToken: token, tokenType: 'Bearer' as const, expiresIn: deps.jwt.accessTtlSeconds };
}

export async function signup(deps: AuthDeps, meta: ClientMeta, body: { email: string; password: string; name: string; phone?: string | undefined }) {
  const { db } = deps;
  const passwordHash = await hashPassword(body.password);
  const bonus = await readConfig(db, 'tokens.signupBonus');
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: body.email, password: passwordHash, name: body.name, phone: body.phone ?? null, role: 'USER', stage: 'SIGNUP', platform: meta.platform },
        select: { id: true },
      });
      await tx.token.create({ data: { userId: user.id } });
      await tx.promotionalToken.create({ data: { userId: user.id, balance: bonus, grantedTotal: bonus, source: 'signup' } });
      await tx.loginLog.create({ data: { userId: user.id, action: 'SIGNUP', email: body.email, ip: meta.ip, userAgent: meta.userAgent, platform: meta.platform } });
      return issueSession(deps, meta, tx, user.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'An account with this email already exists');
    throw err;
  }
}

async function enforceLoginRate(deps: AuthDeps, email: string, ip: string) {
  const { db } = deps;
  const limits = deps.config.loginRateLimit ?? (await readConfig(db, 'auth.loginRateLimit'));
  const [byIp, byEmail] = await Promise.all([
    consumeRateLimit(db, `login:ip:${ip}`, limits.perIp, limits.windowSeconds),
    consumeRateLimit(db, `login:email:${sha256(email)}`, limits.perEmail, limits.windowSeconds),
  ]);
  const blocked = [byIp, byEmail].filter((d) => !d.allowed);
  if (blocked.length) {
    const retry = Math.max(...blocked.map((d) => d.retryAfterSeconds));
    throw new DomainError('RATE_LIMITED', 'Too many login attempts; try again later', undefined, { 'Retry-After': String(retry) });
  }
}

export async function login(deps: AuthDeps, meta: ClientMeta, body: { email: string; password: string }) {
  const { db } = deps;
  await enforceLoginRate(deps, body.email, meta.ip);
  const user = await db.user.findUnique({ where: { email: body.email }, select: { id: true, password: true, isActive: true } });
  // Hash even when the email is unknown, so timing does not reveal which emails exist.
  const ok = await verifyPassword(body.password, user?.password ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.isActive) {
    await db.loginLog.create({
      data: { userId: user?.id ?? null, action: 'LOGIN_FAILED', success: false, email: body.email, ip: meta.ip, userAgent: meta.userAgent, platform: meta.platform, reason: !user ? 'unknown-email' : !ok ? 'bad-password' : 'inactive' },
    });
    throw new DomainError('UNAUTHENTICATED', INVALID_LOGIN);
  }
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await tx.loginLog.create({ data: { userId: user.id, action: 'LOGIN', email: body.email, ip: meta.ip, userAgent: meta.userAgent, platform: meta.platform } });
    return issueSession(deps, meta, tx, user.id);
  });
}

async function revokeFamily(db: Db | Tx, familyId: string, reason: string) {
  await db.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: new Date(), revokeReason: reason } });
}

export async function refresh(deps: AuthDeps, meta: ClientMeta, refreshToken: string) {
  const { db } = deps;
  const row = await db.refreshToken.findUnique({ where: { tokenHash: sha256(refreshToken) } });
  const invalid = new DomainError('UNAUTHENTICATED', 'The refresh token is invalid');
  if (!row) throw invalid;
  if (row.rotatedAt || row.revokedAt) {
    // A rotated token presented again means it leaked: end the whole session family.
    await revokeFamily(db, row.familyId, 'reuse-detected');
    throw invalid;
  }
  if (row.expiresAt <= new Date()) throw invalid;
  return db.$transaction(async (tx) => {
    const claimed = await tx.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null, revokedAt: null }, data: { rotatedAt: new Date() } });
    if (claimed.count === 0) {
      await revokeFamily(tx, row.familyId, 'reuse-detected');
      throw invalid;
    }
    const user = await tx.user.findUnique({ where: { id: row.userId }, select: { isActive: true } });
    if (!user?.isActive) throw invalid;
    await tx.loginLog.create({ data: { userId: row.userId, action: 'REFRESH', ip: meta.ip, platform: meta.platform } });
    return issueSession(deps, meta, tx, row.userId, row.familyId);
  });
}

export async function logout(deps: AuthDeps, meta: ClientMeta, refreshToken: string) {
  const { db } = deps;
  const row = await db.refreshToken.findUnique({ where: { tokenHash: sha256(refreshToken) }, select: { familyId: true, userId: true } });
  if (!row) return;
  await revokeFamily(db, row.familyId, 'logout');
  await db.loginLog.create({ data: { userId: row.userId, action: 'LOGOUT', ip: meta.ip, platform: meta.platform } });
}

export async function changePassword(deps: AuthDeps, meta: ClientMeta, userId: string, body: { currentPassword: string; newPassword: string }) {
  const { db } = deps;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { password: true, email: true } });
  if (!(await verifyPassword(body.currentPassword, user.password))) throw new DomainError('UNAUTHENTICATED', 'The current password is wrong');
  if (body.newPassword === body.currentPassword) throw new DomainError('VALIDATION_FAILED', 'The new password must differ', [{ path: 'json.newPassword', message: 'Must differ from the current password' }]);
  const hash = await hashPassword(body.newPassword);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { password: hash, passwordChangedAt: new Date() } });
    await tx.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date(), revokeReason: 'password-changed' } });
    await tx.loginLog.create({ data: { userId, action: 'PASSWORD_CHANGE', email: user.email, ip: meta.ip, platform: meta.platform } });
    return issueSession(deps, meta, tx, userId);
  });
}

/** GET /api/auth/me: the user with both wallets, in one query. */
const CURRENT_USER_SQL = `
  SELECT u."id", u."email", u."name", u."phone", u."role"::text AS "role", u."stage"::text AS "stage", u."platform", u."isActive",
         u."createdAt" AT TIME ZONE 'UTC' AS "createdAt", t."balance", t."resumeBalance", p."balance" AS "promo"
    FROM "public"."users" u
    LEFT JOIN "public"."tokens" t ON t."userId" = u."id"
    LEFT JOIN "public"."promotional_tokens" p ON p."userId" = u."id"
   WHERE u."id" = $1::uuid`;

/** The profile and wallet of the signed-in user: the second query of every `GET /api/me`. */
export async function currentUser({ db }: Pick<ServiceDeps, 'db'>, userId: string) {
  // One plain LEFT JOIN on Prisma's pool: Prisma's relation join (a JSON aggregate per relation)
  // cost the database about twice as much, and Prisma itself ~0.2 ms of CPU per query; this runs
  // on every page load (bench/http). createdAt is read as timestamptz (see pgPool).
  const { rows } = await pgPool(db).query<Omit<PublicUserView, 'createdAt'> & { createdAt: Date; balance: number | null; resumeBalance: number | null; promo: number | null }>(CURRENT_USER_SQL, [userId]);
  const user = rows[0];
  if (!user) throw new DomainError('UNAUTHENTICATED', 'The token is no longer valid');
  const { balance, resumeBalance, promo, ...rest } = user;
  return { ...toPublicUser(rest), wallet: { balance: balance ?? 0, promotionalBalance: promo ?? 0, resumeBalance: resumeBalance ?? 0 } };
}
