// Lead tags (mas_crm.lead_tags) and their use on leads (raw_lead_tags). Tags are a shared
// vocabulary per platform: every CRM user lists and creates them, admins rename and delete them
// (a delete untags every lead). Tagging goes through the lead's visibility: a lead the caller may
// not see is 404, and a tag of another platform is 422. Tagging is idempotent (a tag already on
// the lead changes nothing); the leads list filters by tag (services/crm/leads.ts).
import { DomainError } from '../../domain/errors.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { visibleLeadsWhere } from './lead-view.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const leadTagSelect = { id: true, name: true, color: true, description: true, platform: true, createdById: true, createdAt: true, updatedAt: true } as const satisfies Prisma.LeadTagSelect;
type TagRow = Prisma.LeadTagGetPayload<{ select: typeof leadTagSelect }>;
export const toLeadTagView = (t: TagRow) => ({ ...t, createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString() });

export async function listLeadTags(deps: Deps, platform: string, q: string | undefined) {
  const rows = await deps.db.leadTag.findMany({ where: { platform, ...(q ? { name: { contains: q, mode: 'insensitive' } } : {}) }, orderBy: { name: 'asc' }, take: 500, select: leadTagSelect });
  return rows.map(toLeadTagView);
}

export async function createLeadTag(deps: Deps, auth: AuthContext, platform: string, body: { name: string; color?: string | undefined; description?: string | undefined }) {
  try {
    return toLeadTagView(await deps.db.leadTag.create({ data: { platform, name: body.name, color: body.color ?? null, description: body.description ?? null, createdById: auth.userId }, select: leadTagSelect }));
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', `A tag named “${body.name}” exists on this platform`);
    throw err;
  }
}

export async function updateLeadTag(deps: Deps, id: string, patch: { name?: string | undefined; color?: string | null | undefined; description?: string | null | undefined }) {
  try {
    const row = await deps.db.leadTag.update({ where: { id }, data: { ...(patch.name ? { name: patch.name } : {}), ...(patch.color !== undefined ? { color: patch.color } : {}), ...(patch.description !== undefined ? { description: patch.description } : {}) }, select: leadTagSelect });
    return toLeadTagView(row);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') throw new DomainError('NOT_FOUND', 'No such tag');
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A tag of that name exists on this platform');
    throw err;
  }
}

export async function deleteLeadTag(deps: Deps, id: string): Promise<void> {
  const gone = await deps.db.leadTag.deleteMany({ where: { id } });
  if (!gone.count) throw new DomainError('NOT_FOUND', 'No such tag');
}

async function visibleLead(deps: Deps, auth: AuthContext, leadId: string) {
  const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id: leadId }, visibleLeadsWhere(auth)] }, select: { id: true, platform: true } });
  if (!lead) throw new DomainError('NOT_FOUND', 'No such lead');
  return lead;
}

export async function leadTagsOf(deps: Deps, auth: AuthContext, leadId: string) {
  await visibleLead(deps, auth, leadId);
  const rows = await deps.db.rawLeadTag.findMany({ where: { rawLeadId: leadId }, orderBy: { createdAt: 'asc' }, select: { taggedById: true, createdAt: true, leadTag: { select: leadTagSelect } } });
  return rows.map((r) => ({ ...toLeadTagView(r.leadTag), taggedById: r.taggedById, taggedAt: r.createdAt.toISOString() }));
}

/** Adds tags to a lead the caller sees; tags already on it stay as they were. */
export async function tagLead(deps: Deps, auth: AuthContext, leadId: string, tagIds: string[]) {
  const lead = await visibleLead(deps, auth, leadId);
  const tags = await deps.db.leadTag.findMany({ where: { id: { in: tagIds } }, select: { id: true, platform: true } });
  const missing = tagIds.filter((id) => !tags.some((t) => t.id === id && t.platform === lead.platform));
  if (missing.length) throw new DomainError('UNPROCESSABLE', 'Unknown tags for this lead’s platform', missing.map((id) => ({ path: 'json.tagIds', message: `No tag ${id} on ${lead.platform}` })));
  await deps.db.rawLeadTag.createMany({ data: tagIds.map((leadTagId) => ({ rawLeadId: leadId, leadTagId, taggedById: auth.userId })), skipDuplicates: true });
  return leadTagsOf(deps, auth, leadId);
}

export async function untagLead(deps: Deps, auth: AuthContext, leadId: string, tagId: string): Promise<void> {
  await visibleLead(deps, auth, leadId);
  await deps.db.rawLeadTag.deleteMany({ where: { rawLeadId: leadId, leadTagId: tagId } });
}
