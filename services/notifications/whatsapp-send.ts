// Every outbound WhatsApp message is logged before the provider call: a whatsapp_messages row
// `queued` (no wamid yet), then the call, then `sent` with the wamid, in the transaction that
// also applies any status the webhook parked for that wamid meanwhile (the early-status gap),
// holding the per-wamid lock the webhook takes. A refusal for good marks the row `failed`; a
// transient error leaves it `queued` and is rethrown (the caller's retry reuses the row).
import type { Db } from '../../infra/prisma.js';
import { failureOf } from '../../providers/lib/provider-error.js';
import type { WhatsAppProvider } from '../../providers/whatsapp/interface.js';
import { applyParkedStatuses, lockWamid } from '../crm/whatsapp-statuses.js';

export interface LoggedWhatsAppSend {
  /** The user whose number (config) the message goes out from. */
  userId: string;
  jobApplicationId?: string | null;
  fromPhone: string;
  to: string;
  template: string;
  languageCode?: string;
  params: string[];
  /** A queued row of an earlier attempt of this same send, to reuse instead of logging a second one. */
  priorMessageId?: string | null;
}

export type LoggedSendOutcome = { outcome: 'sent'; messageId: string; wamid: string } | { outcome: 'refused'; messageId: string; error: string };

export async function sendLoggedWhatsApp(deps: { db: Db; whatsapp: WhatsAppProvider; now: () => Date }, msg: LoggedWhatsAppSend): Promise<LoggedSendOutcome> {
  const { db, now } = deps;
  const row = msg.priorMessageId
    ? await db.whatsAppMessage.findUniqueOrThrow({ where: { id: msg.priorMessageId }, select: { id: true } })
    : await db.whatsAppMessage.create({
        data: { userId: msg.userId, jobApplicationId: msg.jobApplicationId ?? null, direction: 'outbound', fromPhone: msg.fromPhone, toPhone: msg.to, messageType: 'template', templateName: msg.template, body: msg.params.join(' | '), status: 'queued' },
        select: { id: true },
      });
  let wamid: string;
  try {
    ({ messageId: wamid } = await deps.whatsapp.sendTemplate({ to: msg.to, template: msg.template, ...(msg.languageCode ? { languageCode: msg.languageCode } : {}), params: msg.params }));
  } catch (err) {
    const f = failureOf(err);
    if (!f || f.retryable) throw err;
    const error = (err as Error).message.slice(0, 500);
    await db.whatsAppMessage.updateMany({ where: { id: row.id, status: 'queued' }, data: { status: 'failed', failedAt: now(), errorMessage: error } });
    return { outcome: 'refused', messageId: row.id, error };
  }
  await db.$transaction(async (tx) => {
    await lockWamid(tx, wamid);
    await tx.whatsAppMessage.updateMany({ where: { id: row.id, status: 'queued' }, data: { wamid, status: 'sent', sentAt: now() } });
    await applyParkedStatuses(tx, wamid, now());
  });
  return { outcome: 'sent', messageId: row.id, wamid };
}
