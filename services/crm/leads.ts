// CRM lead use cases for staff: capture (create or merge), visibility-scoped list and read, and
// a single manual assignment with its history. Every read goes through visibleLeadsWhere, so a
// lead the caller may not see is NOT_FOUND.
import { assignmentRefusal } from '../../domain/crm/access.js';
import { defaultSessionYear } from '../../domain/crm/lead-merge.js';
import { normalizePhone } from '../../domain/crm/phone.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma, RawLead, RawLeadSourceType, RawLeadStatus } from '../../prisma/generated/client.js';
import { emitLeadEvents } from '../crm-engine/triggers.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { findAssignee, writeAssignment } from './assignment.js';
import { assertUnderLeadCap } from './sales-heads.js';
import { CAPTURE_TX_OPTIONS, captureLead, retryOnConflict } from './lead-capture.js';
import { normalizeContact } from './lead-input.js';
import { visibleLeadsWhere } from './lead-view.js';

/** One page's window, built by the caller from its cursor (keyset on createdAt, id). */
export interface PageWindow<W> {
  where: W;
  orderBy: Prisma.RawLeadOrderByWithRelationInput[] | Prisma.RawLeadOrderByWithRelationInput;
  take: number;
}

export type StaffCapture = Parameters<typeof normalizeContact>[0] & {
  sessionYear?: string | undefined;
  sourceType: RawLeadSourceType;
  batchId?: string | undefined;
  webinarId?: string | undefined;
};

/** A merge can land on a lead someone else works: `lead` is null when the caller may not see it. */
export async function captureStaffLead(deps: ServiceDeps, auth: AuthContext, platform: string, body: StaffCapture): Promise<{ id: string; merged: boolean; lead: RawLead | null }> {
  const contact = normalizeContact(body);
  const { lead, merged } = await captureLead(deps.db, {
    platform,
    name: contact.name,
    phone: contact.phone,
    email: contact.email,
    sessionYear: body.sessionYear ?? defaultSessionYear(new Date()),
    sourceType: body.sourceType,
    fields: { ...contact.fields, batchId: body.batchId ?? null, webinarId: body.webinarId ?? null },
    extraData: contact.extraData,
    performedBy: auth.userId,
  });
  if (!merged) await emitLeadEvents(deps, [{ type: 'LEAD_CREATED', leadId: lead.id, platform: lead.platform, sourceType: lead.sourceType, formId: lead.sourceDetail }]);
  const visible = !merged || (await deps.db.rawLead.count({ where: { AND: [{ id: lead.id }, visibleLeadsWhere(auth)] } })) > 0;
  return { id: lead.id, merged, lead: visible ? lead : null };
}

export interface LeadFilters {
  /** Only this platform (when the caller named one explicitly). */
  platform?: string | undefined;
  status?: RawLeadStatus | undefined;
  assignedTo?: string | undefined;
  sourceType?: RawLeadSourceType | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
  /** Name, email or phone contains; a phone-like query also matches the normalised number. */
  q?: string | undefined;
  /** Only leads carrying this tag (mas_crm.raw_lead_tags). */
  tagId?: string | undefined;
}

export function listLeads(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, f: LeadFilters, page: PageWindow<Prisma.RawLeadWhereInput>): Promise<RawLead[]> {
  const phone = f.q ? normalizePhone(f.q) : null;
  const filters: Prisma.RawLeadWhereInput[] = [
    page.where,
    visibleLeadsWhere(auth),
    f.platform ? { platform: f.platform } : {},
    f.status ? { status: f.status } : {},
    f.assignedTo ? { assignedTo: f.assignedTo } : {},
    f.sourceType ? { sourceType: f.sourceType } : {},
    f.tagId ? { tags: { some: { leadTagId: f.tagId } } } : {},
    f.createdFrom || f.createdTo ? { createdAt: { ...(f.createdFrom ? { gte: new Date(f.createdFrom) } : {}), ...(f.createdTo ? { lte: new Date(f.createdTo) } : {}) } } : {},
    f.q
      ? {
          OR: [
            { name: { contains: f.q, mode: 'insensitive' } },
            { email: { contains: f.q, mode: 'insensitive' } },
            { phone: { contains: f.q } },
            ...(phone ? [{ phone }] : []),
          ],
        }
      : {},
  ];
  return deps.db.rawLead.findMany({ where: { AND: filters }, orderBy: page.orderBy, take: page.take });
}

export async function getLead(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string): Promise<RawLead> {
  const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id }, visibleLeadsWhere(auth)] } });
  if (!lead) throw new DomainError('NOT_FOUND', 'No such lead');
  return lead;
}

export async function assignLead(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, input: { id: string; assignedTo: string; reason?: string | undefined }): Promise<RawLead> {
  const { id, assignedTo } = input;
  const assignee = await findAssignee(deps, assignedTo);
  return retryOnConflict(() =>
    deps.db.$transaction(async (tx) => {
      // Lock the lead first, so two concurrent assignments record a true from → to chain.
      await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ${id}::uuid FOR UPDATE`;
      const current = await tx.rawLead.findFirst({ where: { AND: [{ id }, visibleLeadsWhere(auth)] } });
      if (!current) throw new DomainError('NOT_FOUND', 'No such lead');
      const refusal = assignmentRefusal(auth, assignee);
      if (refusal) throw new DomainError(refusal.code, refusal.detail, refusal.code === 'UNPROCESSABLE' ? [{ path: 'json.assignedTo', message: refusal.detail }] : undefined);
      // The head's open-lead cap (sales_head_profiles.maxOpenLeadsPerSalesperson): 409 over it.
      if (current.assignedTo !== assignedTo) await assertUnderLeadCap(tx, assignedTo, 1);
      const now = new Date();
      const changed = await writeAssignment(tx, { lead: current, to: assignedTo, by: auth.userId, method: 'manual', reason: input.reason ?? null, at: now });
      // Already theirs: nothing recorded.
      return changed ? { ...current, assignedTo, assignedAt: now } : current;
    }, CAPTURE_TX_OPTIONS),
  );
}
