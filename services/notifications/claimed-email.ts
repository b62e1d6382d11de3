// One email per dedupe key, for any context: claim the emails_sent row, send with nothing
// open, mark it SENT (optionally committing more rows with the mark). Retries and duplicate
// runs send at most once while the claim holds; see email-claims.ts for the lease rules.
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { EmailError, type EmailProvider } from '../../providers/email/interface.js';
import { afterSend, claimEmail, EmailClaimBusyError, markEmailFailed, markEmailSent, releaseEmailClaim } from './email-claims.js';
import { EmailRejectedError } from './slot-booked-email.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface ClaimedEmail {
  dedupeKey: string;
  emailType: string;
  userId: string | null;
  to: string;
  from: string;
  subject: string;
  text: string;
  html?: string;
  /** Set when the content came from an email template: recorded on the emails_sent row. */
  templateKey?: string;
  templateVersion?: number;
  headers?: Record<string, string>;
  metadata: Prisma.InputJsonObject;
}

export type ClaimedEmailOutcome = { outcome: 'sent'; messageId: string } | { outcome: 'already-sent'; messageId: string | null };

/**
 * Sends `mail` once. `onSent` runs in the transaction that marks the row SENT (store a token's
 * hash only once its email has gone). Throws EmailClaimBusyError (retry later), EmailRejectedError
 * (refused for good) or a retryable EmailError.
 */
export async function sendClaimedEmail(
  deps: { db: Db; email: EmailProvider; logger: Logger; now: () => Date },
  mail: ClaimedEmail,
  opts: { leaseMs?: number; onSent?: (tx: Tx) => Promise<void> } = {},
): Promise<ClaimedEmailOutcome> {
  const { db, email, logger, now } = deps;
  const claim = await claimEmail(
    db,
    {
      dedupeKey: mail.dedupeKey,
      userId: mail.userId,
      toEmail: mail.to,
      fromEmail: mail.from,
      subject: mail.subject,
      emailType: mail.emailType,
      provider: 'smtp',
      metadata: mail.metadata,
      templateKey: mail.templateKey ?? null,
      templateVersion: mail.templateVersion ?? null,
    },
    now(),
    opts.leaseMs ?? 60_000,
  );
  if (claim.state === 'sent') return { outcome: 'already-sent', messageId: claim.messageId };
  if (claim.state === 'busy') throw new EmailClaimBusyError(`The email ${mail.dedupeKey} is being sent by another attempt`);
  let messageId: string;
  try {
    ({ messageId } = await email.send({ to: mail.to, from: mail.from, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}), headers: { 'X-Mas-Email-Type': mail.emailType, ...mail.headers } }));
  } catch (err) {
    if (!(err instanceof EmailError) || err.retryable) {
      await releaseEmailClaim(db, claim).catch(() => undefined);
      throw err;
    }
    logger.warn({ dedupeKey: mail.dedupeKey, responseCode: err.responseCode }, 'email refused for good');
    await markEmailFailed(db, claim, err.message, { ...mail.metadata, responseCode: err.responseCode });
    throw new EmailRejectedError(err.message);
  }
  const marked = await afterSend(() =>
    db.$transaction(async (tx) => {
      if (!(await markEmailSent(tx, claim, messageId, now()))) return false;
      await opts.onSent?.(tx);
      return true;
    }),
  );
  if (!marked) throw new EmailClaimBusyError(`The claim on ${mail.dedupeKey} lapsed during the send`);
  return { outcome: 'sent', messageId };
}
