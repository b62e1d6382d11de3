// Enrolling leads by hand: a short list inline (each lead you may see, at most once per
// workflow), or every lead matching a filter as a bulk operation. Only PUBLISHED workflows
// take enrollments; each is pinned to the version it starts on.
import { DomainError } from '../../domain/errors.js';
import type { CrmBulkOperation } from '../../prisma/generated/client.js';
import type { BulkFilter } from '../../workflows/crm-bulk/crm-bulk.contract.js';
import { visibleLeadsWhere } from '../crm/lead-view.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { startBulkOperation } from './bulk.starter.js';
import { findWorkflow } from './definitions.js';
import { mapLimit, publishedVersion, startEnrollment } from './enrollment.starter.js';

type Deps = Pick<ServiceDeps, 'db' | 'temporal' | 'config'>;

export interface LeadEnrollResult {
  leadId: string;
  result: 'enrolled' | 'already_enrolled' | 'not_found';
  enrollmentId: string | null;
  workflowId: string | null;
}

async function enrollable(deps: Deps, id: string) {
  const w = await findWorkflow(deps, id);
  if (w.status !== 'PUBLISHED') throw new DomainError('CONFLICT', w.status === 'ARCHIVED' ? 'The workflow is archived' : 'The workflow has no published version');
  return w;
}

export async function enrollLeads(deps: Deps, auth: AuthContext, crmWorkflowId: string, leadIds: string[]): Promise<LeadEnrollResult[]> {
  const w = await enrollable(deps, crmWorkflowId);
  const v = (await publishedVersion(deps.db, crmWorkflowId))!;
  const visible = new Set(
    (await deps.db.rawLead.findMany({ where: { AND: [{ id: { in: leadIds }, platform: w.platform }, visibleLeadsWhere(auth)] }, select: { id: true } })).map((l) => l.id),
  );
  return mapLimit([...new Set(leadIds)], 16, async (leadId): Promise<LeadEnrollResult> => {
    if (!visible.has(leadId)) return { leadId, result: 'not_found', enrollmentId: null, workflowId: null };
    const r = await startEnrollment(deps, v, leadId, auth.userId);
    return { leadId, result: r.started ? 'enrolled' : 'already_enrolled', enrollmentId: r.enrollmentId, workflowId: r.workflowId };
  });
}

/** `version` pins a published version other than the latest. */
export async function bulkEnroll(deps: Deps, auth: AuthContext, crmWorkflowId: string, req: { filter: Omit<BulkFilter, 'workflowId' | 'version' | 'status'>; version?: number | undefined }): Promise<CrmBulkOperation> {
  await enrollable(deps, crmWorkflowId);
  if (req.version !== undefined && !(await publishedVersion(deps.db, crmWorkflowId, req.version))) throw new DomainError('NOT_FOUND', `No published version ${req.version}`);
  return startBulkOperation(deps, auth, { action: 'enroll', filter: { ...req.filter, workflowId: crmWorkflowId, ...(req.version ? { version: req.version } : {}) }, reason: null });
}
