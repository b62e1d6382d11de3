// One email per dedupe key across activity retries and duplicate runs, with no transaction or
// lock held while the mail relay is talked to: claim the emails_sent row (QUEUED, with a lease
// and an attempt number), send, then mark it SENT in a short transaction of its own.
// At least once: if the process dies (or the database stays away) after the relay accepted the
// mail and before the mark commits, the next attempt finds the lapsed lease and sends again.
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { isPrismaCode } from '../../infra/prisma-errors.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export interface EmailDraft {
  dedupeKey: string;
  userId: string | null;
  toEmail: string;
  fromEmail: string;
  subject: string;
  emailType: string;
  provider: string;
  metadata: Prisma.InputJsonObject;
  /** The template (and its version) the body was rendered from, when it was. */
  templateKey?: string | null;
  templateVersion?: number | null;
}

/** The row this attempt holds; only this attempt may mark it. */
export interface EmailClaim {
  id: string;
  attempt: number;
}

export type ClaimResult = ({ state: 'claimed' } & EmailClaim) | { state: 'sent'; messageId: string | null } | { state: 'busy'; until: Date | null };

/** Another attempt holds a live claim on the email: retry later (Temporal does, with backoff). */
export class EmailClaimBusyError extends Error {
  override readonly name = 'EmailClaimBusyError';
}

/** Takes the email's row for this attempt, unless it was sent or another attempt's lease is live. */
export async function claimEmail(db: Db, draft: EmailDraft, now: Date, leaseMs: number): Promise<ClaimResult> {
  const claimedUntil = new Date(now.getTime() + leaseMs);
  try {
    const row = await db.emailSent.create({ data: { ...draft, status: 'QUEUED', attempts: 1, claimedUntil }, select: { id: true, attempts: true } });
    return { state: 'claimed', id: row.id, attempt: row.attempts };
  } catch (err) {
    if (!isPrismaCode(err, 'P2002')) throw err;
  }
  try {
    // One conditional UPDATE … RETURNING: two attempts racing for a lapsed lease cannot both win.
    const row = await db.emailSent.update({
      where: { dedupeKey: draft.dedupeKey, status: { in: ['QUEUED', 'FAILED'] }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { status: 'QUEUED', attempts: { increment: 1 }, claimedUntil, errorMessage: null, subject: draft.subject, metadata: draft.metadata, templateKey: draft.templateKey ?? null, templateVersion: draft.templateVersion ?? null },
      select: { id: true, attempts: true },
    });
    return { state: 'claimed', id: row.id, attempt: row.attempts };
  } catch (err) {
    if (!isPrismaCode(err, 'P2025')) throw err;
  }
  const row = await db.emailSent.findUnique({ where: { dedupeKey: draft.dedupeKey }, select: { status: true, providerMessageId: true, claimedUntil: true } });
  if (row?.status === 'SENT') return { state: 'sent', messageId: row.providerMessageId };
  return { state: 'busy', until: row?.claimedUntil ?? null };
}

/**
 * Marks the claimed row SENT inside `tx` (with whatever else must commit with it). False when
 * this attempt no longer holds the claim: its lease lapsed and another attempt took the row.
 */
export async function markEmailSent(tx: Tx, claim: EmailClaim, messageId: string, sentAt: Date): Promise<boolean> {
  const { count } = await tx.emailSent.updateMany({
    where: { id: claim.id, attempts: claim.attempt, status: 'QUEUED' },
    data: { status: 'SENT', providerMessageId: messageId, sentAt, claimedUntil: null },
  });
  return count === 1;
}

/** The relay refused the message for good: record why and give up the claim. */
export async function markEmailFailed(db: Db, claim: EmailClaim, errorMessage: string, metadata: Prisma.InputJsonObject): Promise<void> {
  await db.emailSent.updateMany({ where: { id: claim.id, attempts: claim.attempt, status: 'QUEUED' }, data: { status: 'FAILED', errorMessage: errorMessage.slice(0, 1000), metadata, claimedUntil: null } });
}

/** Nothing was sent (a transient failure): let the next attempt claim at once instead of waiting out the lease. */
export async function releaseEmailClaim(db: Db, claim: EmailClaim): Promise<void> {
  await db.emailSent.updateMany({ where: { id: claim.id, attempts: claim.attempt, status: 'QUEUED' }, data: { claimedUntil: null } });
}

/**
 * Runs the post-send write a few times in-process: a database blip after the relay accepted the
 * mail should not make the activity fail and the next attempt send the email again.
 */
export async function afterSend<T>(fn: () => Promise<T>, delaysMs: readonly number[] = [200, 1_000, 3_000]): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= delaysMs.length) throw err;
      await new Promise((r) => setTimeout(r, delaysMs[i]));
    }
  }
}
