// Lead assignment: manual, round robin over a sales head's team, and rules from system config.
// Every change writes raw_leads.assigned_to/assigned_at, a lead_assignment_history row and a
// lead_activity_log row in the caller's transaction. Round robin is race-free: a transaction-
// scoped advisory lock per team serialises pickers, and each pick is stamped so the next
// picker, which reads the team's last assignment times, continues the rotation.
import { assignmentRefusal, seesAllLeads, type Assignee } from '../../domain/crm/access.js';
import { firstMatchingRule, roundRobin, type AssignmentTarget, type PoolMember, type RoundRobinPick } from '../../domain/crm/assignment.js';
import type { LeadAssignmentMethod, RawLead } from '../../prisma/generated/client.js';
import type { ServiceDeps, AuthContext } from '../deps.js';
import { DomainError } from '../../domain/errors.js';
import { readConfig } from '../system-config/read-config.js';
import { CAPTURE_TX_OPTIONS, retryOnConflict, type Tx } from './lead-capture.js';
import { visibleLeadsWhere } from './lead-view.js';
import { emitLeadEvents, type LeadEvent } from '../crm-engine/triggers.js';
import { lockLeadCapacity, salesHeadRules } from './sales-heads.js';

/** Leads per bulk assignment request: all of them are written in one transaction. */
export const BULK_ASSIGN_MAX = 500;

export interface AssignmentWrite {
  lead: Pick<RawLead, 'id' | 'assignedTo' | 'platform'>;
  to: string;
  /** Who made the change; null for system assignment. */
  by: string | null;
  method: LeadAssignmentMethod;
  reason?: string | null;
  /** The approval request this assignment carries out (method approval). */
  approvalId?: string | null;
  at: Date;
}

/** Writes one assignment; false (and nothing written) when the lead is already theirs. */
export async function writeAssignment(tx: Tx, a: AssignmentWrite): Promise<boolean> {
  const from = a.lead.assignedTo;
  if (from === a.to) return false;
  await tx.rawLead.update({ where: { id: a.lead.id }, data: { assignedTo: a.to, assignedAt: a.at } });
  await tx.leadAssignmentHistory.create({
    data: { rawLeadId: a.lead.id, fromUserId: from, toUserId: a.to, assignedById: a.by, method: a.method, reason: a.reason ?? null, approvalId: a.approvalId ?? null, createdAt: a.at },
  });
  await tx.leadActivityLog.create({ data: assignmentActivity(a) });
  return true;
}

function assignmentActivity(a: AssignmentWrite) {
  const from = a.lead.assignedTo;
  return {
    rawLeadId: a.lead.id,
    performedBy: a.by,
    activityType: from ? ('reassigned' as const) : ('assigned' as const),
    description: from ? `Lead reassigned (${a.method})` : `Lead assigned (${a.method})`,
    metadata: { from, to: a.to, method: a.method, ...(a.reason ? { reason: a.reason } : {}) },
  };
}

export const leadAssignedEvent = (lead: Pick<RawLead, 'id' | 'platform'>, assignedTo: string): LeadEvent => ({
  type: 'LEAD_ASSIGNED',
  leadId: lead.id,
  platform: lead.platform,
  assignedTo,
});

/** The active SALES members of a head's team, each with their last assignment time. */
export async function loadTeamPool(tx: Tx, salesHeadId: string): Promise<PoolMember[]> {
  return tx.$queryRaw<PoolMember[]>`
    SELECT u."id" AS "userId",
           (SELECT max(h."created_at") FROM "mas_crm"."lead_assignment_history" h WHERE h."to_user_id" = u."id") AS "lastAssignedAt",
           (SELECT count(*)::int FROM "mas_crm"."raw_leads" l WHERE l."assigned_to" = u."id" AND l."status"::text NOT IN ('converted', 'lost', 'invalid')) AS "openLeads"
    FROM "public"."users" u
    WHERE u."salesHeadId" = ${salesHeadId}::uuid AND u."role"::text = 'SALES' AND u."isActive"`;
}

