// Account deletion: a request deactivates the account at once (isActive false, every refresh
// token revoked; bearer() re-reads isActive on each request, so the access token stops too) and
// starts account-deletion/<userId>, which emails a one-time cancel link, waits out the grace
// period and purges (account-purge.ts). A cancel (the emailed link, or an admin) flips the row
// PENDING → CANCELLED with a conditional update, reactivates the account, then signals the run;
// the purge takes the same row lock, so a cancel racing the purge has one winner.
import { randomUUID } from 'node:crypto';
import type { AccountDeletionStatus } from '../../domain/account-deletion/status.js';
import { DomainError } from '../../domain/errors.js';
import { workflowIds } from '../../domain/ids.js';
import { verifyPassword } from '../../infra/auth/password.js';
import { newOpaqueToken, sha256 } from '../../infra/auth/opaque-tokens.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { EmailProvider } from '../../providers/email/interface.js';
import { cancelDeletionSignal, type AccountDeletionInput } from '../../workflows/account-deletion/account-deletion.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { DEFAULT_NOTIFICATIONS, EmailRejectedError, type NotificationSettings } from '../notifications/slot-booked-email.js';
import { readConfig } from '../system-config/read-config.js';
import type { ClientMeta } from './auth.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export const ACCOUNT_DELETION_NOTICE_EMAIL_TYPE = 'ACCOUNT_DELETION_NOTICE';
export const CANCEL_LINK_INVALID = 'This cancel link is invalid or already used, or the account has already been deleted';

export interface DeletionView {
  deletionId: string;
  status: AccountDeletionStatus;
  purgeAfter: string;
  workflowId: string;
}

