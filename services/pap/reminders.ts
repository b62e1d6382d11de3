// A PAP step's reminder email, once per (pap, step, visit, reminder#): the emails_sent row keyed
// by that is the log, so a retried activity or a replayed timer never mails twice. The last
// reminder of a step escalates to the batch's active community managers instead; a deleted
// batch (batchId SET NULL) or one without a manager is logged and skipped, never a failure.
import type { PapStatus } from '../../domain/pap/status.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { EmailProvider } from '../../providers/email/interface.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { DEFAULT_NOTIFICATIONS, type NotificationSettings } from '../notifications/slot-booked-email.js';

export interface ReminderDeps {
  db: Db;
  email: EmailProvider;
  logger: Logger;
  now: () => Date;
  notifications?: NotificationSettings | undefined;
}

export interface ReminderInput {
  papId: string;
  step: PapStatus;
  visit: number;
  reminder: number;
  escalate: boolean;
}

export type ReminderOutcome = { outcome: 'sent' | 'already-sent'; to: string[] } | { outcome: 'skipped'; reason: string };

const ASK: Partial<Record<PapStatus, string>> = {
  PENDING_MOU_DETAILS: 'fill in the details for your pay-after-placement agreement',
  PENDING_MOU_UPLOAD: 'sign your pay-after-placement agreement and upload the signed copy',
  PENDING_PAYMENT_OPTION: 'choose how to pay: upfront or after placement',
  PENDING_UPFRONT_PAYMENT: 'complete your upfront payment',
};

export const papReminderKey = (i: ReminderInput, to: string) => `pap-reminder:${i.papId}:${i.step}:${i.visit}:${i.reminder}:${to}`;

export async function sendPapReminder(deps: ReminderDeps, input: ReminderInput): Promise<ReminderOutcome> {
  const settings = deps.notifications ?? DEFAULT_NOTIFICATIONS;
  const pap = await deps.db.mas101PapWorkflow.findUnique({
    where: { id: input.papId },
    select: { status: true, user: { select: { id: true, name: true, email: true } }, batch: { select: { id: true, code: true, communityManagerAssignments: { where: { isActive: true }, select: { communityManager: { select: { id: true, email: true } } } } } } },
  });
  if (!pap) return { outcome: 'skipped', reason: 'the PAP agreement is gone' };
  if (pap.status !== input.step) return { outcome: 'skipped', reason: `the PAP agreement moved on to ${pap.status}` };
  const ask = ASK[input.step] ?? 'take the next step of your pay-after-placement agreement';
  const link = `${settings.publicWebUrl}/pap/${input.papId}`;
  const recipients = input.escalate
    ? (pap.batch?.communityManagerAssignments ?? []).map((a) => ({ userId: a.communityManager.id, email: a.communityManager.email }))
    : [{ userId: pap.user.id, email: pap.user.email }];
  if (!recipients.length) {
    deps.logger.info({ papId: input.papId, step: input.step, batchId: pap.batch?.id ?? null }, 'PAP escalation skipped: the batch is gone or has no community manager');
    return { outcome: 'skipped', reason: pap.batch ? 'the batch has no community manager' : 'the batch no longer exists' };
  }
  let already = true;
  for (const r of recipients) {
    const subject = input.escalate ? `PAP agreement waiting on ${pap.user.name}: ${input.step}` : `Reminder: ${ask}`;
    const text = input.escalate
      ? `${pap.user.name} (${pap.user.email}) of batch ${pap.batch?.code ?? '-'} has not yet been able to ${ask.replace('your ', 'their ')}. Please follow up: ${link}`
      : `Hello ${pap.user.name},\n\nPlease ${ask}: ${link}\n\nMAS`;
    const sent = await sendClaimedEmail(deps, {
      dedupeKey: papReminderKey(input, r.email),
      emailType: input.escalate ? 'PAP_ESCALATION' : 'PAP_REMINDER',
      userId: r.userId,
      to: r.email,
      from: settings.emailFrom,
      subject,
      text,
      metadata: { papId: input.papId, step: input.step, visit: input.visit, reminder: input.reminder },
    });
    if (sent.outcome === 'sent') already = false;
  }
  return { outcome: already ? 'already-sent' : 'sent', to: recipients.map((r) => r.email) };
}

