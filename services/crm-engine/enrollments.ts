// CRM enrollments for people: lists and reads under the lead visibility rule (an enrollment
// of a lead you may not see is a 404), the stored row merged with the live workflow state,
// node runs, pause / resume / cancel, and reading a bulk operation.
import { seesAllLeads } from '../../domain/crm/access.js';
import { DomainError } from '../../domain/errors.js';
import { workflowEnrollmentLifecycle, type EnrollmentMove } from '../../domain/workflow-enrollment/status.js';
import { Prisma as PrismaNs, type CrmBulkOperation, type WorkflowEnrollment, type WorkflowEnrollmentStatus, type WorkflowNodeRun } from '../../prisma/generated/client.js';
import { stateQuery, type EnrollmentLiveState } from '../../workflows/crm-enrollment/crm-enrollment.contract.js';
import { leadVisibilitySql } from '../crm/lead-visibility-sql.js';
import { visibleLeadsWhere } from '../crm/lead-view.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { sendEnrollmentMove, type MoveArgs } from './enrollment-moves.js';

type Deps = Pick<ServiceDeps, 'db'>;
export type EnrollmentRow = WorkflowEnrollment & { workflow: { name: string } };
const include = { workflow: { select: { name: true } } } as const;

export interface EnrollmentListQuery {
  /** The last row of the previous page (newest first), or null for the first page. */
  after: { createdAt: Date; id: string } | null;
  limit: number;
  workflowId?: string | undefined;
  version?: number | undefined;
  status?: WorkflowEnrollmentStatus | undefined;
  leadId?: string | undefined;
}

/** limit + 1 rows, newest first (the caller trims the extra one into a cursor). */
export async function listEnrollments(deps: Deps, auth: AuthContext, q: EnrollmentListQuery): Promise<EnrollmentRow[]> {
  if (seesAllLeads(auth.role)) {
    const after = q.after ? { OR: [{ createdAt: { lt: q.after.createdAt } }, { createdAt: q.after.createdAt, id: { lt: q.after.id } }] } : {};
    return deps.db.workflowEnrollment.findMany({
      where: { AND: [after, q.workflowId ? { workflowId: q.workflowId } : {}, q.version ? { definitionVersion: q.version } : {}, q.status ? { status: q.status } : {}, q.leadId ? { subjectId: q.leadId } : {}] },
      include,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: q.limit + 1,
    });
  }
  const ids = await visiblePageIds(deps, auth, q);
  const found = new Map((await deps.db.workflowEnrollment.findMany({ where: { id: { in: ids } }, include })).map((e) => [e.id, e]));
  return ids.map((id) => found.get(id)).filter((e): e is EnrollmentRow => e !== undefined);
}

/**
 * A salesperson's page of enrollment ids: the filters, the keyset and the lead visibility rule
 * in one SQL query joining the leads (enrollments point at leads by a soft reference).
 */
async function visiblePageIds(deps: Deps, auth: AuthContext, q: EnrollmentListQuery): Promise<string[]> {
  const parts: PrismaNs.Sql[] = [leadVisibilitySql(auth.role, auth.userId)];
  if (q.workflowId) parts.push(PrismaNs.sql`e."workflow_id" = ${q.workflowId}::uuid`);
  if (q.version) parts.push(PrismaNs.sql`e."definition_version" = ${q.version}`);
  if (q.status) parts.push(PrismaNs.sql`e."status"::text = ${q.status}`);
  if (q.leadId) parts.push(PrismaNs.sql`e."subject_id" = ${q.leadId}::uuid`);
  if (q.after) parts.push(PrismaNs.sql`(e."created_at", e."id") < (${q.after.createdAt.toISOString()}::timestamp(3), ${q.after.id}::uuid)`);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "mas_crm"."workflow_enrollments" e JOIN "mas_crm"."raw_leads" l ON l."id" = e."subject_id"
    WHERE ${PrismaNs.join(parts, ' AND ')} ORDER BY e."created_at" DESC, e."id" DESC LIMIT ${q.limit + 1}`;
  return rows.map((r) => r.id);
}

async function visibleEnrollment(deps: Deps, auth: AuthContext, id: string): Promise<EnrollmentRow> {
  const e = await deps.db.workflowEnrollment.findUnique({ where: { id }, include });
  if (!e) throw new DomainError('NOT_FOUND', 'No such enrollment');
  if (!seesAllLeads(auth.role)) {
    const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id: e.subjectId }, visibleLeadsWhere(auth)] }, select: { id: true } });
    if (!lead) throw new DomainError('NOT_FOUND', 'No such enrollment');
  }
  return e;
}

/** The row and, while it runs, the workflow's live state (null when the query cannot be answered). */
export async function getEnrollment(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'logger'>, auth: AuthContext, id: string): Promise<{ row: EnrollmentRow; live: EnrollmentLiveState | null }> {
  const row = await visibleEnrollment(deps, auth, id);
  let live: EnrollmentLiveState | null = null;
  if (row.temporalWorkflowId && !workflowEnrollmentLifecycle.isTerminal(row.status)) {
    try {
      live = await deps.temporal.workflow.getHandle(row.temporalWorkflowId).query(stateQuery);
    } catch (err) {
      deps.logger.debug({ err, enrollmentId: id }, 'enrollment live state unavailable');
    }
  }
  return { row, live };
}

export async function listNodeRuns(deps: Deps, auth: AuthContext, id: string): Promise<WorkflowNodeRun[]> {
  await visibleEnrollment(deps, auth, id);
  return deps.db.workflowNodeRun.findMany({ where: { enrollmentId: id }, orderBy: [{ createdAt: 'asc' }, { attempt: 'asc' }], take: 1000 });
}

/**
 * Pause, resume or cancel one enrollment; a refusal is a 409 and nothing has changed. Only an
 * ended row is refused here: the stored status can trail the run by a write, so whether the
 * move is allowed is the workflow validator's call (it asks the same domain lifecycle).
 */
export async function moveEnrollment(deps: Pick<ServiceDeps, 'db' | 'temporal'>, auth: AuthContext, id: string, move: EnrollmentMove, reason: string | null): Promise<EnrollmentLiveState> {
  const e = await visibleEnrollment(deps, auth, id);
  if (workflowEnrollmentLifecycle.isTerminal(e.status) || !e.temporalWorkflowId) throw new DomainError('CONFLICT', `The enrollment is ${e.status}`);
  const args: MoveArgs = { reason, actorId: auth.userId };
  const outcome = await sendEnrollmentMove(deps.temporal, e.temporalWorkflowId, move, args);
  if (!outcome.moved) throw new DomainError('CONFLICT', outcome.detail);
  return outcome.live;
}

/** A bulk operation, to an admin or to whoever asked for it. */
export async function getBulkOperation(deps: Deps, auth: AuthContext, id: string): Promise<CrmBulkOperation> {
  const op = await deps.db.crmBulkOperation.findUnique({ where: { id } });
  if (!op || (!seesAllLeads(auth.role) && op.requestedBy !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such bulk operation');
  return op;
}
