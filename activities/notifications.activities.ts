// Notification emails. sendSlotBookedEmail issues one recipient's one-time action tokens and
// sends the email inside one transaction that holds an advisory lock on (type, slot, user):
// a retry or a second run waits for the first, then finds its emails_sent row and sends
// nothing. If the send fails, the tokens roll back with it, so no live token was never mailed.
// The one gap: the relay accepted the mail but the commit failed; then the retry mails again
// with fresh tokens and the first email's links answer 404.
import { ApplicationFailure } from '@temporalio/activity';
import { slotBookedEmail } from '../domain/meeting-actions/emails.js';
import { actionExpiresAt, SLOT_BOOKED_ACTIONS, SLOT_BOOKED_EMAIL_TYPE, type MeetingAction, type Recipient } from '../domain/meeting-actions/policy.js';
import { newOpaqueToken } from '../infra/auth/opaque-tokens.js';
import { EmailError } from '../providers/email/interface.js';
import type { NotificationOutcome } from '../workflows/slot-notification/slot-notification.contract.js';
import type { ActivityDeps } from './deps.js';

export const DEFAULT_NOTIFICATIONS = { publicWebUrl: 'http://localhost:5173', meetingActionTtlHours: 24, emailFrom: 'MAS <no-reply@mas.local>' } as const;

export function createNotificationActivities({ db, email, logger, now, notifications = DEFAULT_NOTIFICATIONS }: Pick<ActivityDeps, 'db' | 'email' | 'logger' | 'now' | 'notifications'>) {
  return {
    async sendSlotBookedEmail({ slotId, recipient }: { slotId: string; recipient: Recipient }): Promise<{ outcome: NotificationOutcome; messageId?: string }> {
      const slot = await db.slot.findUnique({
        where: { id: slotId },
        select: {
          status: true,
          title: true,
          startDateTime: true,
          endDateTime: true,
          mentor: { select: { id: true, name: true, email: true } },
          student: { select: { id: true, name: true, email: true } },
        },
      });
      // Cancelled (or gone) before the email went out: there is nothing to join or cancel.
      if (!slot?.student || slot.status !== 'CONFIRMED') {
        logger.info({ slotId, recipient, status: slot?.status ?? null }, 'slot-booked email skipped: the slot is not a confirmed booking');
        return { outcome: 'skipped' };
      }
      const [user, other] = recipient === 'student' ? [slot.student, slot.mentor] : [slot.mentor, slot.student];
      const dedupeKey = `${SLOT_BOOKED_EMAIL_TYPE}:${slotId}:${user.id}`;
      const actions = SLOT_BOOKED_ACTIONS[recipient];

      try {
        return await db.$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT 1 AS "locked" FROM (SELECT pg_advisory_xact_lock(hashtext(${dedupeKey}))) AS l`;
            const sent = await tx.emailSent.findFirst({
              where: { userId: user.id, emailType: SLOT_BOOKED_EMAIL_TYPE, status: 'SENT', metadata: { path: ['slotId'], equals: slotId } },
              select: { providerMessageId: true },
            });
            if (sent) return { outcome: 'already-sent' as const, ...(sent.providerMessageId ? { messageId: sent.providerMessageId } : {}) };

            const issuedAt = now();
            const tokens: Partial<Record<MeetingAction, string>> = {};
            for (const action of actions) {
              const { token, hash } = newOpaqueToken();
              await tx.meetingActionToken.create({ data: { slotId, userId: user.id, action, tokenHash: hash, expiresAt: actionExpiresAt(action, slot, issuedAt, notifications.meetingActionTtlHours) } });
              tokens[action] = token;
            }
            const content = slotBookedEmail({
              recipient,
              recipientName: user.name,
              otherName: other.name,
              title: slot.title,
              startDateTime: slot.startDateTime,
              endDateTime: slot.endDateTime,
              publicWebUrl: notifications.publicWebUrl,
              tokens,
            });
            const { messageId } = await email.send({
              to: user.email,
              from: notifications.emailFrom,
              ...content,
              headers: { 'X-Mas-Email-Type': SLOT_BOOKED_EMAIL_TYPE, 'X-Mas-Slot-Id': slotId },
            });
            await tx.emailSent.create({
              data: {
                userId: user.id,
                toEmail: user.email,
                fromEmail: notifications.emailFrom,
                subject: content.subject,
                emailType: SLOT_BOOKED_EMAIL_TYPE,
                status: 'SENT',
                provider: 'smtp',
                providerMessageId: messageId,
                metadata: { slotId, recipient, dedupeKey, actions: [...actions] },
                sentAt: now(),
              },
            });
            return { outcome: 'sent' as const, messageId };
          },
          // The SMTP send happens inside: allow for its timeouts, below the activity's 45 s.
          { maxWait: 10_000, timeout: 40_000 },
        );
      } catch (err) {
        if (!(err instanceof EmailError)) throw err;
        logger.warn({ slotId, recipient, responseCode: err.responseCode, retryable: err.retryable }, 'slot-booked email not sent');
        if (err.retryable) throw err;
        // Refused for good (e.g. 550 no such mailbox): record it and stop retrying.
        await db.emailSent.create({
          data: {
            userId: user.id,
            toEmail: user.email,
            fromEmail: notifications.emailFrom,
            subject: `slot-booked ${slotId}`,
            emailType: SLOT_BOOKED_EMAIL_TYPE,
            status: 'FAILED',
            provider: 'smtp',
            errorMessage: err.message.slice(0, 1000),
            metadata: { slotId, recipient, dedupeKey, responseCode: err.responseCode },
          },
        });
        throw ApplicationFailure.create({ type: 'EMAIL_REJECTED', message: err.message, nonRetryable: true });
      }
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
