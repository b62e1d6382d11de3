// A PAP step's reminder email, once per (pap, step, visit, reminder#): the emails_sent row keyed
// by that is the log, so a retried activity or a replayed timer never mails twice. The last
// reminder of a step escalates to the batch's active community managers instead; a deleted
// batch (batchId SET NULL) or one without a manager is logged and skipped, never a failure.
import type { PapStatus } from '../../domain/pap/status.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { EmailProvider } from '../../providers/email/interface.js';
import { TEMPLATE_KEYS } from '../../domain/comms/default-templates.js';
import { sendClaimedEmail } from '../notifications/claimed-email.js';
import { renderTemplatedEmail } from '../notifications/email-templates.js';
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

type BatchManagers = { id: string; code: string; communityManagerAssignments: { communityManager: { id: string; email: string } }[] } | null;
const MANAGERS = { select: { id: true, code: true, communityManagerAssignments: { where: { isActive: true }, select: { communityManager: { select: { id: true, email: true } } } } } } as const;

/** The student, or (escalated) the batch's active community managers; null with the reason when there is nobody to tell. */
function recipientsOf(deps: ReminderDeps, student: { id: string; email: string }, batch: BatchManagers, escalate: boolean, log: Record<string, unknown>): { userId: string; email: string }[] | { skipped: string } {
  if (!escalate) return [{ userId: student.id, email: student.email }];
  const managers = (batch?.communityManagerAssignments ?? []).map((a) => ({ userId: a.communityManager.id, email: a.communityManager.email }));
  if (managers.length) return managers;
  deps.logger.info({ ...log, batchId: batch?.id ?? null }, 'PAP escalation skipped: the batch is gone or has no community manager');
  return { skipped: batch ? 'the batch has no community manager' : 'the batch no longer exists' };
}

/** One claimed email per recipient; 'already-sent' when every one was sent before. */
async function mailEach(deps: ReminderDeps, recipients: { userId: string; email: string }[], mail: (to: string) => Omit<Parameters<typeof sendClaimedEmail>[1], 'userId' | 'to'>): Promise<ReminderOutcome> {
  let already = true;
  for (const r of recipients) {
    const sent = await sendClaimedEmail(deps, { ...mail(r.email), userId: r.userId, to: r.email });
    if (sent.outcome === 'sent') already = false;
  }
  return { outcome: already ? 'already-sent' : 'sent', to: recipients.map((r) => r.email) };
}

export const papReminderKey = (i: ReminderInput, to: string) => `pap-reminder:${i.papId}:${i.step}:${i.visit}:${i.reminder}:${to}`;

export async function sendPapReminder(deps: ReminderDeps, input: ReminderInput): Promise<ReminderOutcome> {
  const settings = deps.notifications ?? DEFAULT_NOTIFICATIONS;
  const pap = await deps.db.mas101PapWorkflow.findUnique({
    where: { id: input.papId },
    select: { status: true, user: { select: { id: true, name: true, email: true } }, batch: MANAGERS },
  });
  if (!pap) return { outcome: 'skipped', reason: 'the PAP agreement is gone' };
  if (pap.status !== input.step) return { outcome: 'skipped', reason: `the PAP agreement moved on to ${pap.status}` };
  const ask = ASK[input.step] ?? 'take the next step of your pay-after-placement agreement';
  const link = `${settings.publicWebUrl}/pap/${input.papId}`;
  const recipients = recipientsOf(deps, pap.user, pap.batch, input.escalate, { papId: input.papId, step: input.step });
  if ('skipped' in recipients) return { outcome: 'skipped', reason: recipients.skipped };
  // Rendered once for every recipient, from the template staff edit (its version goes on each row).
  const content = input.escalate
    ? await renderTemplatedEmail(deps.db, TEMPLATE_KEYS.papEscalation, { studentName: pap.user.name, studentEmail: pap.user.email, batchCode: pap.batch?.code ?? '-', step: input.step, ask: ask.replace('your ', 'their '), link })
    : await renderTemplatedEmail(deps.db, TEMPLATE_KEYS.papReminder, { name: pap.user.name, ask, link });
  return mailEach(deps, recipients, (to) => ({
    dedupeKey: papReminderKey(input, to),
    emailType: input.escalate ? 'PAP_ESCALATION' : 'PAP_REMINDER',
    from: settings.emailFrom,
    subject: content.subject,
    text: content.text,
    html: content.html,
    templateKey: content.templateKey,
    templateVersion: content.templateVersion,
    metadata: { papId: input.papId, step: input.step, visit: input.visit, reminder: input.reminder },
  }));
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
      papWorkflow: { select: { status: true, user: { select: { id: true, name: true, email: true } }, batch: MANAGERS } },
    },
  });
  if (!inst) return { outcome: 'skipped', reason: 'the instalment is gone' };
  if (inst.status !== 'DUE') return { outcome: 'skipped', reason: `the instalment is ${inst.status}` };
  const pap = inst.papWorkflow;
  if (pap.status !== 'PAYMENT_COLLECTION_PENDING') return { outcome: 'skipped', reason: `the PAP agreement is ${pap.status}` };
  const link = `${settings.publicWebUrl}/pap/${input.papId}/instalments/${input.seq}`;
  const due = inst.dueAt.toISOString().slice(0, 10);
  const when = input.offsetMs < 0 ? `is due on ${due}` : input.offsetMs === 0 ? 'is due today' : `was due on ${due} and is overdue`;
  const recipients = recipientsOf(deps, pap.user, pap.batch, input.escalate, { papId: input.papId, instalmentId: input.instalmentId });
  if ('skipped' in recipients) return { outcome: 'skipped', reason: recipients.skipped };
  return mailEach(deps, recipients, (to) => ({
    dedupeKey: `pap-instalment-reminder:${input.instalmentId}:${input.reminder}:${to}`,
    emailType: input.escalate ? 'PAP_ESCALATION' : 'PAP_INSTALMENT_REMINDER',
    from: settings.emailFrom,
    subject: input.escalate ? `PAP instalment ${input.seq} of ${pap.user.name} is overdue` : `Instalment ${input.seq} of your PAP agreement ${input.offsetMs > 0 ? 'is overdue' : 'is due'}: ${rupees(inst.amountPaise)}`,
    text: input.escalate
      ? `${pap.user.name} (${pap.user.email}) of batch ${pap.batch?.code ?? '-'}: instalment ${input.seq} (${rupees(inst.amountPaise)}) ${when}. Please follow up: ${link}`
      : `Hello ${pap.user.name},\n\nInstalment ${input.seq} of your pay-after-placement agreement (${rupees(inst.amountPaise)}) ${when}. Pay it here: ${link}\n\nMAS`,
    metadata: { papId: input.papId, instalmentId: input.instalmentId, seq: input.seq, reminder: input.reminder },
  }));
}
