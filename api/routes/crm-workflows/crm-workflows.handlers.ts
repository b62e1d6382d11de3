// CRM workflow definitions: drafts, publishing numbered frozen versions, dry runs, and
// enrolling leads by hand or in bulk. HTTP only: the operations are in services/crm-engine/.
import type { RouteHandler } from '@hono/zod-openapi';
import type { CrmWorkflow, CrmWorkflowVersion } from '../../../prisma/generated/client.js';
import { archiveWorkflow, createWorkflow, dryRunWorkflow, getWorkflow, listWorkflows, publishWorkflow, updateWorkflow } from '../../../services/crm-engine/definitions.js';
import { bulkEnroll, enrollLeads } from '../../../services/crm-engine/enroll-leads.js';
import { bulkOperationView } from '../../../services/crm-engine/bulk.starter.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type {
  archiveWorkflowRoute,
  bulkEnrollRoute,
  createWorkflowRoute,
  dryRunRoute,
  enrollRoute,
  getWorkflowRoute,
  listWorkflowsRoute,
  publishWorkflowRoute,
  updateWorkflowRoute,
} from './crm-workflows.routes.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function view(w: CrmWorkflow, versions?: CrmWorkflowVersion[]) {
  return {
    id: w.id,
    name: w.name,
    description: w.description,
    status: w.status,
    triggerType: w.triggerType,
    allowReenrollment: w.allowReenrollment,
    platform: w.platform,
    version: w.version,
    definition: w.definition,
    publishedAt: iso(w.publishedAt),
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    ...(versions ? { versions: versions.map(versionView) } : {}),
  };
}
const versionView = (v: CrmWorkflowVersion) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy, changeNote: v.changeNote });

export const createWorkflowHandler: RouteHandler<typeof createWorkflowRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const w = await createWorkflow(c.get('deps'), c.get('auth')!, { ...body, platform: c.get('platform') });
  return c.json(view(w), 201);
};

export const listWorkflowsHandler: RouteHandler<typeof listWorkflowsRoute, AppEnv> = async (c) => {
  const q = c.req.valid('query');
  const rows = await listWorkflows(c.get('deps'), { page: keyset(q.cursor), limit: q.limit, status: q.status, platform: c.get('platformExplicit') ? c.get('platform') : undefined });
  const p = toPage(rows, q.limit);
  return c.json({ items: p.items.map((w) => view(w)), nextCursor: p.nextCursor }, 200);
};

export const getWorkflowHandler: RouteHandler<typeof getWorkflowRoute, AppEnv> = async (c) => {
  const w = await getWorkflow(c.get('deps'), c.req.valid('param').id);
  return c.json(view(w, w.versions), 200);
};

export const updateWorkflowHandler: RouteHandler<typeof updateWorkflowRoute, AppEnv> = async (c) => {
  const w = await updateWorkflow(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json'));
  return c.json(view(w), 200);
};

export const publishWorkflowHandler: RouteHandler<typeof publishWorkflowRoute, AppEnv> = async (c) => {
  const v = await publishWorkflow(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').changeNote);
  return c.json(versionView(v), 201);
};

export const archiveWorkflowHandler: RouteHandler<typeof archiveWorkflowRoute, AppEnv> = async (c) => {
  const w = await archiveWorkflow(c.get('deps'), c.get('auth')!, c.req.valid('param').id);
  return c.json(view(w), 200);
};

export const dryRunHandler: RouteHandler<typeof dryRunRoute, AppEnv> = async (c) => {
  const result = await dryRunWorkflow(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json'));
  return c.json(result, 200);
};

export const enrollHandler: RouteHandler<typeof enrollRoute, AppEnv> = async (c) => {
  const results = await enrollLeads(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').leadIds);
  return c.json({ results }, 200);
};

export const bulkEnrollHandler: RouteHandler<typeof bulkEnrollRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const op = await bulkEnroll(c.get('deps'), c.get('auth')!, c.req.valid('param').id, { filter: body.filter, version: body.version });
  return c.json(bulkOperationView(op), 202);
};
