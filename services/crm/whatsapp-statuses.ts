// WhatsApp delivery statuses (the signed status webhook): each one is recorded once in
// webhook_events and moves the matching message rows (whatsapp_messages by wamid,
// lead_whatsapp_logs by provider 'meta_cloud' + provider_message_id, application_whatsapp_messages
// by its unique provider_message_id) forward only:
// sent < delivered < read, failed is terminal. Each move is one conditional UPDATE whose WHERE
// lists the states it may leave, so duplicates and late, out-of-order statuses change nothing,
// and two deliveries racing cannot move a row backwards. One transaction per status.
// The early-status gap: a status for a wamid no row holds yet (the webhook beat the send storing
// it) is parked in whatsapp_parked_statuses; the send applies it once it records the wamid. Both
// sides take one advisory lock per wamid, so a status is either applied or parked-then-applied.
import { movableFrom, whatsappDeliveryLifecycle } from '../../domain/comms/delivery-status.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { LEAD_LOG_PROVIDER, type DeliveryStatus, type StatusUpdate } from '../../providers/whatsapp/interface.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** The states each incoming status may move a whatsapp_messages row out of (domain/comms/delivery-status.ts). */
const MESSAGE_FROM: Record<DeliveryStatus, ('queued' | 'sent' | 'delivered' | 'read' | 'failed')[]> = {
  sent: movableFrom(whatsappDeliveryLifecycle, 'sent'),
  delivered: movableFrom(whatsappDeliveryLifecycle, 'delivered'),
  read: movableFrom(whatsappDeliveryLifecycle, 'read'),
  failed: movableFrom(whatsappDeliveryLifecycle, 'failed'),
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

/** Serialises the statuses and the send of one wamid (see the module note). */
export const lockWamid = (tx: Tx, wamid: string) => tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`whatsapp-wamid:${wamid}`}, 0))`;

async function applyStatus(db: Db, s: StatusUpdate, now: Date): Promise<number> {
  return db.$transaction(async (tx) => {
    await lockWamid(tx, s.id);
    await tx.webhookEvent.createMany({ data: [{ provider: 'whatsapp', eventId: `${s.id}:${s.status}`, eventType: `message.${s.status}`, subjectId: s.id }], skipDuplicates: true });
    const moved = await moveRows(tx, s, now);
    if (moved > 0) return moved;
    const known =
      (await tx.whatsAppMessage.count({ where: { wamid: s.id } })) +
      (await tx.leadWhatsAppLog.count({ where: { provider: LEAD_LOG_PROVIDER, providerMessageId: s.id } })) +
      (await tx.applicationWhatsAppMessage.count({ where: { providerMessageId: s.id } }));
    // Nobody holds the wamid yet: park the status for the send to apply.
    if (known === 0) await tx.whatsAppParkedStatus.createMany({ data: [{ wamid: s.id, status: s.status, payload: s as unknown as Prisma.InputJsonValue }], skipDuplicates: true });
    return 0;
  });
}

/**
 * Called by a send, in the transaction (holding lockWamid) that stored `wamid` on its row: applies
 * the statuses parked for it, in ladder order, and drops them. Returns how many moved a row.
 */
export async function applyParkedStatuses(tx: Tx, wamid: string, now: Date): Promise<number> {
  const parked = await tx.whatsAppParkedStatus.findMany({ where: { wamid }, select: { id: true, payload: true } });
  if (!parked.length) return 0;
  const order = whatsappDeliveryLifecycle.states;
  const statuses = parked.map((p) => p.payload as unknown as StatusUpdate).sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
  let moved = 0;
  for (const st of statuses) moved += await moveRows(tx, st, now);
  await tx.whatsAppParkedStatus.deleteMany({ where: { id: { in: parked.map((p) => p.id) } } });
  return moved;
}

async function moveRows(tx: Tx, s: StatusUpdate, now: Date): Promise<number> {
  const at = instantOf(s.timestamp, now);
  const error = s.errors?.[0];
  const errorCode = error ? String(error.code) : null;
  const errorMessage = error ? [error.title, error.message, error.error_data?.details].filter(Boolean).join(': ') : null;
  const payload = s as unknown as Prisma.InputJsonValue;
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
  // An application thread's outbound row (born `sent` like whatsapp_messages; `sent` only fills sentAt).
  const application =
    s.status === 'sent'
      ? await tx.applicationWhatsAppMessage.updateMany({ where: { providerMessageId: s.id, direction: 'outbound', status: 'sent', sentAt: null }, data: { sentAt: at } })
      : await tx.applicationWhatsAppMessage.updateMany({
          where: { providerMessageId: s.id, direction: 'outbound', status: { in: MESSAGE_FROM[s.status] } },
          data: {
            status: s.status,
            ...(s.status === 'delivered' ? { deliveredAt: at } : {}),
            ...(s.status === 'read' ? { readAt: at } : {}),
            ...(s.status === 'failed' ? { errorCode, errorMessage } : {}),
          },
        });
  return message.count + leadLog.count + application.count;
}
