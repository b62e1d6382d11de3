// Inbound WhatsApp messages (the signed webhook's `messages` entries): each is stored once as a
// whatsapp_messages row direction=inbound (the wamid is unique, so a redelivered webhook stores
// nothing new), under the config whose phone number id received it (metadata.phone_number_id:
// its owner is the row's user), and, when the CRM has a lead with that phone (normalised to
// E.164 as lead capture does), linked to it as an inbound lead_whatsapp_logs row. A message to a
// number no config holds (the platform number) has no owner to store it under: it is counted
// and logged, not stored.
import { normalizePhone } from '../../domain/crm/phone.js';
import type { Db } from '../../infra/prisma.js';
import type { Logger } from '../../infra/logger.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { LEAD_LOG_PROVIDER, type InboundMessage } from '../../providers/whatsapp/interface.js';

export interface InboundResult {
  /** Rows stored by this delivery (0 for a redelivery). */
  stored: number;
  duplicates: number;
  /** To a number no config holds. */
  unrouted: number;
  /** The newly stored messages, for follow-ups (STOP keywords). */
  fresh: { message: InboundMessage; userId: string; fromPhone: string }[];
}

const instant = (ts: string, now: Date) => {
  const at = new Date(Number(ts) * 1000);
  return Number.isNaN(at.getTime()) ? now : at;
};

export async function recordInboundWhatsApp(deps: { db: Db; logger: Logger }, messages: InboundMessage[], now = new Date()): Promise<InboundResult> {
  const result: InboundResult = { stored: 0, duplicates: 0, unrouted: 0, fresh: [] };
  for (const m of messages) {
    const config = await deps.db.whatsAppConfig.findUnique({ where: { phoneNumberId: m.phoneNumberId }, select: { userId: true, displayPhoneNumber: true } });
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
    if (count === 0) {
      result.duplicates++;
      continue;
    }
    result.stored++;
    result.fresh.push({ message: m, userId: config.userId, fromPhone });
    // The lead with this phone: the owner's own lead first, else the most recently updated one.
    const lead = await deps.db.rawLead.findFirst({ where: { OR: [{ phone: fromPhone }, { alternatePhone: fromPhone }] }, orderBy: [{ updatedAt: 'desc' }], select: { id: true, assignedTo: true } });
    const own = lead && lead.assignedTo !== config.userId ? await deps.db.rawLead.findFirst({ where: { OR: [{ phone: fromPhone }, { alternatePhone: fromPhone }], assignedTo: config.userId }, select: { id: true } }) : null;
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
