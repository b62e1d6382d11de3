// The Mr Learn reminder log (mrlearn.reminder_logs) for staff: newest first, filtered by status,
// batch, learner or type. Each row is one reminder key (services/sync/reminders.ts).
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

export type ReminderStatus = 'PENDING' | 'SENT' | 'FAILED' | 'SKIPPED';

export interface ReminderLogFilters {
  status?: ReminderStatus | undefined;
  batchId?: string | undefined;
  learnerId?: string | undefined;
  reminderType?: string | undefined;
}

type Page = { where: Prisma.MrLearnReminderLogWhereInput; orderBy: Prisma.MrLearnReminderLogOrderByWithRelationInput[]; take: number };

export async function listReminderLogs({ db }: Pick<ServiceDeps, 'db'>, f: ReminderLogFilters, page: Page) {
  const where: Prisma.MrLearnReminderLogWhereInput[] = [page.where];
  if (f.status) where.push({ status: f.status });
  if (f.batchId) where.push({ batchId: f.batchId });
  if (f.learnerId) where.push({ learnerId: f.learnerId });
  if (f.reminderType) where.push({ reminderType: f.reminderType });
  return db.mrLearnReminderLog.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take });
}

export const toReminderLogView = (r: Awaited<ReturnType<typeof listReminderLogs>>[number]) => ({
  ...r,
  sentAt: r.sentAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});
