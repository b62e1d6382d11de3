// The slot-booked email of one recipient (notify/slot-booked/<slotId>): render its email
// template (slot-booked-student|mentor; the version is recorded on the row), claim its emails_sent
// row, send with freshly minted one-time action links, then commit the links' hashes and mark
// the row SENT together. No transaction is open during the SMTP send (up to ~40 s), and a link
// only becomes live once its email went out: a failed send leaves no usable token behind.
// The at-least-once window is email-claims.ts's: a crash between the relay's acceptance and the
// mark means the next attempt (after the lease) mails again with fresh links; the first mail's
// links then answer 404.
import { slotBookedEmail } from '../../domain/meeting-actions/emails.js';
import { actionExpiresAt, SLOT_BOOKED_ACTIONS, SLOT_BOOKED_EMAIL_TYPE, type MeetingAction, type Recipient } from '../../domain/meeting-actions/policy.js';
import { newOpaqueToken } from '../../infra/auth/opaque-tokens.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import { EmailError, type EmailProvider } from '../../providers/email/interface.js';
import { afterSend, claimEmail, EmailClaimBusyError, markEmailFailed, markEmailSent, releaseEmailClaim } from './email-claims.js';
import { renderTemplatedEmail } from './email-templates.js';

export interface NotificationSettings {
  publicWebUrl: string;
  /** Where this api is reached (PUBLIC_API_URL): the one-click unsubscribe links of marketing emails. */
  publicApiUrl?: string;
  meetingActionTtlHours: number;
  emailFrom: string;
  /** How long a claim keeps other attempts off one email; longer than a send can take. Default 60 s. */
  claimLeaseSeconds?: number;
}

export const DEFAULT_NOTIFICATIONS: NotificationSettings = { publicWebUrl: 'http://localhost:5173', meetingActionTtlHours: 24, emailFrom: 'MAS <no-reply@mas.local>' };
/** Above the activity's 45 s start-to-close, so an attempt that timed out has given up its send. */
export const DEFAULT_CLAIM_LEASE_SECONDS = 60;

export interface NotificationDeps {
  db: Db;
  email: EmailProvider;
  logger: Logger;
  now: () => Date;
  notifications?: NotificationSettings | undefined;
}

export type SlotBookedOutcome = { outcome: 'sent' | 'already-sent'; messageId?: string } | { outcome: 'skipped' };

/** The relay refused the email for good (5xx); the row is FAILED. Retrying cannot help. */
export class EmailRejectedError extends Error {
  override readonly name = 'EmailRejectedError';
}

export async function sendSlotBookedEmail(deps: NotificationDeps, input: { slotId: string; recipient: Recipient }): Promise<SlotBookedOutcome> {
  const { db, email, logger, now } = deps;
  const settings = deps.notifications ?? DEFAULT_NOTIFICATIONS;
  const { slotId, recipient } = input;
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

  // The links are minted in memory; their hashes are stored only once the mail has gone.
  const issuedAt = now();
  const minted = actions.map((action) => ({ action, ...newOpaqueToken(), expiresAt: actionExpiresAt(action, slot, issuedAt, settings.meetingActionTtlHours) }));
  const tokens: Partial<Record<MeetingAction, string>> = Object.fromEntries(minted.map((m) => [m.action, m.token]));
  const { templateKey, data } = slotBookedEmail({
    recipient,
    recipientName: user.name,
    otherName: other.name,
    title: slot.title,
    startDateTime: slot.startDateTime,
    endDateTime: slot.endDateTime,
    publicWebUrl: settings.publicWebUrl,
    tokens,
  });
  const content = await renderTemplatedEmail(db, templateKey, data);
  const metadata = { slotId, recipient, dedupeKey, actions: [...actions] };
  const leaseMs = (settings.claimLeaseSeconds ?? DEFAULT_CLAIM_LEASE_SECONDS) * 1000;
  const claim = await claimEmail(
    db,
    { dedupeKey, userId: user.id, toEmail: user.email, fromEmail: settings.emailFrom, subject: content.subject, emailType: SLOT_BOOKED_EMAIL_TYPE, provider: 'smtp', metadata, templateKey, templateVersion: content.templateVersion },
    issuedAt,
    leaseMs,
  );
  if (claim.state === 'sent') return { outcome: 'already-sent', ...(claim.messageId ? { messageId: claim.messageId } : {}) };
  if (claim.state === 'busy') throw new EmailClaimBusyError(`The slot-booked email ${dedupeKey} is being sent by another attempt (claimed until ${claim.until?.toISOString() ?? 'unknown'})`);

  let messageId: string;
  try {
    ({ messageId } = await email.send({ to: user.email, from: settings.emailFrom, subject: content.subject, text: content.text, html: content.html, headers: { 'X-Mas-Email-Type': SLOT_BOOKED_EMAIL_TYPE, 'X-Mas-Slot-Id': slotId } }));
  } catch (err) {
    if (!(err instanceof EmailError)) {
      await releaseEmailClaim(db, claim).catch(() => undefined);
      throw err;
    }
    logger.warn({ slotId, recipient, responseCode: err.responseCode, retryable: err.retryable }, 'slot-booked email not sent');
    if (err.retryable) {
      await releaseEmailClaim(db, claim);
      throw err;
    }
    // Refused for good (e.g. 550 no such mailbox): record it and stop retrying.
    await markEmailFailed(db, claim, err.message, { ...metadata, responseCode: err.responseCode });
    throw new EmailRejectedError(err.message);
  }

  const marked = await afterSend(() =>
    db.$transaction(async (tx) => {
      if (!(await markEmailSent(tx, claim, messageId, now()))) return false;
      await tx.meetingActionToken.createMany({ data: minted.map((m) => ({ slotId, userId: user.id, action: m.action, tokenHash: m.hash, expiresAt: m.expiresAt })) });
      return true;
    }),
  );
  if (!marked) {
    // Our lease lapsed mid-send and another attempt took the row: it mails its own links.
    logger.warn({ slotId, recipient, dedupeKey, messageId }, 'slot-booked email sent after its claim lapsed; its links were not stored');
    throw new EmailClaimBusyError(`The claim on ${dedupeKey} lapsed during the send`);
  }
  return { outcome: 'sent', messageId };
}
