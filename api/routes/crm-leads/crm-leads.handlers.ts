// CRM leads: capture (create or merge), visibility-scoped lists and reads, and assignment with
// its history. Every read goes through visibleLeadsWhere; a lead you may not see is a 404.
import type { RouteHandler } from '@hono/zod-openapi';
import { assignmentRefusal } from '../../../domain/crm/access.js';
import { defaultSessionYear } from '../../../domain/crm/lead-merge.js';
import { normalizePhone } from '../../../domain/crm/phone.js';
import type { Prisma } from '../../../prisma/generated/client.js';
import { bulkAssign, writeAssignment } from '../../../services/crm/assignment.js';
import { CAPTURE_TX_OPTIONS, captureLead, retryOnConflict } from '../../../services/crm/lead-capture.js';
import { emitLeadEvents, recordLeadEvents } from '../../../services/crm-engine/triggers.js';
import { normalizeContact } from '../../../services/crm/lead-input.js';
import { toCrmLead, visibleLeadsWhere } from '../../../services/crm/lead-view.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import type { assignLeadRoute, bulkAssignRoute, captureLeadRoute, getLeadRoute, listLeadsRoute, updateLeadRoute } from './crm-leads.routes.js';

export const captureLeadHandler: RouteHandler<typeof captureLeadRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const auth = c.get('auth')!;
  const { db } = c.var.deps;
  const contact = normalizeContact(body);
  const { lead, merged } = await captureLead(db, {
    platform: c.get('platform'),
    name: contact.name,
    phone: contact.phone,
    email: contact.email,
    sessionYear: body.sessionYear ?? defaultSessionYear(new Date()),
    sourceType: body.sourceType,
    fields: { ...contact.fields, batchId: body.batchId ?? null, webinarId: body.webinarId ?? null },
    extraData: contact.extraData,
    performedBy: auth.userId,
  });
  if (!merged) await emitLeadEvents(c.var.deps, [{ type: 'LEAD_CREATED', leadId: lead.id, platform: lead.platform, sourceType: lead.sourceType, formId: lead.sourceDetail }]);
  // A merge can land on a lead someone else works: say so, but do not show it.
  const visible = !merged || (await db.rawLead.count({ where: { AND: [{ id: lead.id }, visibleLeadsWhere(auth)] } })) > 0;
  const result = { id: lead.id, merged, lead: visible ? toCrmLead(lead) : null };
  return merged ? c.json(result, 200) : c.json(result, 201);
};

export const listLeadsHandler: RouteHandler<typeof listLeadsRoute, AppEnv> = async (c) => {
  const { cursor, limit, status, assignedTo, sourceType, createdFrom, createdTo, q } = c.req.valid('query');
  const page = keyset(cursor);
  const phone = q ? normalizePhone(q) : null;
  const filters: Prisma.RawLeadWhereInput[] = [
    page.where,
    visibleLeadsWhere(c.get('auth')!),
    c.get('platformExplicit') ? { platform: c.get('platform') } : {},
    status ? { status } : {},
    assignedTo ? { assignedTo } : {},
    sourceType ? { sourceType } : {},
    createdFrom || createdTo ? { createdAt: { ...(createdFrom ? { gte: new Date(createdFrom) } : {}), ...(createdTo ? { lte: new Date(createdTo) } : {}) } } : {},
    q
      ? {
          OR: [
            { name: { contains: q, mode: 'insensitive' } },
            { email: { contains: q, mode: 'insensitive' } },
            { phone: { contains: q } },
            ...(phone ? [{ phone }] : []),
          ],
        }
      : {},
  ];
  const rows = await c.var.deps.db.rawLead.findMany({ where: { AND: filters }, orderBy: page.orderBy, take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toCrmLead), nextCursor }, 200);
};

export const getLeadHandler: RouteHandler<typeof getLeadRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const lead = await c.var.deps.db.rawLead.findFirst({ where: { AND: [{ id }, visibleLeadsWhere(c.get('auth')!)] } });
  if (!lead) throw new DomainError('NOT_FOUND', 'No such lead');
  return c.json(toCrmLead(lead), 200);
};

