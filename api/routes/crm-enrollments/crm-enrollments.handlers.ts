// CRM enrollments: the stored row merged with the live workflow state, node runs, and pause /
// resume / cancel as validated Workflow Updates (the validator's refusal is a 409 before
// anything changes), one at a time or in bulk.
import type { RouteHandler } from '@hono/zod-openapi';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { seesAllLeads } from '../../../domain/crm/access.js';
import { Prisma as PrismaNs, type WorkflowEnrollment } from '../../../prisma/generated/client.js';
import { leadVisibilitySql } from '../../../services/crm/lead-visibility-sql.js';
import { cancelUpdate, pauseUpdate, resumeUpdate, stateQuery, type EnrollmentLiveState } from '../../../workflows/crm-enrollment/crm-enrollment.contract.js';
import { visibleLeadsWhere } from '../../../services/crm/lead-view.js';
import type { AppEnv } from '../../deps.js';
import type { AuthContext } from '../../../services/deps.js';
import { decodeCursor, keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import { bulkOperationView, startBulkOperation } from '../../../services/crm-engine/bulk.starter.js';
import type {
  bulkRoute,
  cancelRoute,
  getBulkOperationRoute,
  getEnrollmentRoute,
  listEnrollmentsRoute,
  listNodeRunsRoute,
  pauseRoute,
  resumeRoute,
} from './crm-enrollments.routes.js';

type Deps = AppEnv['Variables']['deps'];
type Row = WorkflowEnrollment & { workflow: { name: string } };
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const ENDED = ['COMPLETED', 'FAILED', 'CANCELLED'];

function view(e: Row, live?: EnrollmentLiveState | null) {
  return {
    id: e.id,
    workflowId: e.workflowId,
    workflowName: e.workflow.name,
    definitionVersion: e.definitionVersion,
    leadId: e.subjectId,
    status: e.status,
    currentNodeId: e.currentNodeId,
    waitingUntil: iso(e.waitingUntil),
    pausedAt: iso(e.pausedAt),
    pausedBy: e.pausedBy,
    pauseReason: e.pauseReason,
    resumeRemainingDelayMs: e.resumeRemainingDelayMs === null ? null : Number(e.resumeRemainingDelayMs),
    lastError: e.lastError,
    temporalWorkflowId: e.temporalWorkflowId,
    enrolledBy: e.enrolledBy,
    completedAt: iso(e.completedAt),
    endedAt: iso(e.endedAt),
    createdAt: e.createdAt.toISOString(),
    ...(live !== undefined ? { live } : {}),
  };
}

/**
 * A salesperson's page of enrollment ids: the filters, the keyset and the lead visibility rule
 * in one SQL query joining the leads (enrollments point at leads by a soft reference).
 */
async function visiblePageIds(deps: Deps, auth: AuthContext, q: { cursor?: string | undefined; limit: number; workflowId?: string | undefined; version?: number | undefined; status?: string | undefined; leadId?: string | undefined }): Promise<string[]> {
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const parts: PrismaNs.Sql[] = [leadVisibilitySql(auth.role, auth.userId)];
  if (q.workflowId) parts.push(PrismaNs.sql`e."workflow_id" = ${q.workflowId}::uuid`);
  if (q.version) parts.push(PrismaNs.sql`e."definition_version" = ${q.version}`);
  if (q.status) parts.push(PrismaNs.sql`e."status"::text = ${q.status}`);
  if (q.leadId) parts.push(PrismaNs.sql`e."subject_id" = ${q.leadId}::uuid`);
  if (after) parts.push(PrismaNs.sql`(e."created_at", e."id") < (${after.createdAt.toISOString()}::timestamp(3), ${after.id}::uuid)`);
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "mas_crm"."workflow_enrollments" e JOIN "mas_crm"."raw_leads" l ON l."id" = e."subject_id"
    WHERE ${PrismaNs.join(parts, ' AND ')} ORDER BY e."created_at" DESC, e."id" DESC LIMIT ${q.limit + 1}`;
  return rows.map((r) => r.id);
}

async function visibleEnrollment(deps: Deps, auth: AuthContext, id: string): Promise<Row> {
  const e = await deps.db.workflowEnrollment.findUnique({ where: { id }, include: { workflow: { select: { name: true } } } });
  if (!e) throw new DomainError('NOT_FOUND', 'No such enrollment');
  if (!seesAllLeads(auth.role)) {
    const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id: e.subjectId }, visibleLeadsWhere(auth)] }, select: { id: true } });
    if (!lead) throw new DomainError('NOT_FOUND', 'No such enrollment');
  }
  return e;
}

export const listEnrollmentsHandler: RouteHandler<typeof listEnrollmentsRoute, AppEnv> = async (c) => {
  const q = c.req.valid('query');
  const deps = c.var.deps;
  const auth = c.get('auth')!;
  const page = keyset(q.cursor);
  const include = { workflow: { select: { name: true } } } as const;
  let rows: Row[];
  if (seesAllLeads(auth.role)) {
    rows = await deps.db.workflowEnrollment.findMany({
      where: {
        AND: [page.where, q.workflowId ? { workflowId: q.workflowId } : {}, q.version ? { definitionVersion: q.version } : {}, q.status ? { status: q.status } : {}, q.leadId ? { subjectId: q.leadId } : {}],
      },
      include,
      orderBy: page.orderBy,
      take: q.limit + 1,
    });
  } else {
    const ids = await visiblePageIds(deps, auth, q);
    const found = new Map((await deps.db.workflowEnrollment.findMany({ where: { id: { in: ids } }, include })).map((e) => [e.id, e]));
    rows = ids.map((id) => found.get(id)).filter((e): e is Row => e !== undefined);
  }
  const p = toPage(rows, q.limit);
  return c.json({ items: p.items.map((e) => view(e)), nextCursor: p.nextCursor }, 200);
};

export const getEnrollmentHandler: RouteHandler<typeof getEnrollmentRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const deps = c.var.deps;
  const e = await visibleEnrollment(deps, c.get('auth')!, id);
  let live: EnrollmentLiveState | null = null;
  if (e.temporalWorkflowId && !ENDED.includes(e.status)) {
    try {
      live = await deps.temporal.workflow.getHandle(e.temporalWorkflowId).query(stateQuery);
    } catch (err) {
      deps.logger.debug({ err, enrollmentId: id }, 'enrollment live state unavailable');
    }
  }
  return c.json(view(e, live), 200);
};

export const listNodeRunsHandler: RouteHandler<typeof listNodeRunsRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const deps = c.var.deps;
  await visibleEnrollment(deps, c.get('auth')!, id);
  const runs = await deps.db.workflowNodeRun.findMany({ where: { enrollmentId: id }, orderBy: [{ createdAt: 'asc' }, { attempt: 'asc' }], take: 1000 });
  return c.json(
    {
      items: runs.map((r) => ({
        id: r.id,
        nodeId: r.nodeId,
        nodeType: r.nodeType,
        status: r.status,
        attempt: r.attempt,
        result: r.result ?? null,
        error: r.error,
        startedAt: iso(r.startedAt),
        endedAt: iso(r.endedAt),
      })),
    },
    200,
  );
};

async function transition(deps: Deps, e: Row, run: (h: ReturnType<Deps['temporal']['workflow']['getHandle']>) => Promise<EnrollmentLiveState>) {
  if (ENDED.includes(e.status) || !e.temporalWorkflowId) throw new DomainError('CONFLICT', `The enrollment is ${e.status}`);
  try {
    return await run(deps.temporal.workflow.getHandle(e.temporalWorkflowId));
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) throw new DomainError('CONFLICT', err.cause?.message ?? 'Not allowed from the enrollment’s state');
    if (err instanceof WorkflowNotFoundError) throw new DomainError('CONFLICT', 'The enrollment has ended');
    throw err;
  }
}

export const pauseHandler: RouteHandler<typeof pauseRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { reason } = c.req.valid('json');
  const auth = c.get('auth')!;
  const e = await visibleEnrollment(c.var.deps, auth, id);
  const live = await transition(c.var.deps, e, (h) => h.executeUpdate(pauseUpdate, { args: [{ reason, actorId: auth.userId }] }));
  return c.json(live, 200);
};

export const resumeHandler: RouteHandler<typeof resumeRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const auth = c.get('auth')!;
  const e = await visibleEnrollment(c.var.deps, auth, id);
  const live = await transition(c.var.deps, e, (h) => h.executeUpdate(resumeUpdate, { args: [{ actorId: auth.userId }] }));
  return c.json(live, 200);
};

export const cancelHandler: RouteHandler<typeof cancelRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { reason } = c.req.valid('json');
  const auth = c.get('auth')!;
  const e = await visibleEnrollment(c.var.deps, auth, id);
  const live = await transition(c.var.deps, e, (h) => h.executeUpdate(cancelUpdate, { args: [{ reason: reason ?? null, actorId: auth.userId }] }));
  return c.json(live, 200);
};

export const bulkHandler: RouteHandler<typeof bulkRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const op = await startBulkOperation(c.var.deps, c.get('auth')!, { action: body.action, filter: body.filter, reason: body.reason });
  return c.json(bulkOperationView(op), 202);
};

export const getBulkOperationHandler: RouteHandler<typeof getBulkOperationRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const auth = c.get('auth')!;
  const op = await c.var.deps.db.crmBulkOperation.findUnique({ where: { id } });
  if (!op || (!seesAllLeads(auth.role) && op.requestedBy !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such bulk operation');
  return c.json(bulkOperationView(op), 200);
};
