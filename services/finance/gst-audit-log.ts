// The GST audit trail (superadmin.gst_audit_logs): every invoice generated, credit note issued
// and GST field changed, with its before and after values and who did it, newest first. Finance
// (SUPERADMIN) reads it by payment, invoice number or action.
import type { Db } from '../../infra/prisma.js';
import type { GstAuditLogAction, Prisma } from '../../prisma/generated/client.js';

export interface GstAuditFilters {
  globalPaymentId?: string | undefined;
  invoiceNumber?: string | undefined;
  action?: GstAuditLogAction | undefined;
}

export async function gstAuditLog(db: Db, f: GstAuditFilters, page: { where: Prisma.GstAuditLogWhereInput; orderBy: Prisma.GstAuditLogOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.GstAuditLogWhereInput[] = [page.where];
  if (f.globalPaymentId) where.push({ globalPaymentId: f.globalPaymentId });
  if (f.invoiceNumber) where.push({ invoiceNumber: f.invoiceNumber });
  if (f.action) where.push({ action: f.action });
  return db.gstAuditLog.findMany({
    where: { AND: where },
    orderBy: page.orderBy,
    take: page.take,
    select: { id: true, globalPaymentId: true, invoiceNumber: true, action: true, performedById: true, reason: true, before: true, after: true, createdAt: true },
  });
}
