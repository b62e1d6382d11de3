// CRM workflow definitions: drafts, publishing numbered frozen versions, dry runs, and
// enrolling leads by hand or in bulk.
import type { RouteHandler } from '@hono/zod-openapi';
import { DefinitionSchema, triggerColumn, validateGraph, type WorkflowDefinition } from '../../../domain/crm-engine/definition.js';
import { dryRun } from '../../../domain/crm-engine/graph.js';
import { leadSnapshot } from '../../../services/crm-engine/lead-snapshot.js';
import type { CrmWorkflow, CrmWorkflowVersion, Prisma } from '../../../prisma/generated/client.js';
import { visibleLeadsWhere } from '../../../services/crm/lead-view.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import { mapLimit, publishedVersion, startEnrollment } from '../../../services/crm-engine/enrollment.starter.js';
import { startBulkOperation, bulkOperationView } from '../../../services/crm-engine/bulk.starter.js';
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

type Deps = AppEnv['Variables']['deps'];
const json = (v: unknown) => v as Prisma.InputJsonValue;
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

async function findWorkflow(deps: Deps, id: string) {
  const w = await deps.db.crmWorkflow.findUnique({ where: { id } });
  if (!w) throw new DomainError('NOT_FOUND', 'No such workflow');
  return w;
}

function graphProblem(def: WorkflowDefinition, prefix: string) {
  const issues = validateGraph(def);
  if (issues.length) throw new DomainError('UNPROCESSABLE', 'The workflow graph is not valid', issues.map((i) => ({ path: `${prefix}.${i.path}`, message: i.message })));
}

export const createWorkflowHandler: RouteHandler<typeof createWorkflowRoute, AppEnv> = async (c) => {
  const body = c.req.valid('json');
  const auth = c.get('auth')!;
  const w = await c.var.deps.db.crmWorkflow.create({
    data: {
      name: body.name,
      description: body.description ?? null,
      definition: json(body.definition),
      triggerType: triggerColumn(body.definition),
      allowReenrollment: body.allowReenrollment,
      platform: c.var.platform,
      createdBy: auth.userId,
      updatedBy: auth.userId,
    },
  });
  return c.json(view(w), 201);
};

export const listWorkflowsHandler: RouteHandler<typeof listWorkflowsRoute, AppEnv> = async (c) => {
  const q = c.req.valid('query');
  const page = keyset(q.cursor);
  const rows = await c.var.deps.db.crmWorkflow.findMany({
    where: { AND: [page.where, q.status ? { status: q.status } : {}, c.var.platformExplicit ? { platform: c.var.platform } : {}] },
    orderBy: page.orderBy,
    take: q.limit + 1,
  });
  const p = toPage(rows, q.limit);
  return c.json({ items: p.items.map((w) => view(w)), nextCursor: p.nextCursor }, 200);
};

export const getWorkflowHandler: RouteHandler<typeof getWorkflowRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const w = await c.var.deps.db.crmWorkflow.findUnique({ where: { id }, include: { versions: { orderBy: { version: 'desc' } } } });
  if (!w) throw new DomainError('NOT_FOUND', 'No such workflow');
  return c.json(view(w, w.versions), 200);
};

export const updateWorkflowHandler: RouteHandler<typeof updateWorkflowRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const w = await findWorkflow(c.var.deps, id);
  if (w.status === 'ARCHIVED') throw new DomainError('CONFLICT', 'The workflow is archived');
  const updated = await c.var.deps.db.crmWorkflow.update({
    where: { id },
    data: {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.allowReenrollment !== undefined ? { allowReenrollment: body.allowReenrollment } : {}),
      // The trigger column follows the latest PUBLISHED version; a draft edit leaves it.
      ...(body.definition ? { definition: json(body.definition), ...(w.version === 0 ? { triggerType: triggerColumn(body.definition) } : {}) } : {}),
      updatedBy: c.get('auth')!.userId,
    },
  });
  return c.json(view(updated), 200);
};

