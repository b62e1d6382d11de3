// Lead-assignment approvals (mas_crm.lead_assignment_approvals): a salesperson asks for leads of
// their team's pool to be (re)assigned to them; their sales head (users.salesHeadId) or an admin
// approves — the assignments are written in the same transaction that claims the pending row,
// so parallel approvals apply once — or rejects. The requester may cancel while it is pending.
// Direct assignment by the head (leads.ts assignLead) does not go through here.
// The head's profile (sales_head_profiles) decides whether a claim waits: only with
// requiresAssignmentApproval is it left pending; otherwise it is recorded approved (no reviewer)
// and applied in the request's own transaction. Either way the leads are held to the head's
// open-lead cap (maxOpenLeadsPerSalesperson): over it, the whole request is 409.
import { assignmentRefusal, seesAllLeads } from '../../domain/crm/access.js';
import { DomainError } from '../../domain/errors.js';
import type { LeadAssignmentApprovalStatus, Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { findAssignee, writeAssignment } from './assignment.js';
import { CAPTURE_TX_OPTIONS, retryOnConflict } from './lead-capture.js';
import { visibleLeadsWhere } from './lead-view.js';
import { assertUnderLeadCap, salesHeadRules } from './sales-heads.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** Leads per request. */
export const APPROVAL_MAX_LEADS = 100;

export const approvalSelect = {
  id: true,
  requestedById: true,
  reviewedById: true,
  rawLeadIds: true,
  status: true,
  reason: true,
  reviewNote: true,
  reviewedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.LeadAssignmentApprovalSelect;
type ApprovalRow = Prisma.LeadAssignmentApprovalGetPayload<{ select: typeof approvalSelect }>;

export const toApprovalView = (r: ApprovalRow) => ({
  ...r,
  reviewedAt: r.reviewedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** Requests the caller may see: admins all; a salesperson their own and their team members'. */
function visibleApprovalsWhere(auth: AuthContext): Prisma.LeadAssignmentApprovalWhereInput {
  if (seesAllLeads(auth.role)) return {};
  return { OR: [{ requestedById: auth.userId }, { requestedBy: { is: { salesHeadId: auth.userId } } }] };
}

/**
 * A salesperson asks for leads to be assigned to them. The leads must be in their team's pool
 * (ones their sales head may see); others answer 404, as if they did not exist. One pending
 * request per lead and requester: a second answers 409 (serialised per requester).
 */
export async function requestAssignment(deps: Deps, auth: AuthContext, input: { leadIds: string[]; reason?: string | undefined }) {
  const ids = [...new Set(input.leadIds)];
  const me = await findAssignee(deps, auth.userId);
  if (!me || me.role !== 'SALES' || !me.isActive) throw new DomainError('FORBIDDEN', 'Only an active salesperson requests leads');
  if (!me.salesHeadId) throw new DomainError('UNPROCESSABLE', 'You are on no sales head’s team: ask an admin to assign the leads');
  const head: AuthContext = { userId: me.salesHeadId, role: 'SALES' };
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`crm:approval-request:${auth.userId}`}, 0))`;
    const leads = await tx.rawLead.findMany({ where: { AND: [{ id: { in: ids } }, visibleLeadsWhere(head)] }, select: { id: true, assignedTo: true } });
    const found = new Map(leads.map((l) => [l.id, l]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw new DomainError('NOT_FOUND', 'No such lead in your team’s pool', missing.map((id) => ({ path: 'json.leadIds', message: id })));
    const mine = leads.filter((l) => l.assignedTo === auth.userId).map((l) => l.id);
    if (mine.length) throw new DomainError('UNPROCESSABLE', 'Some leads are already yours', mine.map((id) => ({ path: 'json.leadIds', message: id })));
    const dup = await tx.leadAssignmentApproval.findFirst({ where: { requestedById: auth.userId, status: 'pending', rawLeadIds: { hasSome: ids } }, select: { id: true } });
    if (dup) throw new DomainError('CONFLICT', `You already have a pending request (${dup.id}) for some of these leads`);
    if ((await salesHeadRules(tx, me.salesHeadId!)).requiresAssignmentApproval) {
      const row = await tx.leadAssignmentApproval.create({ data: { requestedById: auth.userId, rawLeadIds: ids, reason: input.reason ?? null }, select: approvalSelect });
      return toApprovalView(row);
    }
    // The head does not require approval: recorded approved and applied now.
    const now = new Date();
    const row = await tx.leadAssignmentApproval.create({
      data: { requestedById: auth.userId, rawLeadIds: ids, reason: input.reason ?? null, status: 'approved', reviewedAt: now, reviewNote: AUTO_APPROVED_NOTE },
      select: approvalSelect,
    });
    await applyToLeads(tx, head, { id: row.id, requestedById: auth.userId, rawLeadIds: ids, reason: row.reason }, auth.userId, now);
    return toApprovalView(row);
  }, CAPTURE_TX_OPTIONS);
}

export async function listApprovals(
  deps: Deps,
  auth: AuthContext,
  f: { status?: LeadAssignmentApprovalStatus | undefined; requestedById?: string | undefined; leadId?: string | undefined },
  page: { where: Prisma.LeadAssignmentApprovalWhereInput; orderBy: Prisma.LeadAssignmentApprovalOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.LeadAssignmentApprovalWhereInput[] = [page.where, visibleApprovalsWhere(auth)];
  if (f.status) where.push({ status: f.status });
  if (f.requestedById) where.push({ requestedById: f.requestedById });
  if (f.leadId) where.push({ rawLeadIds: { has: f.leadId } });
  return deps.db.leadAssignmentApproval.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: approvalSelect });
}

export async function getApproval(deps: Deps, auth: AuthContext, id: string) {
  const row = await deps.db.leadAssignmentApproval.findFirst({ where: { AND: [{ id }, visibleApprovalsWhere(auth)] }, select: approvalSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such approval request');
  return toApprovalView(row);
}

type Tx = Parameters<Parameters<Deps['db']['$transaction']>[0]>[0];

/** The request, when the caller reviews it: the requester's sales head or an admin (the requester: 403). */
async function reviewable(tx: Tx, auth: AuthContext, id: string) {
  const row = await tx.leadAssignmentApproval.findFirst({ where: { AND: [{ id }, visibleApprovalsWhere(auth)] }, select: { ...approvalSelect, requestedBy: { select: { salesHeadId: true } } } });
  if (!row) throw new DomainError('NOT_FOUND', 'No such approval request');
  if (!seesAllLeads(auth.role) && row.requestedBy.salesHeadId !== auth.userId) throw new DomainError('FORBIDDEN', 'Only the requester’s sales head or an admin reviews a request');
  return row;
}

/** Moves the request out of pending, or 409 when another review (or a cancel) got there first. */
async function claim(tx: Tx, id: string, data: Prisma.LeadAssignmentApprovalUncheckedUpdateManyInput & { status: LeadAssignmentApprovalStatus }) {
  const moved = await tx.leadAssignmentApproval.updateMany({ where: { id, status: 'pending' }, data });
  if (!moved.count) {
    const now = await tx.leadAssignmentApproval.findUniqueOrThrow({ where: { id }, select: { status: true } });
    throw new DomainError('CONFLICT', `The request is already ${now.status}`);
  }
}

export type ApprovalLeadResult = { leadId: string; status: 'assigned' | 'unchanged' | 'not_found' };

/**
 * Approves and applies: in one transaction the request leaves pending (the claim that makes a
 * parallel approval 409) and each lead the reviewer may still see is assigned to the requester,
 * with a history row (method approval, approvalId) and an activity row.
 */
export async function approveAssignment(deps: Deps, auth: AuthContext, id: string, note: string | undefined) {
  return retryOnConflict(() =>
    deps.db.$transaction(async (tx) => {
      const row = await reviewable(tx, auth, id);
      const now = new Date();
      await claim(tx, id, { status: 'approved', reviewedById: auth.userId, reviewedAt: now, reviewNote: note ?? null });
      const refusal = assignmentRefusal(auth, await tx.user.findUnique({ where: { id: row.requestedById }, select: { id: true, role: true, isActive: true, salesHeadId: true } }));
      if (refusal) throw new DomainError(refusal.code, `The request cannot be applied: ${refusal.detail}`);
      const results = await applyToLeads(tx, auth, row, auth.userId, now);
      const approval = await tx.leadAssignmentApproval.findUniqueOrThrow({ where: { id }, select: approvalSelect });
      return { approval: toApprovalView(approval), results };
    }, CAPTURE_TX_OPTIONS),
  );
}

/** Why an approved-at-once request has no reviewer. */
export const AUTO_APPROVED_NOTE = 'Applied at once: the sales head’s profile does not require approval';

/**
 * Assigns the request's leads `viewer` may still see to the requester (history method approval,
 * approvalId), after checking the requester's open-lead cap for the leads that would move.
 */
async function applyToLeads(tx: Tx, viewer: AuthContext, row: { id: string; requestedById: string; rawLeadIds: string[]; reason: string | null }, by: string, now: Date): Promise<ApprovalLeadResult[]> {
  const ids = [...row.rawLeadIds].sort();
  await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
  const leads = await tx.rawLead.findMany({ where: { AND: [{ id: { in: ids } }, visibleLeadsWhere(viewer)] }, select: { id: true, assignedTo: true, platform: true } });
  const byId = new Map(leads.map((l) => [l.id, l]));
  await assertUnderLeadCap(tx, row.requestedById, leads.filter((l) => l.assignedTo !== row.requestedById).length);
  const results: ApprovalLeadResult[] = [];
  for (const leadId of row.rawLeadIds) {
    const lead = byId.get(leadId);
    if (!lead) {
      results.push({ leadId, status: 'not_found' });
      continue;
    }
    const changed = await writeAssignment(tx, { lead, to: row.requestedById, by, method: 'approval', reason: row.reason, approvalId: row.id, at: now });
    results.push({ leadId, status: changed ? 'assigned' : 'unchanged' });
  }
  return results;
}

export async function rejectAssignment(deps: Deps, auth: AuthContext, id: string, note: string | undefined) {
  return deps.db.$transaction(async (tx) => {
    await reviewable(tx, auth, id);
    await claim(tx, id, { status: 'rejected', reviewedById: auth.userId, reviewedAt: new Date(), reviewNote: note ?? null });
    return toApprovalView(await tx.leadAssignmentApproval.findUniqueOrThrow({ where: { id }, select: approvalSelect }));
  });
}

/** The requester withdraws a pending request. */
export async function cancelAssignmentRequest(deps: Deps, auth: AuthContext, id: string) {
  return deps.db.$transaction(async (tx) => {
    const row = await tx.leadAssignmentApproval.findFirst({ where: { AND: [{ id }, visibleApprovalsWhere(auth)] }, select: { requestedById: true } });
    if (!row) throw new DomainError('NOT_FOUND', 'No such approval request');
    if (row.requestedById !== auth.userId) throw new DomainError('FORBIDDEN', 'Only the requester cancels a request');
    await claim(tx, id, { status: 'cancelled' });
    return toApprovalView(await tx.leadAssignmentApproval.findUniqueOrThrow({ where: { id }, select: approvalSelect }));
  });
}
