// WhatsApp delivery statuses (the signed status webhook): each one is recorded once in
// webhook_events and moves the matching message rows (whatsapp_messages by wamid,
// lead_whatsapp_logs by provider 'meta_cloud' + provider_message_id) forward only:
// sent < delivered < read, failed is terminal. Each move is one conditional UPDATE whose WHERE
// lists the states it may leave, so duplicates and late, out-of-order statuses change nothing,
// and two deliveries racing cannot move a row backwards. One transaction per status.
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { LEAD_LOG_PROVIDER, type DeliveryStatus, type StatusUpdate } from '../../providers/whatsapp/interface.js';

/** The states each incoming status may move a row out of. whatsapp_messages starts at `sent`. */
const MESSAGE_FROM: Record<DeliveryStatus, ('sent' | 'delivered')[]> = {
  sent: [],
  delivered: ['sent'],
  read: ['sent', 'delivered'],
  failed: ['sent', 'delivered'],
};
const LEAD_LOG_FROM: Record<DeliveryStatus, ('queued' | 'sent' | 'delivered')[]> = {
  sent: ['queued'],
  delivered: ['queued', 'sent'],
  read: ['queued', 'sent', 'delivered'],
  failed: ['queued', 'sent', 'delivered'],
};

/** Meta's Unix seconds; a value no Date can hold falls back to now rather than failing forever. */
function instantOf(timestamp: string, now: Date): Date {
  const at = new Date(Number(timestamp) * 1000);
  return Number.isNaN(at.getTime()) ? now : at;
}

/** Applies the statuses in the order given (one body may carry several of one message); returns the rows moved. */
export async function applyWhatsAppStatuses(db: Db, statuses: StatusUpdate[], now = new Date()): Promise<number> {
  let updated = 0;
  for (const s of statuses) updated += await applyStatus(db, s, now);
  return updated;
}

async function applyStatus(db: Db, s: StatusUpdate, now: Date): Promise<number> {
  const at = instantOf(s.timestamp, now);
  const error = s.errors?.[0];
  const errorCode = error ? String(error.code) : null;
  const errorMessage = error ? [error.title, error.message, error.error_data?.details].filter(Boolean).join(': ') : null;
  const payload = s as unknown as Prisma.InputJsonValue;

  return db.$transaction(async (tx) => {
    await tx.webhookEvent.createMany({ data: [{ provider: 'whatsapp', eventId: `${s.id}:${s.status}`, eventType: `message.${s.status}`, subjectId: s.id }], skipDuplicates: true });
    // `sent` only fills in sentAt on whatsapp_messages (the row is born `sent`).
    const message =
      s.status === 'sent'
        ? await tx.whatsAppMessage.updateMany({ where: { wamid: s.id, direction: 'outbound', status: 'sent', sentAt: null }, data: { sentAt: at, providerPayload: payload } })
        : await tx.whatsAppMessage.updateMany({
            where: { wamid: s.id, direction: 'outbound', status: { in: MESSAGE_FROM[s.status] } },
            data: {
              status: s.status,
              providerPayload: payload,
              ...(s.status === 'delivered' ? { deliveredAt: at } : {}),
              ...(s.status === 'read' ? { readAt: at } : {}),
              ...(s.status === 'failed' ? { failedAt: at, errorCode, errorMessage } : {}),
            },
          });
    const leadLog = await tx.leadWhatsAppLog.updateMany({
      // provider + provider_message_id is the table's unique index.
      where: { provider: LEAD_LOG_PROVIDER, providerMessageId: s.id, direction: 'outbound', status: { in: LEAD_LOG_FROM[s.status] } },
      data: {
        status: s.status,
        ...(s.status === 'sent' ? { sentAt: at } : {}),
        ...(s.status === 'delivered' ? { deliveredAt: at } : {}),
        ...(s.status === 'read' ? { readAt: at } : {}),
        ...(s.status === 'failed' ? { errorCode, errorMessage } : {}),
      },
    });
    return message.count + leadLog.count;
  });
}
