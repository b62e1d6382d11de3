// Every outbound WhatsApp message is logged before the provider call: a whatsapp_messages row
// `queued` (no wamid yet), then the call, then `sent` with the wamid, in the transaction that
// also applies any status the webhook parked for that wamid meanwhile (the early-status gap),
// holding the per-wamid lock the webhook takes. A refusal for good marks the row `failed`; a
// transient error leaves it `queued` and is rethrown (the caller's retry reuses the row).
// A send about a MAS program application (applicationId) is logged the same way in that
// application's thread, application_whatsapp_messages (providerMessageId holds the wamid).
import { failureOf } from '../../providers/lib/provider-error.js';
import { LOCAL_ERROR_CODES, WhatsAppError } from '../../providers/whatsapp/interface.js';
import { applyParkedStatuses, lockWamid } from '../crm/whatsapp-statuses.js';
import { senderFor, type SenderDeps, type WhatsAppSender } from './whatsapp-configs.js';

export interface LoggedWhatsAppSend {
  /** The user on whose behalf it goes: from their own number (active whatsapp_configs row) when they have one, else the platform number; null: the platform's own send. */
  userId: string | null;
  jobApplicationId?: string | null;
  /** The platform number, recorded when the user has no config of their own. */
  fromPhone: string;
  to: string;
  /** The approved template (with params)… */
  template: string;
  languageCode?: string;
  params: string[];
  /** …or, when set, a free-form text message instead (Meta delivers it inside the 24-hour reply window only). */
  text?: string | null;
  /** A queued row of an earlier attempt of this same send, to reuse instead of logging a second one. */
  priorMessageId?: string | null;
  /** Log it in this application's WhatsApp thread (application_whatsapp_messages) instead of whatsapp_messages. */
  applicationId?: string | null;
  /** The staff member sending it (application thread only). */
  sentById?: string | null;
}

export type LoggedSendOutcome = { outcome: 'sent'; messageId: string; wamid: string } | { outcome: 'refused'; messageId: string; error: string };

/** Logs the send `queued` (or reuses the earlier attempt's row), recording which number sends it. */
export async function queueLoggedWhatsApp(deps: Pick<SenderDeps, 'db'>, sender: WhatsAppSender, msg: LoggedWhatsAppSend): Promise<string> {
  const fromPhone = sender.fromPhone ?? msg.fromPhone;
  if (msg.applicationId) {
    const row = msg.priorMessageId
      ? { id: msg.priorMessageId }
      : await deps.db.applicationWhatsAppMessage.create({
          data: msg.text
            ? { applicationId: msg.applicationId, sentById: msg.sentById ?? null, direction: 'outbound', status: 'queued', phoneNumber: msg.to, body: msg.text }
            : { applicationId: msg.applicationId, sentById: msg.sentById ?? null, direction: 'outbound', status: 'queued', phoneNumber: msg.to, templateName: msg.template, templateParams: msg.params, body: msg.params.join(' | ') },
          select: { id: true },
        });
    return row.id;
  }
  const row = msg.priorMessageId
    ? await deps.db.whatsAppMessage.update({ where: { id: msg.priorMessageId }, data: { fromPhone }, select: { id: true } })
    : await deps.db.whatsAppMessage.create({
        data: msg.text
          ? { userId: msg.userId, jobApplicationId: msg.jobApplicationId ?? null, direction: 'outbound', fromPhone, toPhone: msg.to, messageType: 'text', body: msg.text, status: 'queued' }
          : { userId: msg.userId, jobApplicationId: msg.jobApplicationId ?? null, direction: 'outbound', fromPhone, toPhone: msg.to, messageType: 'template', templateName: msg.template, body: msg.params.join(' | '), status: 'queued' },
        select: { id: true },
      });
  return row.id;
}

/** The provider call for a queued row, then `sent` with the wamid (applying parked statuses) or `failed` for good; a transient error is rethrown. */
export async function deliverLoggedWhatsApp(deps: Pick<SenderDeps, 'db'> & { now: () => Date }, sender: WhatsAppSender, messageId: string, msg: LoggedWhatsAppSend): Promise<LoggedSendOutcome> {
  const { db, now } = deps;
  let wamid: string;
  try {
    if (msg.text) {
      if (!sender.whatsapp.sendText) throw new WhatsAppError(null, { message: 'This WhatsApp provider cannot send text messages', type: 'LocalValidation', code: LOCAL_ERROR_CODES.invalidRequest }, { kind: 'invalid_request', retryable: false });
      ({ messageId: wamid } = await sender.whatsapp.sendText({ to: msg.to, text: msg.text }));
    } else {
      ({ messageId: wamid } = await sender.whatsapp.sendTemplate({ to: msg.to, template: msg.template, ...(msg.languageCode ? { languageCode: msg.languageCode } : {}), params: msg.params }));
    }
  } catch (err) {
    const f = failureOf(err);
    if (!f || f.retryable) throw err;
    const error = (err as Error).message.slice(0, 500);
    if (msg.applicationId) await db.applicationWhatsAppMessage.updateMany({ where: { id: messageId, status: 'queued' }, data: { status: 'failed', errorCode: f.kind, errorMessage: error } });
    else await db.whatsAppMessage.updateMany({ where: { id: messageId, status: 'queued' }, data: { status: 'failed', failedAt: now(), errorMessage: error } });
    return { outcome: 'refused', messageId, error };
  }
  await db.$transaction(async (tx) => {
    await lockWamid(tx, wamid);
    if (msg.applicationId) await tx.applicationWhatsAppMessage.updateMany({ where: { id: messageId, status: 'queued' }, data: { providerMessageId: wamid, status: 'sent', sentAt: now() } });
    else await tx.whatsAppMessage.updateMany({ where: { id: messageId, status: 'queued' }, data: { wamid, status: 'sent', sentAt: now() } });
    await applyParkedStatuses(tx, wamid, now());
  });
  return { outcome: 'sent', messageId, wamid };
}

export async function sendLoggedWhatsApp(deps: SenderDeps & { now: () => Date }, msg: LoggedWhatsAppSend): Promise<LoggedSendOutcome> {
  // Which number sends it: the user's own (recorded as fromPhone) or the platform's.
  const sender = await senderFor(deps, msg.userId);
  return deliverLoggedWhatsApp(deps, sender, await queueLoggedWhatsApp(deps, sender, msg), msg);
}
