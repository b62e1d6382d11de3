// Read side of lead follow-ups: my queue, the overdue list, and one lead's follow-ups. Soonest
// due first (keyset on dueAt, id). Every list is cut by the lead visibility rule, so a follow-up
// on a lead the caller may no longer see is not shown, even when it still names them.
import { DomainError } from '../../domain/errors.js';
import type { LeadFollowUpStatus, Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { followUpSelect } from './follow-ups.js';
import { assertLeadVisible } from './lead-logs.js';
import { visibleLeadsWhere } from './lead-view.js';

type Deps = Pick<ServiceDeps, 'db'>;
export interface DueWindow {
  where: Prisma.LeadFollowUpWhereInput;
  orderBy: Prisma.LeadFollowUpOrderByWithRelationInput[];
  take: number;
}

type Row = Prisma.LeadFollowUpGetPayload<{ select: typeof followUpSelect }>;
export const toFollowUpView = (f: Row) => ({ ...f, dueAt: f.dueAt.toISOString(), reminderSentAt: f.reminderSentAt?.toISOString() ?? null });

function dueBetween(from: string | undefined, to: string | undefined): Prisma.LeadFollowUpWhereInput {
  if (from && to && new Date(to) < new Date(from)) throw new DomainError('VALIDATION_FAILED', 'dueTo is before dueFrom', [{ path: 'query.dueTo', message: 'Before dueFrom' }]);
  return from || to ? { dueAt: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lte: new Date(to) } : {}) } } : {};
}

/** The caller's own follow-ups (they are the assignee). */
export function myFollowUps(deps: Deps, auth: AuthContext, f: { status?: LeadFollowUpStatus | undefined; dueFrom?: string | undefined; dueTo?: string | undefined }, page: DueWindow) {
  const where: Prisma.LeadFollowUpWhereInput[] = [page.where, { assigneeId: auth.userId, rawLead: visibleLeadsWhere(auth) }, dueBetween(f.dueFrom, f.dueTo)];
  if (f.status) where.push({ status: f.status });
  return deps.db.leadFollowUp.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: followUpSelect });
}

/** Still scheduled and past due, on leads the caller may see (a head: the team's; admins: all). */
export function overdueFollowUps(deps: Deps, auth: AuthContext, f: { assigneeId?: string | undefined }, page: DueWindow, now = new Date()) {
  const where: Prisma.LeadFollowUpWhereInput[] = [page.where, { status: 'scheduled', dueAt: { lt: now }, rawLead: visibleLeadsWhere(auth) }];
  if (f.assigneeId) where.push({ assigneeId: f.assigneeId });
  return deps.db.leadFollowUp.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: followUpSelect });
}

export async function leadFollowUps(deps: Deps, auth: AuthContext, leadId: string, f: { status?: LeadFollowUpStatus | undefined }, page: DueWindow) {
  await assertLeadVisible(deps, auth, leadId);
  const where: Prisma.LeadFollowUpWhereInput[] = [page.where, { rawLeadId: leadId }];
  if (f.status) where.push({ status: f.status });
  return deps.db.leadFollowUp.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: followUpSelect });
}
