// Sales-head profiles (mas_crm.sales_head_profiles): staff (ADMIN, SUPERADMIN) write a SALES
// user's profile; the head reads their own; staff list them. The rules it carries
// (domain/crm/sales-head.ts) are read here for the rest of the CRM: the open-lead cap (checked
// under a per-assignee advisory lock, so two assignments racing cannot both take the last slot),
// whether a claim needs approval, and whether automatic routing may use the team.
import { seesAllLeads } from '../../domain/crm/access.js';
import { capacityLeft, CLOSED_LEAD_STATUSES, DEFAULT_SALES_HEAD_RULES, type SalesHeadRules } from '../../domain/crm/sales-head.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { Tx } from './lead-capture.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Reader = Tx | Deps['db'];

export const salesHeadProfileSelect = {
  id: true,
  userId: true,
  teamName: true,
  region: true,
  platform: true,
  autoAssignEnabled: true,
  requiresAssignmentApproval: true,
  maxOpenLeadsPerSalesperson: true,
  isActive: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.SalesHeadProfileSelect;
type Row = Prisma.SalesHeadProfileGetPayload<{ select: typeof salesHeadProfileSelect }>;

export const toSalesHeadProfileView = (r: Row, teamSize: number) => ({ ...r, teamSize, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() });

/** The rules a head's team works under (the defaults without a profile). */
export async function salesHeadRules(db: Reader, headId: string): Promise<SalesHeadRules> {
  const p = await db.salesHeadProfile.findUnique({ where: { userId: headId }, select: { autoAssignEnabled: true, requiresAssignmentApproval: true, maxOpenLeadsPerSalesperson: true } });
  return p ?? DEFAULT_SALES_HEAD_RULES;
}

const teamSize = (db: Reader, headId: string) => db.user.count({ where: { salesHeadId: headId, role: 'SALES', isActive: true } });

/** The head's own profile, or staff reading anyone's; a SALES user without one reads the defaults (id null). Anyone else: 404. */
export async function getSalesHeadProfile({ db }: Deps, auth: AuthContext, userId: string) {
  if (!seesAllLeads(auth.role) && auth.userId !== userId) throw new DomainError('NOT_FOUND', 'No such sales head');
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user || user.role !== 'SALES') throw new DomainError('NOT_FOUND', 'No such sales head');
  const row = await db.salesHeadProfile.findUnique({ where: { userId }, select: salesHeadProfileSelect });
  const size = await teamSize(db, userId);
  if (row) return toSalesHeadProfileView(row, size);
  return { id: null, userId, teamName: null, region: null, platform: 'my-analytics-school', ...DEFAULT_SALES_HEAD_RULES, isActive: true, teamSize: size, createdAt: null, updatedAt: null };
}

export interface SalesHeadProfileInput {
  teamName?: string | null | undefined;
  region?: string | null | undefined;
  platform?: string | undefined;
  autoAssignEnabled?: boolean | undefined;
  requiresAssignmentApproval?: boolean | undefined;
  maxOpenLeadsPerSalesperson?: number | null | undefined;
  isActive?: boolean | undefined;
}

/** Creates or updates a SALES user's profile (staff). A non-SALES user is 422; an unknown one 404. */
export async function putSalesHeadProfile({ db }: Deps, userId: string, input: SalesHeadProfileInput) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new DomainError('NOT_FOUND', 'No such user');
  if (user.role !== 'SALES') throw new DomainError('UNPROCESSABLE', 'Only a SALES user heads a sales team', [{ path: 'param.userId', message: `The user is ${user.role}` }]);
  if (input.platform !== undefined && !(await db.platform.findUnique({ where: { key: input.platform }, select: { key: true } }))) {
    throw new DomainError('UNPROCESSABLE', 'No such platform', [{ path: 'json.platform', message: 'Unknown platform' }]);
  }
  const data = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as SalesHeadProfileInput;
  const row = await db.salesHeadProfile.upsert({ where: { userId }, create: { userId, ...data }, update: data, select: salesHeadProfileSelect });
  return toSalesHeadProfileView(row, await teamSize(db, userId));
}

/** Staff: every profile, newest first. */
export async function listSalesHeads(
  { db }: Deps,
  f: { platform?: string | undefined; isActive?: boolean | undefined },
  page: { where: Prisma.SalesHeadProfileWhereInput; orderBy: Prisma.SalesHeadProfileOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.SalesHeadProfileWhereInput[] = [page.where];
  if (f.platform) where.push({ platform: f.platform });
  if (f.isActive !== undefined) where.push({ isActive: f.isActive });
  const rows = await db.salesHeadProfile.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: salesHeadProfileSelect });
  const sizes = rows.length
    ? await db.user.groupBy({ by: ['salesHeadId'], where: { salesHeadId: { in: rows.map((r) => r.userId) }, role: 'SALES', isActive: true }, _count: { _all: true } })
    : [];
  const byHead = new Map(sizes.map((s) => [s.salesHeadId, s._count._all]));
  return rows.map((r) => ({ row: r, teamSize: byHead.get(r.userId) ?? 0 }));
}

/**
 * How many more open leads each assignee may take, under their head's cap. Locks each assignee
 * (sorted) for the rest of the transaction, so the count cannot go stale before the writes.
 */
export async function lockLeadCapacity(tx: Tx, userIds: Iterable<string>): Promise<Map<string, number>> {
  const left = new Map<string, number>();
  for (const userId of [...new Set(userIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`crm:lead-cap:${userId}`}, 0))`;
    const user = await tx.user.findUnique({ where: { id: userId }, select: { salesHeadId: true } });
    const cap = user?.salesHeadId ? (await salesHeadRules(tx, user.salesHeadId)).maxOpenLeadsPerSalesperson : null;
    const open = cap === null ? 0 : await tx.rawLead.count({ where: { assignedTo: userId, status: { notIn: [...CLOSED_LEAD_STATUSES] } } });
    left.set(userId, capacityLeft(cap, open));
  }
  return left;
}

/** 409 when `adding` more open leads would take `userId` over their head's cap. */
export async function assertUnderLeadCap(tx: Tx, userId: string, adding: number) {
  if (adding <= 0) return;
  const left = (await lockLeadCapacity(tx, [userId])).get(userId)!;
  if (adding > left) {
    throw new DomainError('CONFLICT', `The assignee is at the open-lead cap of their sales head's team (maxOpenLeadsPerSalesperson): room for ${left} more, asked for ${adding}`);
  }
}
