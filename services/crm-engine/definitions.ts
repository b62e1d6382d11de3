// CRM workflow definitions: drafts, publishing numbered frozen versions (under a row lock, so
// concurrent publishes each get the next number), archiving, and dry runs that send nothing.
import { DefinitionSchema, triggerColumn, validateGraph, type WorkflowDefinition } from '../../domain/crm-engine/definition.js';
import { dryRun, type LeadSnapshot } from '../../domain/crm-engine/graph.js';
import { DomainError } from '../../domain/errors.js';
import type { CrmWorkflow, CrmWorkflowStatus, CrmWorkflowVersion, Prisma } from '../../prisma/generated/client.js';
import { visibleLeadsWhere } from '../crm/lead-view.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { publishedVersion } from './enrollment.starter.js';
import { leadSnapshot } from './lead-snapshot.js';

type Deps = Pick<ServiceDeps, 'db'>;
const json = (v: unknown) => v as Prisma.InputJsonValue;

/** A keyset page: the `where` after the cursor and its order (built by the caller). */
export interface WorkflowPage {
  where: Prisma.CrmWorkflowWhereInput;
  orderBy: Prisma.CrmWorkflowOrderByWithRelationInput[];
}

export async function findWorkflow(deps: Deps, id: string): Promise<CrmWorkflow> {
  const w = await deps.db.crmWorkflow.findUnique({ where: { id } });
  if (!w) throw new DomainError('NOT_FOUND', 'No such workflow');
  return w;
}

/** The working copy parsed and graph-checked, or a 422 naming each problem under `definition.`. */
function validWorkingCopy(stored: unknown): WorkflowDefinition {
  const parsed = DefinitionSchema.safeParse(stored);
  if (!parsed.success) {
    throw new DomainError('UNPROCESSABLE', 'The working copy is not a valid definition', parsed.error.issues.map((i) => ({ path: ['definition', ...i.path].join('.'), message: i.message })));
  }
  const issues = validateGraph(parsed.data);
  if (issues.length) throw new DomainError('UNPROCESSABLE', 'The workflow graph is not valid', issues.map((i) => ({ path: `definition.${i.path}`, message: i.message })));
  return parsed.data;
}

export interface NewWorkflow {
  name: string;
  description?: string | undefined;
  definition: WorkflowDefinition;
  allowReenrollment: boolean;
  platform: string;
}

export function createWorkflow(deps: Deps, auth: AuthContext, w: NewWorkflow): Promise<CrmWorkflow> {
  return deps.db.crmWorkflow.create({
    data: {
      name: w.name,
      description: w.description ?? null,
      definition: json(w.definition),
      triggerType: triggerColumn(w.definition),
      allowReenrollment: w.allowReenrollment,
      platform: w.platform,
      createdBy: auth.userId,
      updatedBy: auth.userId,
    },
  });
}

/** `platform` narrows the list only when the request named one. */
export function listWorkflows(deps: Deps, q: { page: WorkflowPage; limit: number; status?: CrmWorkflowStatus | undefined; platform?: string | undefined }): Promise<CrmWorkflow[]> {
  return deps.db.crmWorkflow.findMany({
    where: { AND: [q.page.where, q.status ? { status: q.status } : {}, q.platform ? { platform: q.platform } : {}] },
    orderBy: q.page.orderBy,
    take: q.limit + 1,
  });
}

export async function getWorkflow(deps: Deps, id: string): Promise<CrmWorkflow & { versions: CrmWorkflowVersion[] }> {
  const w = await deps.db.crmWorkflow.findUnique({ where: { id }, include: { versions: { orderBy: { version: 'desc' } } } });
  if (!w) throw new DomainError('NOT_FOUND', 'No such workflow');
  return w;
}

export interface WorkflowEdit {
  name?: string | undefined;
  description?: string | null | undefined;
  allowReenrollment?: boolean | undefined;
  definition?: WorkflowDefinition | undefined;
}

export async function updateWorkflow(deps: Deps, auth: AuthContext, id: string, edit: WorkflowEdit): Promise<CrmWorkflow> {
  const w = await findWorkflow(deps, id);
  if (w.status === 'ARCHIVED') throw new DomainError('CONFLICT', 'The workflow is archived');
  return deps.db.crmWorkflow.update({
    where: { id },
    data: {
      ...(edit.name !== undefined ? { name: edit.name } : {}),
      ...(edit.description !== undefined ? { description: edit.description } : {}),
      ...(edit.allowReenrollment !== undefined ? { allowReenrollment: edit.allowReenrollment } : {}),
      // The trigger column follows the latest PUBLISHED version; a draft edit leaves it.
      ...(edit.definition ? { definition: json(edit.definition), ...(w.version === 0 ? { triggerType: triggerColumn(edit.definition) } : {}) } : {}),
      updatedBy: auth.userId,
    },
  });
}

export function publishWorkflow(deps: Deps, auth: AuthContext, id: string, changeNote: string | undefined): Promise<CrmWorkflowVersion> {
  return deps.db.$transaction(async (tx) => {
    // The row lock orders concurrent publishes: each gets the next number.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "mas_crm"."workflows" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!locked.length) throw new DomainError('NOT_FOUND', 'No such workflow');
    const w = await tx.crmWorkflow.findUniqueOrThrow({ where: { id } });
    if (w.status === 'ARCHIVED') throw new DomainError('CONFLICT', 'The workflow is archived');
    const def = validWorkingCopy(w.definition);
    const next = w.version + 1;
    const v = await tx.crmWorkflowVersion.create({ data: { workflowId: id, version: next, definition: json(def), publishedBy: auth.userId, changeNote: changeNote ?? null } });
    await tx.crmWorkflow.update({ where: { id }, data: { version: next, status: 'PUBLISHED', publishedAt: v.publishedAt, triggerType: triggerColumn(def), updatedBy: auth.userId } });
    return v;
  });
}

export async function archiveWorkflow(deps: Deps, auth: AuthContext, id: string): Promise<CrmWorkflow> {
  await findWorkflow(deps, id);
  return deps.db.crmWorkflow.update({ where: { id }, data: { status: 'ARCHIVED', archivedAt: new Date(), updatedBy: auth.userId } });
}

export interface DryRunRequest {
  version: number | 'draft';
  /** A lead the caller may see, whose fields are the sample. */
  leadId?: string | undefined;
  /** Sample fields, over the lead's. */
  lead?: LeadSnapshot | undefined;
}

export async function dryRunWorkflow(deps: Deps, auth: AuthContext, id: string, req: DryRunRequest) {
  const w = await findWorkflow(deps, id);
  let def: WorkflowDefinition;
  if (req.version === 'draft') {
    def = validWorkingCopy(w.definition);
  } else {
    const v = await publishedVersion(deps.db, id, req.version);
    if (!v) throw new DomainError('NOT_FOUND', `No published version ${req.version}`);
    def = v.definition;
  }
  let sample = {};
  if (req.leadId) {
    const lead = await deps.db.rawLead.findFirst({ where: { AND: [{ id: req.leadId }, visibleLeadsWhere(auth)] } });
    if (!lead) throw new DomainError('NOT_FOUND', 'No such lead you can see');
    sample = leadSnapshot(lead);
  }
  return { version: req.version, ...dryRun(def, { ...sample, ...req.lead }, Date.now()) };
}
