// Who belongs to a batch: a student whose application for it is BATCH_ALLOCATED or ENROLLED.
// Announcements and batch meetings both scope what a student sees by this.
import type { ApplicationStatus } from '../../domain/application/status.js';
import type { ServiceDeps } from '../deps.js';

export const MEMBER_STATUSES: ApplicationStatus[] = ['BATCH_ALLOCATED', 'ENROLLED'];

/** The batches a user belongs to now. */
export async function memberBatchIds(db: Pick<ServiceDeps['db'], 'application'>, userId: string): Promise<string[]> {
  const rows = await db.application.findMany({ where: { userId, status: { in: MEMBER_STATUSES }, batchId: { not: null } }, select: { batchId: true }, distinct: ['batchId'] });
  return rows.map((r) => r.batchId!);
}