/**
 * Locks the teams (sorted, so two transactions never wait on each other in a cycle) and
 * returns a round-robin picker per team, or null for a team with no active member. The lock
 * is held until the transaction ends, so the picks and their history rows commit together.
 */
export async function lockTeams(tx: Tx, salesHeadIds: Iterable<string>, now = new Date()): Promise<Map<string, (() => RoundRobinPick | null) | null>> {
  const pickers = new Map<string, (() => RoundRobinPick | null) | null>();
  for (const headId of [...new Set(salesHeadIds)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`crm:round-robin:${headId}`}, 0))`;
    const pool = await loadTeamPool(tx, headId);
    const profile = await tx.salesHeadProfile.findUnique({ where: { userId: headId }, select: { maxOpenLeadsPerSalesperson: true } });
    pickers.set(headId, pool.length ? roundRobin(pool, now, profile?.maxOpenLeadsPerSalesperson ?? null) : null);
  }
  return pickers;
}

export function findAssignee(deps: Pick<ServiceDeps, 'db'>, userId: string): Promise<Assignee | null> {
  return deps.db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, isActive: true, salesHeadId: true } });
}

/** 403 when a salesperson names a team that is not theirs; admins may name any head. */
export function assertMayUseTeam(auth: AuthContext, salesHeadId: string) {
  if (!seesAllLeads(auth.role) && salesHeadId !== auth.userId) {
    throw new DomainError('FORBIDDEN', 'A salesperson may hand out leads only within the team they head');
  }
}

/** The team a round robin runs over: the one named, or the caller's own when they head one. */
export function roundRobinTeam(auth: AuthContext, salesHeadId: string | undefined, path: string): string {
  if (salesHeadId) {
    assertMayUseTeam(auth, salesHeadId);
    return salesHeadId;
  }
  if (seesAllLeads(auth.role)) throw new DomainError('VALIDATION_FAILED', 'Name the team: salesHeadId', [{ path, message: 'Required for round-robin by an admin' }]);
  return auth.userId;
}

export async function assertTeamHasMembers(deps: Pick<ServiceDeps, 'db'>, salesHeadId: string) {
  const n = await deps.db.user.count({ where: { salesHeadId, role: 'SALES', isActive: true } });
  if (n === 0) throw new DomainError('UNPROCESSABLE', 'That team has no active SALES members to hand leads to');
}

// ---------------------------------------------------------------------------------------------
// Bulk assignment.

export type BulkAssignInput =
  | { strategy: 'manual'; leadIds: string[]; assignedTo: string; reason?: string | undefined }
  | { strategy: 'round-robin'; leadIds: string[]; salesHeadId?: string | undefined; reason?: string | undefined }
  | { strategy: 'rules'; leadIds: string[]; reason?: string | undefined };

export type BulkAssignStatus = 'assigned' | 'unchanged' | 'not_found' | 'unmatched' | 'refused';

export interface BulkAssignItem {
  leadId: string;
  status: BulkAssignStatus;
  assignedTo: string | null;
  /** The rule that routed the lead (strategy rules). */
  rule?: string;
  message?: string;
}

type Plan = { kind: 'user'; userId: string; rule?: string } | { kind: 'team'; salesHeadId: string; rule?: string } | { kind: 'none'; status: BulkAssignStatus; message: string; rule?: string };

const METHOD: Record<BulkAssignInput['strategy'], LeadAssignmentMethod> = { manual: 'bulk', 'round-robin': 'round_robin', rules: 'bulk' };

/**
 * Assigns up to BULK_ASSIGN_MAX leads in ONE transaction: either every change is written or,
 * if any write fails, none is. A lead the caller may not see is reported not_found (never
 * touched); rule targets the caller may not use are refused per lead. The writes are batched
 * (one UPDATE, one history insert, one activity insert); LEAD_ASSIGNED events go out after
 * the commit.
 */
export async function bulkAssign(deps: ServiceDeps, auth: AuthContext, input: BulkAssignInput): Promise<BulkAssignItem[]> {
  const ids = [...new Set(input.leadIds)];
  if (ids.length > BULK_ASSIGN_MAX) throw new DomainError('VALIDATION_FAILED', `At most ${BULK_ASSIGN_MAX} leads per request`, [{ path: 'json.leadIds', message: `At most ${BULK_ASSIGN_MAX}` }]);
  const planFor = await strategyPlanner(deps, auth, input);
  const { items, events } = await retryOnConflict(() => deps.db.$transaction((tx) => assignAll(tx, auth, ids, planFor, METHOD[input.strategy], input.reason), CAPTURE_TX_OPTIONS));
  await emitLeadEvents(deps, events);
  const results = new Map(items.map((item) => [item.leadId, item]));
  return input.leadIds.map((id) => results.get(id)!);
}

type Planner = (lead: RawLead) => Plan;

async function strategyPlanner(deps: ServiceDeps, auth: AuthContext, input: BulkAssignInput): Promise<Planner> {
  if (input.strategy === 'manual') {
    const refusal = assignmentRefusal(auth, await findAssignee(deps, input.assignedTo));
    if (refusal) throw new DomainError(refusal.code, refusal.detail, refusal.code === 'UNPROCESSABLE' ? [{ path: 'json.assignedTo', message: refusal.detail }] : undefined);
    return () => ({ kind: 'user', userId: input.assignedTo });
  }
  if (input.strategy === 'round-robin') {
    const team = roundRobinTeam(auth, input.salesHeadId, 'json.salesHeadId');
    await assertTeamHasMembers(deps, team);
    return () => ({ kind: 'team', salesHeadId: team });
  }
  const rules = await readConfig(deps.db, 'crm.assignmentRules');
  if (rules.length === 0) throw new DomainError('UNPROCESSABLE', 'No assignment rules are configured (system config crm.assignmentRules)');
  const verdicts = new Map<string, string | null>(); // target → refusal message, checked once per target
  for (const rule of rules) verdicts.set(targetKey(rule.target), await targetRefusal(deps, auth, rule.target));
  return (lead) => {
    const rule = firstMatchingRule(rules, lead);
    if (!rule) return { kind: 'none', status: 'unmatched', message: 'No assignment rule matches this lead' };
    const refusal = verdicts.get(targetKey(rule.target));
    if (refusal) return { kind: 'none', status: 'refused', message: refusal, rule: rule.name };
    return rule.target.kind === 'user' ? { kind: 'user', userId: rule.target.userId, rule: rule.name } : { kind: 'team', salesHeadId: rule.target.salesHeadId, rule: rule.name };
  };
}

const targetKey = (t: AssignmentTarget) => (t.kind === 'user' ? `user:${t.userId}` : `team:${t.salesHeadId}`);

async function targetRefusal(deps: ServiceDeps, auth: AuthContext, target: AssignmentTarget): Promise<string | null> {
  if (target.kind === 'user') return assignmentRefusal(auth, await findAssignee(deps, target.userId))?.detail ?? null;
  if (!seesAllLeads(auth.role) && target.salesHeadId !== auth.userId) return 'That rule hands the lead to a team you do not head';
  // Rules are automatic routing: a head who switched auto-assignment off keeps their team out of it.
  if (!(await salesHeadRules(deps.db, target.salesHeadId)).autoAssignEnabled) return 'That team has auto-assignment off (sales head profile autoAssignEnabled)';
  return null;
}

interface PlannedWrite extends AssignmentWrite {
  lead: RawLead;
}

async function assignAll(tx: Tx, auth: AuthContext, ids: string[], planFor: Planner, method: LeadAssignmentMethod, reason: string | undefined) {
  // Lock in id order (no deadlock with another bulk over the same leads), then read what the caller may see.
  await tx.$queryRaw`SELECT 1 FROM "mas_crm"."raw_leads" WHERE "id" = ANY(${ids}::uuid[]) ORDER BY "id" FOR UPDATE`;
  const leads = await tx.rawLead.findMany({ where: { AND: [{ id: { in: ids } }, visibleLeadsWhere(auth)] } });
  const byId = new Map(leads.map((l) => [l.id, l]));
  const plans = new Map(leads.map((l) => [l.id, planFor(l)]));
  const teams = [...plans.values()].flatMap((p) => (p.kind === 'team' ? [p.salesHeadId] : []));
  const pickers = await lockTeams(tx, teams);
  // Named assignees (manual, or a rule's user) are held to their head's open-lead cap; round robin skips members at it.
  const room = await lockLeadCapacity(tx, [...plans.entries()].flatMap(([id, p]) => (p.kind === 'user' && byId.get(id)!.assignedTo !== p.userId ? [p.userId] : [])));
  const now = new Date();
  const items: BulkAssignItem[] = [];
  const writes: PlannedWrite[] = [];
  for (const id of ids) {
    const lead = byId.get(id);
    if (!lead) {
      items.push({ leadId: id, status: 'not_found', assignedTo: null, message: 'No such lead, or not one you may see' });
      continue;
    }
    const plan = plans.get(id)!;
    const rule = plan.rule ? { rule: plan.rule } : {};
    if (plan.kind === 'none') {
      items.push({ leadId: id, status: plan.status, assignedTo: lead.assignedTo, message: plan.message, ...rule });
      continue;
    }
    let to: string;
    let at = now;
    if (plan.kind === 'team') {
      const pick = pickers.get(plan.salesHeadId);
      if (!pick) {
        items.push({ leadId: id, status: 'refused', assignedTo: lead.assignedTo, message: 'That team has no active SALES members', ...rule });
        continue;
      }
      const picked = pick();
      if (!picked) {
        items.push({ leadId: id, status: 'refused', assignedTo: lead.assignedTo, message: 'Every member of that team is at the open-lead cap (maxOpenLeadsPerSalesperson)', ...rule });
        continue;
      }
      ({ userId: to, at } = picked);
    } else {
      to = plan.userId;
      if (lead.assignedTo !== to) {
        const left = room.get(to) ?? Number.POSITIVE_INFINITY;
        if (left <= 0) {
          items.push({ leadId: id, status: 'refused', assignedTo: lead.assignedTo, message: 'The assignee is at the open-lead cap (maxOpenLeadsPerSalesperson)', ...rule });
          continue;
        }
        room.set(to, left - 1);
      }
    }
    const changed = lead.assignedTo !== to;
    items.push({ leadId: id, status: changed ? 'assigned' : 'unchanged', assignedTo: to, ...rule });
    if (changed) writes.push({ lead, to, by: auth.userId, method: plan.kind === 'team' ? 'round_robin' : method, reason: reason ?? plan.rule ?? null, at });
  }
  await writeAssignments(tx, writes);
  return { items, events: writes.map((w) => leadAssignedEvent(w.lead, w.to)) };
}

/** writeAssignment for many leads at once: one UPDATE, one history insert, one activity insert. */
async function writeAssignments(tx: Tx, writes: AssignmentWrite[]) {
  if (!writes.length) return;
  const ids = writes.map((w) => w.lead.id);
  const tos = writes.map((w) => w.to);
  // ISO text read as UTC: the columns are timestamp without time zone, written in UTC.
  const ats = writes.map((w) => w.at.toISOString());
  await tx.$executeRaw`
    UPDATE "mas_crm"."raw_leads" AS l
    SET "assigned_to" = v."user_id", "assigned_at" = (v."at"::timestamptz AT TIME ZONE 'UTC'), "updated_at" = (now() AT TIME ZONE 'UTC')
    FROM unnest(${ids}::uuid[], ${tos}::uuid[], ${ats}::text[]) AS v("lead_id", "user_id", "at")
    WHERE l."id" = v."lead_id"`;
  await tx.leadAssignmentHistory.createMany({
    data: writes.map((a) => ({ rawLeadId: a.lead.id, fromUserId: a.lead.assignedTo, toUserId: a.to, assignedById: a.by, method: a.method, reason: a.reason ?? null, createdAt: a.at })),
  });
  await tx.leadActivityLog.createMany({ data: writes.map(assignmentActivity) });
}