export const assignLeadHandler: RouteHandler<typeof assignLeadRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { assignedTo, reason } = c.req.valid('json');
  const auth = c.get('auth')!;
  const { db } = c.var.deps;
  const assignee = await db.user.findUnique({ where: { id: assignedTo }, select: { id: true, role: true, isActive: true, salesHeadId: true } });
  const lead = await retryOnConflict(() =>
    db.$transaction(async (tx) => {
      // Lock the lead first, so two concurrent assignments record a true from → to chain.
      await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ${id}::uuid FOR UPDATE`;
      const current = await tx.rawLead.findFirst({ where: { AND: [{ id }, visibleLeadsWhere(auth)] } });
      if (!current) throw new DomainError('NOT_FOUND', 'No such lead');
      const refusal = assignmentRefusal(auth, assignee);
      if (refusal) throw new DomainError(refusal.code, refusal.detail, refusal.code === 'UNPROCESSABLE' ? [{ path: 'json.assignedTo', message: refusal.detail }] : undefined);
      const now = new Date();
      const changed = await writeAssignment(tx, { lead: current, to: assignedTo, by: auth.userId, method: 'manual', reason: reason ?? null, at: now });
      // Already theirs: nothing recorded.
      const updated = changed ? { ...current, assignedTo, assignedAt: now } : current;
      return updated;
    }, CAPTURE_TX_OPTIONS),
  );
  return c.json(toCrmLead(lead), 200);
};

export const bulkAssignHandler: RouteHandler<typeof bulkAssignRoute, AppEnv> = async (c) => {
  const results = await bulkAssign(c.var.deps, c.get('auth')!, c.req.valid('json'));
  const summary: Record<string, number> = {};
  for (const r of results) summary[r.status] = (summary[r.status] ?? 0) + 1;
  return c.json({ results, summary }, 200);
};

export const updateLeadHandler: RouteHandler<typeof updateLeadRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { note, ...changes } = c.req.valid('json');
  const auth = c.get('auth')!;
  const deps = c.var.deps;
  const { before, after } = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ${id}::uuid FOR UPDATE`;
    const current = await tx.rawLead.findFirst({ where: { AND: [{ id }, visibleLeadsWhere(auth)] } });
    if (!current) throw new DomainError('NOT_FOUND', 'No such lead');
    const changed = Object.fromEntries(Object.entries(changes).filter(([k, v]) => current[k as keyof typeof current] !== v));
    if (!Object.keys(changed).length) return { before: current, after: current };
    const updated = await tx.rawLead.update({ where: { id }, data: changed });
    const { status, ...fields } = changed;
    if (status !== undefined) {
      await recordLeadEvents(tx, [{ type: 'LEAD_STATUS_CHANGED', leadId: id, platform: current.platform, fromStatus: current.status, toStatus: String(status) }]);
      await tx.leadActivityLog.create({
        data: { rawLeadId: id, performedBy: auth.userId, activityType: 'status_changed', description: `Status ${current.status} → ${String(status)}`, metadata: { from: current.status, to: status, ...(note ? { note } : {}) } },
      });
    }
    if (Object.keys(fields).length) {
      const from = Object.fromEntries(Object.keys(fields).map((k) => [k, current[k as keyof typeof current] ?? null]));
      await tx.leadActivityLog.create({
        data: { rawLeadId: id, performedBy: auth.userId, activityType: 'updated', description: `Updated ${Object.keys(fields).join(', ')}`, metadata: { from, to: fields, ...(note ? { note } : {}) } as Prisma.InputJsonValue },
      });
    }
    return { before: current, after: updated };
  });
  if (before.status !== after.status) {
    await emitLeadEvents(deps, [{ type: 'LEAD_STATUS_CHANGED', leadId: id, platform: after.platform, fromStatus: before.status, toStatus: after.status }]);
  }
  return c.json(toCrmLead(after), 200);
};
