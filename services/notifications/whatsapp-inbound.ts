// Inbound WhatsApp messages (the signed webhook's `messages` entries): each is stored once as a
// whatsapp_messages row direction=inbound (the wamid is unique, so a redelivered webhook stores
// nothing new), under the config whose phone number id received it (metadata.phone_number_id:
// its owner is the row's user), or with no owner when it reached the platform number; and, when
// the CRM has a lead with that phone (normalised to E.164 as lead capture does), linked to it as
// an inbound lead_whatsapp_logs row. A message to a number that is neither is counted and logged,
// not stored. A fresh STOP (or START) from a number opts it out of (back into) marketing WhatsApp.
// A message to the platform number from a number an application thread last wrote to
// (application_whatsapp_messages, outbound to that phone) is attached to that thread as a
// `received` row, once (providerMessageId is unique; a redelivery stores nothing new).
import { optOutIntent } from '../../domain/comms/quiet-hours.js';
import { normalizePhone } from '../../domain/crm/phone.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { LEAD_LOG_PROVIDER, type InboundMessage } from '../../providers/whatsapp/interface.js';
import { setOptOut } from './comms-preferences.js';

export interface InboundResult {
  /** Rows stored by this delivery (0 for a redelivery). */
  stored: number;
  duplicates: number;
  /** To a number that is neither a config's nor the platform's. */
  unrouted: number;
  /** Fresh STOP / START messages applied to the sender's marketing preference. */
  optOuts: number;
  /** The newly stored messages. */
  fresh: { message: InboundMessage; userId: string | null; fromPhone: string }[];
}

const instant = (ts: string, now: Date) => {
  const at = new Date(Number(ts) * 1000);
  return Number.isNaN(at.getTime()) ? now : at;
};

export async function recordInboundWhatsApp(deps: { db: Db; logger: Logger; config?: { whatsapp?: { platformPhoneNumberId?: string } | undefined } }, messages: InboundMessage[], now = new Date()): Promise<InboundResult> {
  const result: InboundResult = { stored: 0, duplicates: 0, unrouted: 0, optOuts: 0, fresh: [] };
  const platformId = deps.config?.whatsapp?.platformPhoneNumberId;
  for (const m of messages) {
    const owned = await deps.db.whatsAppConfig.findUnique({ where: { phoneNumberId: m.phoneNumberId }, select: { userId: true, displayPhoneNumber: true } });
    const config = owned ?? (platformId && m.phoneNumberId === platformId ? { userId: null, displayPhoneNumber: null } : null);
    if (!config) {
      result.unrouted++;
      deps.logger.info({ wamid: m.id, phoneNumberId: m.phoneNumberId }, 'inbound whatsapp to a number without a config: not stored');
      continue;
    }
    const fromPhone = normalizePhone(`+${m.from}`) ?? `+${m.from}`;
    const display = config.displayPhoneNumber ?? m.displayPhoneNumber;
    const toPhone = display ? `+${display.replace(/\D/g, '')}` : m.phoneNumberId;
    const at = instant(m.timestamp, now);
    const { count } = await deps.db.whatsAppMessage.createMany({
      data: [{ userId: config.userId, direction: 'inbound', wamid: m.id, fromPhone, toPhone, messageType: m.type.slice(0, 40), body: m.text, status: 'delivered', sentAt: at, deliveredAt: at, providerPayload: m as unknown as Prisma.InputJsonValue }],
      skipDuplicates: true,
    });
    // Checked before the duplicate test, so a redelivery after a crash between the two inserts still attaches it.
    if (config.userId === null) await attachToApplicationThread(deps.db, m, fromPhone, at);
    if (count === 0) {
      result.duplicates++;
      continue;
    }
    result.stored++;
    result.fresh.push({ message: m, userId: config.userId, fromPhone });
    const intent = optOutIntent(m.text);
    if (intent) {
      await setOptOut({ db: deps.db, now: () => now }, 'WHATSAPP', fromPhone, intent, 'inbound_keyword');
      result.optOuts++;
    }
    // The lead with this phone: the owner's own lead first, else the most recently updated one.
    const lead = await deps.db.rawLead.findFirst({ where: { OR: [{ phone: fromPhone }, { alternatePhone: fromPhone }] }, orderBy: [{ updatedAt: 'desc' }], select: { id: true, assignedTo: true } });
    const own = lead && config.userId && lead.assignedTo !== config.userId ? await deps.db.rawLead.findFirst({ where: { OR: [{ phone: fromPhone }, { alternatePhone: fromPhone }], assignedTo: config.userId }, select: { id: true } }) : null;
    const leadId = own?.id ?? lead?.id;
    if (leadId) {
      await deps.db.leadWhatsAppLog.createMany({
        data: [{ rawLeadId: leadId, userId: config.userId, direction: 'inbound', status: 'received', fromNumber: fromPhone, toNumber: toPhone, messageType: m.type.slice(0, 40), body: m.text, provider: LEAD_LOG_PROVIDER, providerMessageId: m.id, deliveredAt: at }],
        skipDuplicates: true,
      });
    }
  }
  return result;
}

/** The platform number's reply from an applicant: into the thread of the application that last wrote to this number. */
async function attachToApplicationThread(db: Db, m: InboundMessage, fromPhone: string, at: Date) {
  const last = await db.applicationWhatsAppMessage.findFirst({ where: { phoneNumber: fromPhone, direction: 'outbound' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { applicationId: true } });
  if (!last) return;
  await db.applicationWhatsAppMessage.createMany({
    data: [{ applicationId: last.applicationId, direction: 'inbound', status: 'received', phoneNumber: fromPhone, body: m.text, providerMessageId: m.id, sentAt: at, deliveredAt: at }],
    skipDuplicates: true,
  });
}
