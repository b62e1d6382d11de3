// Staff review of program applications: list and read any application, then SUBMITTED →
// UNDER_REVIEW → APPROVED or REJECTED. Each move locks the row, checks the lifecycle against the
// status it finds and writes in the same transaction, so of two racing moves one gets a 409.
import { applicationLifecycle, type ApplicationStatus } from '../../domain/application/status.js';
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { applicationSelect, lockApplication, toAdminApplicationView } from './application-view.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface ApplicationFilters {
  status?: ApplicationStatus | undefined;
  batchId?: string | undefined;
  /** Name or email contains (case-insensitive). */
  q?: string | undefined;
  /** Set when the request named its platform: only that tenant's applications. */
  platform?: string | undefined;
}

export function listApplications(
  { db }: Deps,
  f: ApplicationFilters,
  page: { where: Prisma.ApplicationWhereInput; orderBy: Prisma.ApplicationOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.ApplicationWhereInput[] = [page.where];
  if (f.status) where.push({ status: f.status });
  if (f.batchId) where.push({ batchId: f.batchId });
  if (f.platform) where.push({ platform: f.platform });
  if (f.q) where.push({ OR: [{ name: { contains: f.q, mode: 'insensitive' } }, { email: { contains: f.q, mode: 'insensitive' } }] });
  return db.application.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: applicationSelect });
}

export async function getApplication({ db }: Deps, id: string) {
  const row = await db.application.findUnique({ where: { id }, select: applicationSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such application');
  return toAdminApplicationView(row);
}

async function move({ db }: Deps, id: string, to: ApplicationStatus, data: Prisma.ApplicationUncheckedUpdateInput = {}) {
  const moved = await db.$transaction(async (tx) => {
    const app = await lockApplication(tx, id);
    if (!app) throw new DomainError('NOT_FOUND', 'No such application');
    applicationLifecycle.assertTransition(app.status, to);
    return tx.application.update({ where: { id }, data: { ...data, status: to }, select: applicationSelect });
  });
  return toAdminApplicationView(moved);
}

export const startReview = (deps: Deps, _reviewerId: string, id: string) => move(deps, id, 'UNDER_REVIEW');

export const approveApplication = (deps: Deps, reviewerId: string, id: string) => move(deps, id, 'APPROVED', { reviewedById: reviewerId, reviewedAt: new Date() });

export function rejectApplication(deps: Deps, reviewerId: string, id: string, reason: string) {
  if (!reason.trim()) throw new DomainError('VALIDATION_FAILED', 'A rejection needs a reason', [{ path: 'json.reason', message: 'Required' }]);
  return move(deps, id, 'REJECTED', { reviewedById: reviewerId, reviewedAt: new Date(), rejectionReason: reason.trim() });
}
