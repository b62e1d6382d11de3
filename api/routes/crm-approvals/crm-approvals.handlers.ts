// Lead-assignment approvals over HTTP; services/crm/approvals.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { approveAssignment, cancelAssignmentRequest, getApproval, listApprovals, rejectAssignment, requestAssignment, toApprovalView } from '../../../services/crm/approvals.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { approveRoute, cancelRoute, getApprovalRoute, listApprovalsRoute, rejectRoute, requestApprovalRoute } from './crm-approvals.routes.js';

export const requestApprovalHandler: RouteHandler<typeof requestApprovalRoute, AppEnv> = async (c) => c.json(await requestAssignment(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);

export const listApprovalsHandler: RouteHandler<typeof listApprovalsRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listApprovals(c.get('deps'), c.get('auth')!, filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toApprovalView), nextCursor }, 200);
};

export const getApprovalHandler: RouteHandler<typeof getApprovalRoute, AppEnv> = async (c) => c.json(await getApproval(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);

export const approveHandler: RouteHandler<typeof approveRoute, AppEnv> = async (c) =>
  c.json(await approveAssignment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').note), 200);

export const rejectHandler: RouteHandler<typeof rejectRoute, AppEnv> = async (c) => c.json(await rejectAssignment(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').note), 200);

export const cancelHandler: RouteHandler<typeof cancelRoute, AppEnv> = async (c) => c.json(await cancelAssignmentRequest(c.get('deps'), c.get('auth')!, c.req.valid('param').id), 200);