export interface InstalmentReminderInput {
  papId: string;
  instalmentId: string;
  seq: number;
  /** 1, 2, … in the instalment's reminder schedule. */
  reminder: number;
  /** Ms from the due date (negative: before it). */
  offsetMs: number;
  escalate: boolean;
}

const rupees = (paise: number) => `Rs. ${(paise / 100).toFixed(2)}`;

/**
 * A collection instalment's reminder, once per (instalment, reminder#, recipient): before the due
 * date, on it, then overdue; the last overdue one escalates to the batch's community managers.
 * An instalment that is no longer due (paid, written off) is skipped.
 */
export async function sendPapInstalmentReminder(deps: ReminderDeps, input: InstalmentReminderInput): Promise<ReminderOutcome> {
  const settings = deps.notifications ?? DEFAULT_NOTIFICATIONS;
  const inst = await deps.db.mas101PapInstalment.findUnique({
    where: { id: input.instalmentId },
    select: {
      status: true,
      amountPaise: true,
      dueAt: true,
      papWorkflow: { select: { status: true, user: { select: { id: true, name: true, email: true } }, batch: { select: { id: true, code: true, communityManagerAssignments: { where: { isActive: true }, select: { communityManager: { select: { id: true, email: true } } } } } } } },
    },
  });
  if (!inst) return { outcome: 'skipped', reason: 'the instalment is gone' };
  if (inst.status !== 'DUE') return { outcome: 'skipped', reason: `the instalment is ${inst.status}` };
  const pap = inst.papWorkflow;
  if (pap.status !== 'PAYMENT_COLLECTION_PENDING') return { outcome: 'skipped', reason: `the PAP agreement is ${pap.status}` };
  const link = `${settings.publicWebUrl}/pap/${input.papId}/instalments/${input.seq}`;
  const due = inst.dueAt.toISOString().slice(0, 10);
  const recipients = input.escalate
    ? (pap.batch?.communityManagerAssignments ?? []).map((a) => ({ userId: a.communityManager.id, email: a.communityManager.email }))
    : [{ userId: pap.user.id, email: pap.user.email }];
  if (!recipients.length) {
    deps.logger.info({ papId: input.papId, instalmentId: input.instalmentId, batchId: pap.batch?.id ?? null }, 'PAP instalment escalation skipped: the batch is gone or has no community manager');
    return { outcome: 'skipped', reason: pap.batch ? 'the batch has no community manager' : 'the batch no longer exists' };
  }
  const when = input.offsetMs < 0 ? `is due on ${due}` : input.offsetMs === 0 ? 'is due today' : `was due on ${due} and is overdue`;
  let already = true;
  for (const r of recipients) {
    const sent = await sendClaimedEmail(deps, {
      dedupeKey: `pap-instalment-reminder:${input.instalmentId}:${input.reminder}:${r.email}`,
      emailType: input.escalate ? 'PAP_ESCALATION' : 'PAP_INSTALMENT_REMINDER',
      userId: r.userId,
      to: r.email,
      from: settings.emailFrom,
      subject: input.escalate ? `PAP instalment ${input.seq} of ${pap.user.name} is overdue` : `Instalment ${input.seq} of your PAP agreement ${input.offsetMs > 0 ? 'is overdue' : 'is due'}: ${rupees(inst.amountPaise)}`,
      text: input.escalate
        ? `${pap.user.name} (${pap.user.email}) of batch ${pap.batch?.code ?? '-'}: instalment ${input.seq} (${rupees(inst.amountPaise)}) ${when}. Please follow up: ${link}`
        : `Hello ${pap.user.name},\n\nInstalment ${input.seq} of your pay-after-placement agreement (${rupees(inst.amountPaise)}) ${when}. Pay it here: ${link}\n\nMAS`,
      metadata: { papId: input.papId, instalmentId: input.instalmentId, seq: input.seq, reminder: input.reminder },
    });
    if (sent.outcome === 'sent') already = false;
  }
  return { outcome: already ? 'already-sent' : 'sent', to: recipients.map((r) => r.email) };
}
