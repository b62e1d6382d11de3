// The legacy `leads` table (mas_crm.leads, tied to a User): read-only for admins, and migrated
// one at a time into the CRM spine through the ordinary lead capture (so a phone or email the
// CRM already holds merges). Idempotent: the legacy row is locked FOR UPDATE, and the raw
// lead's activity row carrying metadata.legacyLeadId marks it migrated, so a second or a
// parallel call answers the same raw lead. The legacy assignee carries over (raw_leads.assignedTo,
// method import, with its history row) when that user still exists, is an active SALES user, and
// the raw lead has no assignee yet (a merge into a lead someone already works keeps theirs), and
// they are under their team's open-lead cap; otherwise the lead is left for the usual assignment.
import { defaultSessionYear } from '../../domain/crm/lead-merge.js';
import { normalizeEmail, normalizePhone } from '../../domain/crm/phone.js';
import { DomainError } from '../../domain/errors.js';
import type { LeadStatus, Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { writeAssignment } from './assignment.js';
import { CAPTURE_TX_OPTIONS, captureLeadInTx, retryOnConflict } from './lead-capture.js';
import { lockLeadCapacity } from './sales-heads.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const legacyLeadSelect = { id: true, userId: true, assignedTo: true, name: true, email: true, phone: true, source: true, notes: true, status: true, platform: true, createdAt: true, updatedAt: true } as const satisfies Prisma.LeadSelect;
type LegacyRow = Prisma.LeadGetPayload<{ select: typeof legacyLeadSelect }>;
export const toLegacyLeadView = (r: LegacyRow) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

export function listLegacyLeads(
  deps: Deps,
  f: { status?: LeadStatus | undefined; assignedTo?: string | undefined; userId?: string | undefined },
  page: { where: Prisma.LeadWhereInput; orderBy: Prisma.LeadOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.LeadWhereInput[] = [page.where];
  if (f.status) where.push({ status: f.status });
  if (f.assignedTo) where.push({ assignedTo: f.assignedTo });
  if (f.userId) where.push({ userId: f.userId });
  return deps.db.lead.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: legacyLeadSelect });
}

export interface MigrateResult {
  legacyLeadId: string;
  rawLeadId: string;
  /** False when an earlier call already migrated it. */
  migrated: boolean;
  /** True when the capture merged into a raw lead that already held the phone or email. */
  merged: boolean;
}

export async function migrateLegacyLead(deps: Deps, auth: AuthContext, id: string): Promise<MigrateResult> {
  return retryOnConflict(() =>
    deps.db.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "mas_crm"."leads" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (!locked) throw new DomainError('NOT_FOUND', 'No such legacy lead');
      const [done] = await tx.$queryRaw<{ rawLeadId: string }[]>`
        SELECT "raw_lead_id" AS "rawLeadId" FROM "mas_crm"."lead_activity_log"
        WHERE "metadata"->>'legacyLeadId' = ${id} ORDER BY "created_at" LIMIT 1`;
      if (done) return { legacyLeadId: id, rawLeadId: done.rawLeadId, migrated: false, merged: false };
      const legacy = await tx.lead.findUniqueOrThrow({ where: { id }, include: { user: { select: { name: true, email: true, phone: true } } } });
      const phoneIn = legacy.phone ?? legacy.user.phone;
      const emailIn = legacy.email ?? legacy.user.email;
      const phone = phoneIn ? normalizePhone(phoneIn) : null;
      const email = emailIn ? normalizeEmail(emailIn) : null;
      if (!phone && !email) throw new DomainError('UNPROCESSABLE', 'The legacy lead (and its user) has no usable phone or email: nothing to match or reach it by');
      const { lead, merged } = await captureLeadInTx(tx, {
        platform: legacy.platform ?? 'my-analytics-school',
        name: legacy.name ?? legacy.user.name,
        phone,
        email,
        sessionYear: defaultSessionYear(legacy.createdAt),
        sourceType: 'import',
        fields: { sourceDetail: legacy.source ? `legacy: ${legacy.source}`.slice(0, 200) : 'legacy lead' },
        extraData: { legacyLeadId: id, legacyUserId: legacy.userId, ...(legacy.notes ? { legacyNotes: legacy.notes } : {}) },
        performedBy: auth.userId,
      });
      if (legacy.assignedTo && !lead.assignedTo) {
        const assignee = await tx.user.findUnique({ where: { id: legacy.assignedTo }, select: { role: true, isActive: true } });
        // Under their head's open-lead cap only (taken after the lead locks, like every assignment).
        if (assignee?.role === 'SALES' && assignee.isActive && (await lockLeadCapacity(tx, [legacy.assignedTo])).get(legacy.assignedTo)! >= 1) {
          await writeAssignment(tx, { lead, to: legacy.assignedTo, by: auth.userId, method: 'import', reason: 'Assignee of the legacy lead', at: new Date() });
        }
      }
      await tx.leadActivityLog.create({
        data: { rawLeadId: lead.id, performedBy: auth.userId, activityType: 'updated', description: 'Migrated from a legacy lead', metadata: { legacyLeadId: id, legacyStatus: legacy.status, legacyAssignedTo: legacy.assignedTo } },
      });
      return { legacyLeadId: id, rawLeadId: lead.id, migrated: true, merged };
    }, CAPTURE_TX_OPTIONS),
  );
}
