// CSV lead imports other than the upload itself (services/crm/csv-import.ts): the import's
// assignment options, checked before the upload is read, and the reads. An import is visible
// to its uploader and to admins.
import { seesAllLeads } from '../../domain/crm/access.js';
import { DomainError } from '../../domain/errors.js';
import type { LeadImportBatch, Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { assertTeamHasMembers, roundRobinTeam } from './assignment.js';
import type { ImportOptions } from './csv-import.js';

export interface ImportOptionsQuery {
  assign?: 'none' | 'self' | 'round-robin' | undefined;
  salesHeadId?: string | undefined;
  sessionYear?: string | undefined;
  batchId?: string | undefined;
}

export async function resolveImportOptions(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, q: ImportOptionsQuery): Promise<ImportOptions> {
  const base = { sessionYear: q.sessionYear ?? null, batchId: q.batchId ?? null };
  if (q.assign === 'self') {
    if (auth.role !== 'SALES') throw new DomainError('UNPROCESSABLE', 'Only a SALES user can take imported leads (assign=self)', [{ path: 'query.assign', message: 'Not a SALES user' }]);
    return { ...base, assign: 'self', salesHeadId: null };
  }
  if (q.assign === 'round-robin') {
    const team = roundRobinTeam(auth, q.salesHeadId, 'query.salesHeadId');
    await assertTeamHasMembers(deps, team);
    return { ...base, assign: 'round-robin', salesHeadId: team };
  }
  return { ...base, assign: 'none', salesHeadId: null };
}

export async function getImport(deps: Pick<ServiceDeps, 'db'>, auth: AuthContext, id: string): Promise<LeadImportBatch> {
  const batch = await deps.db.leadImportBatch.findFirst({ where: { id, ...(seesAllLeads(auth.role) ? {} : { uploadedById: auth.userId }) } });
  if (!batch) throw new DomainError('NOT_FOUND', 'No such import');
  return batch;
}

/** The caller's own imports, newest first. */
export function listImports(
  deps: Pick<ServiceDeps, 'db'>,
  auth: AuthContext,
  page: { where: Prisma.LeadImportBatchWhereInput; orderBy: Prisma.LeadImportBatchOrderByWithRelationInput[] | Prisma.LeadImportBatchOrderByWithRelationInput; take: number },
): Promise<LeadImportBatch[]> {
  return deps.db.leadImportBatch.findMany({ where: { AND: [page.where, { uploadedById: auth.userId }] }, orderBy: page.orderBy, take: page.take });
}
