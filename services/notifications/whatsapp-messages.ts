// Reading the WhatsApp message log (whatsapp_messages): a user sees the messages of their own
// number; ADMIN/SUPERADMIN see anyone's, filtered by user, job application or status.
import type { Prisma, WhatsAppMessageStatus } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const whatsappMessageSelect = {
  id: true,
  userId: true,
  jobApplicationId: true,
  direction: true,
  wamid: true,
  fromPhone: true,
  toPhone: true,
  messageType: true,
  templateName: true,
  body: true,
  status: true,
  sentAt: true,
  deliveredAt: true,
  readAt: true,
  failedAt: true,
  errorCode: true,
  errorMessage: true,
  createdAt: true,
} as const satisfies Prisma.WhatsAppMessageSelect;
type Row = Prisma.WhatsAppMessageGetPayload<{ select: typeof whatsappMessageSelect }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;
export const toWhatsAppMessageView = (r: Row) => ({ ...r, sentAt: iso(r.sentAt), deliveredAt: iso(r.deliveredAt), readAt: iso(r.readAt), failedAt: iso(r.failedAt), createdAt: r.createdAt.toISOString() });

export interface WhatsAppMessageFilters {
  userId?: string | undefined;
  jobApplicationId?: string | undefined;
  status?: WhatsAppMessageStatus | undefined;
}

/** `filters.userId` is the caller's own id for a non-staff caller (the handler pins it). */
export async function listWhatsAppMessages(deps: Deps, filters: WhatsAppMessageFilters, page: { where: Prisma.WhatsAppMessageWhereInput; orderBy: Prisma.WhatsAppMessageOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.WhatsAppMessageWhereInput[] = [page.where];
  if (filters.userId) where.push({ userId: filters.userId });
  if (filters.jobApplicationId) where.push({ jobApplicationId: filters.jobApplicationId });
  if (filters.status) where.push({ status: filters.status });
  return deps.db.whatsAppMessage.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: whatsappMessageSelect });
}
