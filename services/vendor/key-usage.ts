// Admin reads of a vendor key's usage: its per-UTC-day access summaries (written on every vendor
// request) and the leads it ingested. 404 for an unknown key.
import { DomainError } from '../../domain/errors.js';
import type { Prisma, VendorLeadStatus } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;
const DAY_MS = 86_400_000;
/** Days per summaries request. */
export const SUMMARY_MAX_DAYS = 366;

async function assertKey(deps: Deps, id: string) {
  if (!(await deps.db.vendorApiKey.count({ where: { id } }))) throw new DomainError('NOT_FOUND', 'No such vendor key');
}

export const summarySelect = {
  day: true, requestCount: true, successCount: true, errorCount: true, rateLimitedCount: true, leadsReceivedCount: true, duplicateCount: true, firstRequestAt: true, lastRequestAt: true, lastIp: true,
} as const satisfies Prisma.VendorApiKeyAccessSummarySelect;
type SummaryRow = Prisma.VendorApiKeyAccessSummaryGetPayload<{ select: typeof summarySelect }>;
const toSummaryView = (r: SummaryRow) => ({ ...r, day: r.day.toISOString().slice(0, 10), firstRequestAt: r.firstRequestAt?.toISOString() ?? null, lastRequestAt: r.lastRequestAt?.toISOString() ?? null });

/** Days [from, to] (UTC, YYYY-MM-DD, default the last 30), newest first, with their totals. */
export async function keyAccessSummaries(deps: Deps, id: string, range: { from?: string | undefined; to?: string | undefined }, now = new Date()) {
  await assertKey(deps, id);
  const to = range.to ? new Date(`${range.to}T00:00:00Z`) : new Date(now.toISOString().slice(0, 10));
  const from = range.from ? new Date(`${range.from}T00:00:00Z`) : new Date(to.getTime() - 29 * DAY_MS);
  if (from > to) throw new DomainError('VALIDATION_FAILED', 'from is after to', [{ path: 'query.from', message: 'After to' }]);
  if ((to.getTime() - from.getTime()) / DAY_MS + 1 > SUMMARY_MAX_DAYS) throw new DomainError('VALIDATION_FAILED', `At most ${SUMMARY_MAX_DAYS} days`, [{ path: 'query.from', message: 'Range too long' }]);
  const rows = await deps.db.vendorApiKeyAccessSummary.findMany({ where: { vendorApiKeyId: id, day: { gte: from, lte: to } }, orderBy: { day: 'desc' }, select: summarySelect });
  const sum = (k: 'requestCount' | 'successCount' | 'errorCount' | 'rateLimitedCount' | 'leadsReceivedCount' | 'duplicateCount') => rows.reduce((s, r) => s + r[k], 0);
  return {
    from: from.toISOString().slice(0, 10),
    to: to.toISOString().slice(0, 10),
    days: rows.map(toSummaryView),
    totals: { requestCount: sum('requestCount'), successCount: sum('successCount'), errorCount: sum('errorCount'), rateLimitedCount: sum('rateLimitedCount'), leadsReceivedCount: sum('leadsReceivedCount'), duplicateCount: sum('duplicateCount') },
  };
}

export const keyLeadSelect = {
  id: true, status: true, externalLeadId: true, name: true, email: true, phone: true, city: true, promotedRawLeadId: true, promotedAt: true, rejectionReason: true, requestIp: true, createdAt: true,
} as const satisfies Prisma.VendorLeadSelect;
type LeadRow = Prisma.VendorLeadGetPayload<{ select: typeof keyLeadSelect }>;
export const toKeyLeadView = (r: LeadRow) => ({ ...r, promotedAt: r.promotedAt?.toISOString() ?? null, createdAt: r.createdAt.toISOString() });

export async function keyLeads(deps: Deps, id: string, f: { status?: VendorLeadStatus | undefined }, page: { where: Prisma.VendorLeadWhereInput; orderBy: Prisma.VendorLeadOrderByWithRelationInput[]; take: number }) {
  await assertKey(deps, id);
  const where: Prisma.VendorLeadWhereInput[] = [page.where, { vendorApiKeyId: id }];
  if (f.status) where.push({ status: f.status });
  return deps.db.vendorLead.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: keyLeadSelect });
}