export const publishWorkflowHandler: RouteHandler<typeof publishWorkflowRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { changeNote } = c.req.valid('json');
  const auth = c.get('auth')!;
  const version = await c.var.deps.db.$transaction(async (tx) => {
    // The row lock orders concurrent publishes: each gets the next number.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "mas_crm"."workflows" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!locked.length) throw new DomainError('NOT_FOUND', 'No such workflow');
    const w = await tx.crmWorkflow.findUniqueOrThrow({ where: { id } });
    if (w.status === 'ARCHIVED') throw new DomainError('CONFLICT', 'The workflow is archived');
    const parsed = DefinitionSchema.safeParse(w.definition);
    if (!parsed.success) {
      throw new DomainError('UNPROCESSABLE', 'The working copy is not a valid definition', parsed.error.issues.map((i) => ({ path: ['definition', ...i.path].join('.'), message: i.message })));
    }
    graphProblem(parsed.data, 'definition');
    const next = w.version + 1;
    const v = await tx.crmWorkflowVersion.create({ data: { workflowId: id, version: next, definition: json(parsed.data), publishedBy: auth.userId, changeNote: changeNote ?? null } });
    await tx.crmWorkflow.update({ where: { id }, data: { version: next, status: 'PUBLISHED', publishedAt: v.publishedAt, triggerType: triggerColumn(parsed.data), updatedBy: auth.userId } });
    return v;
  });
  return c.json(versionView(version), 201);
};

export const archiveWorkflowHandler: RouteHandler<typeof archiveWorkflowRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  await findWorkflow(c.var.deps, id);
  const w = await c.var.deps.db.crmWorkflow.update({ where: { id }, data: { status: 'ARCHIVED', archivedAt: new Date(), updatedBy: c.get('auth')!.userId } });
  return c.json(view(w), 200);
};

export const dryRunHandler: RouteHandler<typeof dryRunRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const deps = c.var.deps;
  const w = await findWorkflow(deps, id);
  let def: WorkflowDefinition;
  if (body.version === 'draft') {
    const parsed = DefinitionSchema.safeParse(w.definition);
    if (!parsed.success) throw new DomainError('UNPROCESSABLE', 'The working copy is not a valid definition', parsed.error.issues.map((i) => ({ path: ['definition', ...i.path].join('.'), message: i.message })));
    graphProblem(parsed.data, 'definition');
    def = parsed.data;
  } else {
    const v = await publishedVersion(deps.db, id, body.version);
    if (!v) throw new DomainError('NOT_FOUND', `No published version ${body.version}`);
    def = v.definition;
  }
  let sample = {};
  if (body.leadId) {
    const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id: body.leadId }, visibleLeadsWhere(c.get('auth')!)] } });
    if (!lead) throw new DomainError('NOT_FOUND', 'No such lead you can see');
    sample = leadSnapshot(lead);
  }
  const result = dryRun(def, { ...sample, ...body.lead }, Date.now());
  return c.json({ version: body.version, ...result }, 200);
};

async function enrollable(deps: Deps, id: string) {
  const w = await findWorkflow(deps, id);
  if (w.status !== 'PUBLISHED') throw new DomainError('CONFLICT', w.status === 'ARCHIVED' ? 'The workflow is archived' : 'The workflow has no published version');
  return w;
}

export const enrollHandler: RouteHandler<typeof enrollRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const { leadIds } = c.req.valid('json');
  const deps = c.var.deps;
  const auth = c.get('auth')!;
  const w = await enrollable(deps, id);
  const v = (await publishedVersion(deps.db, id))!;
  const visible = new Set(
    (await deps.db.rawLead.findMany({ where: { AND: [{ id: { in: leadIds }, platform: w.platform }, visibleLeadsWhere(auth)] }, select: { id: true } })).map((l) => l.id),
  );
  const results = await mapLimit([...new Set(leadIds)], 16, async (leadId) => {
    if (!visible.has(leadId)) return { leadId, result: 'not_found' as const, enrollmentId: null, workflowId: null };
    const r = await startEnrollment(deps, v, leadId, auth.userId);
    return { leadId, result: r.started ? ('enrolled' as const) : ('already_enrolled' as const), enrollmentId: r.enrollmentId, workflowId: r.workflowId };
  });
  return c.json({ results }, 200);
};

export const bulkEnrollHandler: RouteHandler<typeof bulkEnrollRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const deps = c.var.deps;
  await enrollable(deps, id);
  if (body.version !== undefined && !(await publishedVersion(deps.db, id, body.version))) throw new DomainError('NOT_FOUND', `No published version ${body.version}`);
  const op = await startBulkOperation(deps, c.get('auth')!, { action: 'enroll', filter: { ...body.filter, workflowId: id, ...(body.version ? { version: body.version } : {}) }, reason: null });
  return c.json(bulkOperationView(op), 202);
};
