// An application's WhatsApp thread (application_whatsapp_messages): staff write to the applicant
// about their MAS program application; every send is logged `queued` before any provider call
// (services/notifications/whatsapp-send.ts, the same queue/deliver steps every WhatsApp send
// uses), then delivered by the applicationWhatsApp workflow (durable, retried, once: a row no
// longer queued is not sent again). Sends go from the platform number, so the applicant's replies
// to it are attached to the thread (whatsapp-inbound.ts); status webhooks move the rows forward
// only (crm/whatsapp-statuses.ts, by the unique providerMessageId).
import { normalizePhone } from '../../domain/crm/phone.js';
import { workflowIds } from '../../domain/ids.js';
import { DomainError } from '../../domain/errors.js';
import type { Logger } from '../../infra/logger.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { WhatsAppProvider } from '../../providers/whatsapp/interface.js';
import type { ApplicationWhatsAppInput, ApplicationWhatsAppOutcome } from '../../workflows/application-whatsapp/application-whatsapp.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { senderFor } from '../notifications/whatsapp-configs.js';
import { deliverLoggedWhatsApp, queueLoggedWhatsApp, type LoggedWhatsAppSend } from '../notifications/whatsapp-send.js';
import { startOrJoin } from '../start-or-join.js';

/** What whatsapp_messages.fromPhone would record for the platform number (the thread has no from column). */
const PLATFORM_SENDER = 'platform';

export const applicationWhatsAppSelect = {
  id: true,
  applicationId: true,
  sentById: true,
  direction: true,
  status: true,
  phoneNumber: true,
  body: true,
  templateName: true,
  templateParams: true,
  providerMessageId: true,
  errorCode: true,
  errorMessage: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ApplicationWhatsAppMessageSelect;
type Row = Prisma.ApplicationWhatsAppMessageGetPayload<{ select: typeof applicationWhatsAppSelect }>;

export const toApplicationWhatsAppView = (r: Row) => ({
  ...r,
  templateParams: Array.isArray(r.templateParams) ? (r.templateParams as string[]) : null,
  sentAt: r.sentAt?.toISOString() ?? null,
  deliveredAt: r.deliveredAt?.toISOString() ?? null,
  readAt: r.readAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** An approved template with its parameters, or a free-form text (a reply inside WhatsApp's 24-hour window). */
export type ApplicationWhatsAppSendInput = { template: string; params: string[] } | { text: string };

const toSend = (row: { applicationId: string; phoneNumber: string; templateName: string | null; templateParams: Prisma.JsonValue; body: string | null; sentById: string | null }): LoggedWhatsAppSend => ({
  userId: null,
  fromPhone: PLATFORM_SENDER,
  to: row.phoneNumber,
  template: row.templateName ?? '',
  params: Array.isArray(row.templateParams) ? (row.templateParams as string[]) : [],
  text: row.templateName ? null : row.body,
  applicationId: row.applicationId,
  sentById: row.sentById,
});

/**
 * Staff send: logs the message `queued` in the thread, then starts its delivery run. The row is
 * returned as logged (202); if Temporal is unreachable it stays queued and the start is logged.
 */
export async function sendApplicationWhatsApp(deps: ServiceDeps, actor: AuthContext, applicationId: string, input: ApplicationWhatsAppSendInput) {
  const app = await deps.db.application.findUnique({ where: { id: applicationId }, select: { id: true, phone: true } });
  if (!app) throw new DomainError('NOT_FOUND', 'No such application');
  const to = app.phone ? normalizePhone(app.phone) : null;
  if (!to) throw new DomainError('UNPROCESSABLE', 'The application has no usable phone number');
  const sender = await senderFor(deps, null);
  const content = 'text' in input ? { template: '', params: [], text: input.text } : { template: input.template, params: input.params };
  const messageId = await queueLoggedWhatsApp(deps, sender, { userId: null, fromPhone: PLATFORM_SENDER, to, ...content, applicationId, sentById: actor.userId });
  const workflowId = workflowIds.applicationWhatsApp(messageId);
  const start: ApplicationWhatsAppInput = { messageId, applicationId };
  try {
    await startOrJoin(deps.temporal, 'applicationWhatsApp', {
      taskQueue: deps.config.taskQueue,
      workflowId,
      args: [start],
      staticSummary: `Application WhatsApp · ${'text' in input ? 'text' : input.template} · application ${applicationId.slice(0, 8)}`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'application' },
        { key: MasEntityId, value: applicationId },
        { key: MasUserId, value: actor.userId },
        { key: MasState, value: 'SENDING' },
      ],
    });
  } catch (err) {
    deps.logger.error({ err, applicationId, messageId, workflowId }, 'application WhatsApp logged but its delivery workflow could not be started');
  }
  const row = await deps.db.applicationWhatsAppMessage.findUniqueOrThrow({ where: { id: messageId }, select: applicationWhatsAppSelect });
  return { ...toApplicationWhatsAppView(row), workflowId };
}

/** The activity: one provider call for a queued row; a row already sent or failed is left alone. */
export async function deliverApplicationWhatsApp(deps: { db: Db; logger: Logger; now: () => Date; whatsapp: WhatsAppProvider }, messageId: string): Promise<{ outcome: ApplicationWhatsAppOutcome }> {
  const row = await deps.db.applicationWhatsAppMessage.findUnique({ where: { id: messageId }, select: { status: true, direction: true, applicationId: true, phoneNumber: true, templateName: true, templateParams: true, body: true, sentById: true } });
  if (!row || row.direction !== 'outbound') throw new DomainError('NOT_FOUND', `No outbound application WhatsApp message ${messageId}`);
  if (row.status === 'failed') return { outcome: 'refused' };
  if (row.status !== 'queued') return { outcome: 'sent' };
  const sender = await senderFor(deps, null);
  const out = await deliverLoggedWhatsApp(deps, sender, messageId, toSend(row));
  if (out.outcome === 'refused') deps.logger.warn({ messageId, applicationId: row.applicationId, error: out.error }, 'application WhatsApp refused by the provider');
  return { outcome: out.outcome };
}

/** The thread, newest first (staff). */
export async function listApplicationWhatsApp(
  { db }: Pick<ServiceDeps, 'db'>,
  applicationId: string,
  page: { where: Prisma.ApplicationWhatsAppMessageWhereInput; orderBy: Prisma.ApplicationWhatsAppMessageOrderByWithRelationInput[]; take: number },
) {
  if (!(await db.application.findUnique({ where: { id: applicationId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such application');
  return db.applicationWhatsAppMessage.findMany({ where: { AND: [page.where, { applicationId }] }, orderBy: page.orderBy, take: page.take, select: applicationWhatsAppSelect });
}
