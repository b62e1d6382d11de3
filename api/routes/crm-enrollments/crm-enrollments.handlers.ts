// CRM enrollments: the stored row merged with the live workflow state, node runs, and pause /
// resume / cancel as validated Workflow Updates (the validator's refusal is a 409 before
// anything changes), one at a time or in bulk. HTTP only: the operations are in
// services/crm-engine/.
import type { RouteHandler } from '@hono/zod-openapi';
import { bulkOperationView, startBulkOperation } from '../../../services/crm-engine/bulk.starter.js';
import { getBulkOperation, getEnrollment, listEnrollments, listNodeRuns, moveEnrollment, type EnrollmentRow } from '../../../services/crm-engine/enrollments.js';
import type { EnrollmentLiveState } from '../../../workflows/crm-enrollment/crm-enrollment.contract.js';
import type { AppEnv } from '../../deps.js';
import { decodeCursor, toPage } from '../../pagination.js';
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

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(e: EnrollmentRow, live?: EnrollmentLiveState | null) {
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

export const listEnrollmentsHandler: RouteHandler<typeof listEnrollmentsRoute, AppEnv> = async (c) => {
  const { cursor, ...q } = c.req.valid('query');
  const rows = await listEnrollments(c.get('deps'), c.get('auth')!, { ...q, after: cursor ? decodeCursor(cursor) : null });
  const p = toPage(rows, q.limit);
  return c.json({ items: p.items.map((e) => view(e)), nextCursor: p.nextCursor }, 200);
};

export const getEnrollmentHandler: RouteHandler<typeof getEnrollmentRoute, AppEnv> = async (c) => {
  const { row, live } = await getEnrollment(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.json(view(row, live), 200);
};

export const listNodeRunsHandler: RouteHandler<typeof listNodeRunsRoute, AppEnv> = async (c) => {
  const runs = await listNodeRuns(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
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

export const pauseHandler: RouteHandler<typeof pauseRoute, AppEnv> = async (c) => {
  const live = await moveEnrollment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'pause', c.req.valid('json').reason);
  return c.json(live, 200);
};

export const resumeHandler: RouteHandler<typeof resumeRoute, AppEnv> = async (c) => {
  const live = await moveEnrollment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'resume', null);
  return c.json(live, 200);
};

export const cancelHandler: RouteHandler<typeof cancelRoute, AppEnv> = async (c) => {
  const live = await moveEnrollment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, 'cancel', c.req.valid('json').reason ?? null);
  return c.json(live, 200);
};

export const bulkHandler: RouteHandler<typeof bulkRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const op = await startBulkOperation(c.get('deps'), c.get('auth')!, { action: body.action, filter: body.filter, reason: body.reason });
  return c.json(bulkOperationView(op), 202);
};

export const getBulkOperationHandler: RouteHandler<typeof getBulkOperationRoute, AppEnv> = async (c) => {
  const op = await getBulkOperation(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.json(bulkOperationView(op), 200);
};
