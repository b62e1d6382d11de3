// Forgot / reset password. A request always gets the same answer, with the same work done
// before it (rate limits, the user lookup, one transaction), so neither the answer nor its timing
// tells whether the email has an account. Only the SHA-256 of the emailed token is stored; a reset
// claims it with one conditional UPDATE, so a link works once even when two resets race.
import { DomainError } from '../../domain/errors.js';
import { hashPassword } from '../../infra/auth/password.js';
import { newOpaqueToken, sha256 } from '../../infra/auth/opaque-tokens.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import type { ServiceDeps } from '../deps.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { DEFAULT_NOTIFICATIONS } from '../notifications/slot-booked-email.js';
import { readConfig } from '../system-config/read-config.js';
import type { ClientMeta } from './auth.js';

type ResetDeps = Pick<ServiceDeps, 'db' | 'email' | 'logger' | 'config'>;

export const PASSWORD_RESET_EMAIL_TYPE = 'PASSWORD_RESET';
/** The one answer to every forgot-password request that passes the rate limit. */
export const FORGOT_PASSWORD_ACCEPTED = { status: 'accepted', message: 'If an account uses this email, a reset link is on its way' } as const;
/** The one answer for an unknown, expired, superseded or used reset token. */
export const RESET_LINK_INVALID = 'This password reset link is invalid, expired or already used; request a new one';
/** Never a real user id: the unknown-email path runs the same invalidation statement against it. */
const NO_USER = '00000000-0000-0000-0000-000000000000';

async function enforceForgotRate(deps: ResetDeps, email: string, ip: string) {
  const l = deps.config.forgotPasswordRateLimit ?? (await readConfig(deps.db, 'auth.forgotPasswordRateLimit'));
  const decisions = await Promise.all([
    consumeRateLimit(deps.db, `forgot-password:ip:${ip}`, l.perIp, l.windowSeconds),
    consumeRateLimit(deps.db, `forgot-password:email:${sha256(email)}`, l.perEmail, l.windowSeconds),
  ]);
  const blocked = decisions.filter((d) => !d.allowed);
  if (blocked.length) {
    const retry = Math.max(...blocked.map((d) => d.retryAfterSeconds));
    throw new DomainError('RATE_LIMITED', 'Too many password reset requests; try again later', undefined, { 'Retry-After': String(retry) });
  }
}

export async function forgotPassword(deps: ResetDeps, meta: ClientMeta, email: string): Promise<typeof FORGOT_PASSWORD_ACCEPTED> {
  const { db } = deps;
  await enforceForgotRate(deps, email, meta.ip);
  const ttlMinutes = await readConfig(db, 'auth.passwordResetTtlMinutes');
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, isActive: true } });
  const target = user?.isActive ? user : null;
  const { token, hash } = newOpaqueToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  const created = await db.$transaction(async (tx) => {
    // Older unused links stop working: only the newest one emailed is live.
    await tx.passwordResetToken.updateMany({ where: { userId: target?.id ?? NO_USER, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    if (!target) return null;
    return tx.passwordResetToken.create({ data: { userId: target.id, tokenHash: hash, expiresAt, requestIp: meta.ip }, select: { id: true } });
  });
  if (target && created) {
    // Sent after the commit and not awaited, so the answer does not wait on the mail relay
    // (which would tell a known email from an unknown one). Not durable: if it fails, the user asks again.
    void sendResetEmail(deps, { tokenId: created.id, userId: target.id, to: target.email, name: target.name, token, expiresAt }).catch((err: unknown) =>
      deps.logger.error({ err, userId: target.id, tokenId: created.id }, 'password reset email failed'),
    );
  }
  return FORGOT_PASSWORD_ACCEPTED;
}

async function sendResetEmail(deps: ResetDeps, m: { tokenId: string; userId: string; to: string; name: string; token: string; expiresAt: Date }) {
  const base = (deps.config.publicWebUrl ?? DEFAULT_NOTIFICATIONS.publicWebUrl).replace(/\/+$/, '');
  const link = `${base}/reset-password?token=${encodeURIComponent(m.token)}`;
  await sendClaimedEmail(
    { db: deps.db, email: deps.email, logger: deps.logger, now: () => new Date() },
    {
      dedupeKey: `password-reset:${m.tokenId}`,
      emailType: PASSWORD_RESET_EMAIL_TYPE,
      userId: m.userId,
      to: m.to,
      from: deps.config.emailFrom ?? DEFAULT_NOTIFICATIONS.emailFrom,
      subject: 'Reset your MAS password',
      text: `Hi ${m.name},\n\nSomeone (hopefully you) asked to reset the password of your MAS account.\nChoose a new password here: ${link}\nThe link works once and expires at ${m.expiresAt.toISOString()}.\n\nIf it was not you, ignore this email: your password stays as it is.\n\nMAS`,
      metadata: { passwordResetTokenId: m.tokenId },
    },
  );
}

/**
 * Sets a new password with an emailed token: the claim, the password, passwordChangedAt (older
 * access tokens fail) and the revocation of every refresh token commit together or not at all.
 */
export async function resetPassword(deps: Pick<ServiceDeps, 'db'>, meta: ClientMeta, body: { token: string; newPassword: string }): Promise<void> {
  const { db } = deps;
  const passwordHash = await hashPassword(body.newPassword);
  const tokenHash = sha256(body.token);
  await db.$transaction(async (tx) => {
    const now = new Date();
    // One conditional UPDATE: a racing second reset waits on the row lock, then finds usedAt set.
    const { count } = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) throw new DomainError('GONE', RESET_LINK_INVALID);
    const claimed = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true } });
    const user = await tx.user.findUnique({ where: { id: claimed.userId }, select: { isActive: true, email: true } });
    // A deactivated account (an admin's, or a pending deletion) cannot be reopened by a reset.
    if (!user?.isActive) throw new DomainError('GONE', RESET_LINK_INVALID);
    await tx.user.update({ where: { id: claimed.userId }, data: { password: passwordHash, passwordChangedAt: now } });
    await tx.refreshToken.updateMany({ where: { userId: claimed.userId, revokedAt: null }, data: { revokedAt: now, revokeReason: 'password-reset' } });
    await tx.passwordResetToken.updateMany({ where: { userId: claimed.userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.loginLog.create({ data: { userId: claimed.userId, action: 'PASSWORD_RESET', email: user.email, ip: meta.ip, userAgent: meta.userAgent, platform: meta.platform } });
  });
}
