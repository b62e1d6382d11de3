// The purge at the end of an account deletion's grace period: anonymise, never cascade. The users
// row stays (so every ledger, audit and business row keeps its foreign key) with its PII replaced;
// rows that are purely personal and have no ledger value are deleted; audit rows keep their shape
// with the email scrubbed. One transaction under the account_deletions row lock: a crash mid-way
// commits nothing, a rerun after success finds PURGED and changes nothing, and a cancel holding
// the same lock first leaves the row CANCELLED, which the purge respects.
// docs/architecture.md ("Account deletion") lists what is kept, anonymised and deleted.
import { accountDeletionLifecycle, type AccountDeletionStatus } from '../../domain/account-deletion/status.js';
import type { Db } from '../../infra/prisma.js';

export type PurgeOutcome = 'purged' | 'already-purged' | 'cancelled' | 'not-found';

export const anonymisedEmail = (userId: string) => `deleted+${userId}@invalid`;
export const DELETED_USER_NAME = 'Deleted user';

export async function purgeAccount(db: Db, input: { userId: string; deletionId: string }, now: Date): Promise<{ outcome: PurgeOutcome }> {
  const { userId, deletionId } = input;
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ status: AccountDeletionStatus; userId: string }[]>`
        SELECT "status"::text AS "status", "userId"::text AS "userId" FROM "public"."account_deletions" WHERE "id" = ${deletionId}::uuid FOR UPDATE`;
      if (!row || row.userId !== userId) return { outcome: 'not-found' as const };
      if (row.status === 'PURGED') return { outcome: 'already-purged' as const };
      if (row.status === 'CANCELLED') return { outcome: 'cancelled' as const };
      accountDeletionLifecycle.assertTransition(row.status, 'PURGED');
      const email = anonymisedEmail(userId);

      // Anonymised in place: the person, their learner profile, their mentor profile.
      await tx.user.update({
        where: { id: userId },
        data: { email, name: DELETED_USER_NAME, phone: null, password: null, passwordChangedAt: now, isActive: false, salesHeadId: null, lastLoginAt: null },
      });
      await tx.studentProfile.updateMany({
        where: { userId },
        data: {
          collegeId: null,
          collegeName: null,
          degree: null,
          specialization: null,
          graduationYear: null,
          dateOfBirth: null,
          gender: null,
          city: null,
          state: null,
          country: null,
          currentCompany: null,
          currentRole: null,
          workExperienceMonths: null,
          skills: [],
          careerGoal: null,
          bio: null,
          linkedinUrl: null,
          githubUrl: null,
          portfolioUrl: null,
          resumeS3Key: null,
        },
      });
      await tx.mentor.updateMany({ where: { userId }, data: { bio: null, expertise: [], isActive: false } });

      // Purely personal, no ledger value: deleted.
      await tx.refreshToken.deleteMany({ where: { userId } });
      await tx.passwordResetToken.deleteMany({ where: { userId } });
      await tx.notification.deleteMany({ where: { userId } });
      await tx.googleAuthToken.deleteMany({ where: { userId } });
      await tx.meetingActionToken.deleteMany({ where: { userId } });
      await tx.userLlmKey.deleteMany({ where: { userId } });
      await tx.whatsAppConfig.deleteMany({ where: { userId } });
      await tx.profileView.deleteMany({ where: { OR: [{ viewerId: userId }, { mentorUserId: userId }] } });
      // Preferences go, but an unsubscribe stays as a suppression entry (detached from the account),
      // so the address is never mailed marketing again.
      await tx.commsPreference.deleteMany({ where: { userId, unsubscribedAt: null } });
      await tx.commsPreference.updateMany({ where: { userId }, data: { userId: null, quietStartMin: null, quietEndMin: null, timezone: null } });

      // Audit logs keep every row; the address in them is replaced.
      await tx.loginLog.updateMany({ where: { userId }, data: { email } });
      await tx.emailSent.updateMany({ where: { userId }, data: { toEmail: email } });

      await tx.accountDeletion.update({ where: { id: deletionId }, data: { status: 'PURGED', purgedAt: now, cancelTokenHash: null } });
      return { outcome: 'purged' as const };
    },
    { timeout: 60_000 },
  );
}