export async function requestAccountDeletion(deps: ServiceDeps, meta: ClientMeta, userId: string, password: string): Promise<DeletionView> {
  const { db, temporal } = deps;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { password: true, email: true } });
  if (!(await verifyPassword(password, user.password))) throw new DomainError('UNAUTHENTICATED', 'The password is wrong');
  const graceSeconds = deps.config.accountDeletionGraceSeconds ?? (await readConfig(db, 'account.deletionGraceDays')) * 86_400;
  const now = new Date();
  const purgeAfter = new Date(now.getTime() + graceSeconds * 1000);
  const deletionId = randomUUID();
  const workflowId = workflowIds.accountDeletion(userId);
  try {
    return await db.$transaction(
      async (tx) => {
        const [locked] = await tx.$queryRaw<{ isActive: boolean }[]>`SELECT "isActive" FROM "public"."users" WHERE "id" = ${userId}::uuid FOR UPDATE`;
        if (!locked?.isActive) throw new DomainError('CONFLICT', 'The account is already deactivated');
        await tx.accountDeletion.create({ data: { id: deletionId, userId, purgeAfter, workflowId, requestIp: meta.ip } });
        await tx.user.update({ where: { id: userId }, data: { isActive: false } });
        await tx.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now, revokeReason: 'account-deletion' } });
        await tx.loginLog.create({ data: { userId, action: 'ACCOUNT_DELETION_REQUESTED', email: user.email, ip: meta.ip, userAgent: meta.userAgent, platform: meta.platform } });
        // Started before the commit (as slot holds are): if the commit fails, the run finds no
        // PENDING row at its first step and ends. TERMINATE_EXISTING: an older run of this id can
        // only belong to a cancelled request (one PENDING row per user), whose purge would refuse anyway.
        const input: AccountDeletionInput = { userId, deletionId, purgeAfter: purgeAfter.toISOString() };
        await temporal.workflow.start('accountDeletion', {
          taskQueue: deps.config.taskQueue,
          workflowId,
          args: [input],
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          workflowIdConflictPolicy: 'TERMINATE_EXISTING',
          staticSummary: `Account deletion · user ${userId.slice(0, 8)} · purge after ${purgeAfter.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
          typedSearchAttributes: [
            { key: MasEntityType, value: 'account-deletion' },
            { key: MasEntityId, value: deletionId },
            { key: MasState, value: 'PENDING' },
            { key: MasUserId, value: userId },
          ],
        });
        return { deletionId, status: 'PENDING' as const, purgeAfter: purgeAfter.toISOString(), workflowId };
      },
      { timeout: 15_000 },
    );
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A deletion of this account is already pending');
    throw err;
  }
}

async function reactivate(tx: Tx, userId: string, meta: ClientMeta | null, now: Date) {
  await tx.user.update({ where: { id: userId }, data: { isActive: true } });
  await tx.loginLog.create({ data: { userId, action: 'ACCOUNT_DELETION_CANCELLED', ip: meta?.ip ?? null, userAgent: meta?.userAgent ?? null, platform: meta?.platform ?? null, createdAt: now } });
}

/** Best effort, after the commit: if the signal is lost, the purge finds the row CANCELLED and does nothing. */
async function signalCancelled(deps: Pick<ServiceDeps, 'temporal' | 'logger'>, userId: string, deletionId: string) {
  await deps.temporal.workflow
    .getHandle(workflowIds.accountDeletion(userId))
    .signal(cancelDeletionSignal, { deletionId })
    .catch((err: unknown) => deps.logger.warn({ err, userId, deletionId }, 'account deletion cancelled but its workflow could not be signalled'));
}

/** The user's own cancel: the one-time token from the notice email (they cannot sign in meanwhile). */
export async function cancelDeletionByToken(deps: ServiceDeps, meta: ClientMeta, token: string): Promise<DeletionView> {
  const now = new Date();
  const row = await deps.db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ id: string; userId: string; purgeAfter: Date; workflowId: string }[]>`
      UPDATE "public"."account_deletions"
         SET "status" = 'CANCELLED', "cancelledAt" = ${now}, "cancelledBy" = 'email-link', "updatedAt" = ${now}
       WHERE "cancelTokenHash" = ${sha256(token)} AND "status" = 'PENDING'
       RETURNING "id"::text AS "id", "userId"::text AS "userId", "purgeAfter", "workflowId"`;
    if (!claimed) throw new DomainError('GONE', CANCEL_LINK_INVALID);
    await reactivate(tx, claimed.userId, meta, now);
    return claimed;
  });
  await signalCancelled(deps, row.userId, row.id);
  return { deletionId: row.id, status: 'CANCELLED', purgeAfter: row.purgeAfter.toISOString(), workflowId: row.workflowId };
}

/** An admin's cancel, for a user who lost the email. */
export async function cancelDeletionByAdmin(deps: ServiceDeps, adminId: string, userId: string): Promise<DeletionView> {
  const now = new Date();
  const row = await deps.db.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ id: string; purgeAfter: Date; workflowId: string }[]>`
      UPDATE "public"."account_deletions"
         SET "status" = 'CANCELLED', "cancelledAt" = ${now}, "cancelledBy" = ${`admin:${adminId}`}, "updatedAt" = ${now}
       WHERE "userId" = ${userId}::uuid AND "status" = 'PENDING'
       RETURNING "id"::text AS "id", "purgeAfter", "workflowId"`;
    if (!claimed) throw new DomainError('NOT_FOUND', 'This user has no pending account deletion');
    await reactivate(tx, userId, null, now);
    return claimed;
  });
  await signalCancelled(deps, userId, row.id);
  return { deletionId: row.id, status: 'CANCELLED', purgeAfter: row.purgeAfter.toISOString(), workflowId: row.workflowId };
}

export type DeletionNoticeOutcome = 'sent' | 'already-sent' | 'not-pending' | 'rejected';

/**
 * The workflow's first step: email the cancel link. The token's hash is stored in the transaction
 * that marks the email SENT, so a retried attempt never leaves a mailed link without its row.
 */
export async function sendDeletionNotice(
  deps: { db: Db; email: EmailProvider; logger: Logger; now: () => Date; notifications?: NotificationSettings | undefined },
  input: { deletionId: string },
): Promise<{ outcome: DeletionNoticeOutcome }> {
  const d = await deps.db.accountDeletion.findUnique({ where: { id: input.deletionId }, select: { status: true, purgeAfter: true, userId: true, user: { select: { email: true, name: true } } } });
  if (!d || d.status !== 'PENDING') return { outcome: 'not-pending' };
  const settings = deps.notifications ?? DEFAULT_NOTIFICATIONS;
  const { token, hash } = newOpaqueToken();
  const link = `${settings.publicWebUrl.replace(/\/+$/, '')}/cancel-account-deletion?token=${encodeURIComponent(token)}`;
  try {
    const sent = await sendClaimedEmail(
      deps,
      {
        dedupeKey: `account-deletion-notice:${input.deletionId}`,
        emailType: ACCOUNT_DELETION_NOTICE_EMAIL_TYPE,
        userId: d.userId,
        to: d.user.email,
        from: settings.emailFrom,
        subject: 'Your MAS account will be deleted',
        text: `Hi ${d.user.name},\n\nYour MAS account has been deactivated and will be deleted after ${d.purgeAfter.toISOString()}.\nChanged your mind? Keep your account here: ${link}\n\nIf you did not ask for this, open the link and then change your password.\n\nMAS`,
        metadata: { accountDeletionId: input.deletionId },
      },
      {
        onSent: async (tx) => {
          await tx.accountDeletion.updateMany({ where: { id: input.deletionId, cancelTokenHash: null }, data: { cancelTokenHash: hash } });
        },
      },
    );
    return { outcome: sent.outcome };
  } catch (err) {
    if (err instanceof EmailRejectedError) return { outcome: 'rejected' };
    throw err;
  }
}
