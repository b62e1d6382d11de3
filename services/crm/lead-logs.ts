// Read side of a lead's message logs (SMS, email, WhatsApp), written by the senders, webhooks and
// CRM workflows. Every read goes through the visibility rule: a lead the caller may not see is
// NOT_FOUND, its logs with it.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { visibleLeadsWhere } from './lead-view.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** The page after (createdAt, id), newest first; `after` is the decoded cursor. */
export interface LogWindow {
  after?: { createdAt: Date; id: string } | undefined;
  take: number;
}

export const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
export const olderThan = (after: LogWindow['after']) => (after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {});

export async function assertLeadVisible(deps: Deps, auth: AuthContext, leadId: string): Promise<void> {
  const n = await deps.db.rawLead.count({ where: { AND: [{ id: leadId }, visibleLeadsWhere(auth)] } });
  if (!n) throw new DomainError('NOT_FOUND', 'No such lead you can see');
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export const smsSelect = {
  id: true, rawLeadId: true, userId: true, direction: true, status: true, toNumber: true, fromNumber: true, body: true, dltTemplateId: true, provider: true,
  providerMessageId: true, errorCode: true, errorMessage: true, sentAt: true, deliveredAt: true, costPaise: true, createdAt: true,
} as const satisfies Prisma.LeadSmsLogSelect;
type SmsRow = Prisma.LeadSmsLogGetPayload<{ select: typeof smsSelect }>;
export const toSmsView = (r: SmsRow) => ({ ...r, sentAt: iso(r.sentAt), deliveredAt: iso(r.deliveredAt), createdAt: r.createdAt.toISOString() });

export const emailSelect = {
  id: true, rawLeadId: true, userId: true, direction: true, status: true, toEmail: true, fromEmail: true, subject: true, body: true, templateId: true, provider: true,
  providerMessageId: true, openCount: true, clickCount: true, sentAt: true, deliveredAt: true, firstOpenedAt: true, firstClickedAt: true, bouncedAt: true, errorMessage: true, createdAt: true,
} as const satisfies Prisma.LeadEmailLogSelect;
type EmailRow = Prisma.LeadEmailLogGetPayload<{ select: typeof emailSelect }>;
export const toEmailView = (r: EmailRow) => ({
  ...r,
  sentAt: iso(r.sentAt),
  deliveredAt: iso(r.deliveredAt),
  firstOpenedAt: iso(r.firstOpenedAt),
  firstClickedAt: iso(r.firstClickedAt),
  bouncedAt: iso(r.bouncedAt),
  createdAt: r.createdAt.toISOString(),
});

export const whatsAppSelect = {
  id: true, rawLeadId: true, userId: true, direction: true, status: true, fromNumber: true, toNumber: true, messageType: true, templateName: true, body: true, mediaUrl: true,
  provider: true, providerMessageId: true, errorCode: true, errorMessage: true, sentAt: true, deliveredAt: true, readAt: true, createdAt: true,
} as const satisfies Prisma.LeadWhatsAppLogSelect;
type WhatsAppRow = Prisma.LeadWhatsAppLogGetPayload<{ select: typeof whatsAppSelect }>;
export const toWhatsAppView = (r: WhatsAppRow) => ({ ...r, sentAt: iso(r.sentAt), deliveredAt: iso(r.deliveredAt), readAt: iso(r.readAt), createdAt: r.createdAt.toISOString() });

export async function listSmsLogs(deps: Deps, auth: AuthContext, leadId: string, page: LogWindow) {
  await assertLeadVisible(deps, auth, leadId);
  return deps.db.leadSmsLog.findMany({ where: { AND: [{ rawLeadId: leadId }, olderThan(page.after)] }, orderBy: newestFirst, take: page.take, select: smsSelect });
}

export async function listEmailLogs(deps: Deps, auth: AuthContext, leadId: string, page: LogWindow) {
  await assertLeadVisible(deps, auth, leadId);
  return deps.db.leadEmailLog.findMany({ where: { AND: [{ rawLeadId: leadId }, olderThan(page.after)] }, orderBy: newestFirst, take: page.take, select: emailSelect });
}

export async function listWhatsAppLogs(deps: Deps, auth: AuthContext, leadId: string, page: LogWindow) {
  await assertLeadVisible(deps, auth, leadId);
  return deps.db.leadWhatsAppLog.findMany({ where: { AND: [{ rawLeadId: leadId }, olderThan(page.after)] }, orderBy: newestFirst, take: page.take, select: whatsAppSelect });
}
