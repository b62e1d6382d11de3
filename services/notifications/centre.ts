// The notifications centre: the one way in-app notifications are written (every producer calls
// notify(), inside its own transaction where it has one) and read (a user's own rows only; another
// user's notification is 404, never 403). Read state moves forward only: readAt is set once, by a
// conditional UPDATE, so "mark one" and "mark all" racing each other count every row once.
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { NotificationCategory, NotificationPriority, NotificationType, Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
type Deps = Pick<ServiceDeps, 'db'>;

export interface NotifyInput {
  userId: string;
  type?: NotificationType;
  category?: NotificationCategory;
  priority?: NotificationPriority;
  title: string;
  message: string;
  actionUrl?: string | null;
  data?: Prisma.InputJsonObject;
  expiresAt?: Date | null;
}

/** Column limits the centre enforces for every producer, so no caller stores an unbounded title. */
export const NOTIFICATION_TITLE_MAX = 200;
export const NOTIFICATION_MESSAGE_MAX = 2000;

/** Writes one notification with `db` (pass the producer's transaction so it commits with the change it reports). */
export async function notify(db: Db | Tx, input: NotifyInput): Promise<{ id: string }> {
  return db.notification.create({
    data: {
      userId: input.userId,
      type: input.type ?? 'INFO',
      category: input.category ?? 'SYSTEM',
      priority: input.priority ?? 'MEDIUM',
      title: input.title.slice(0, NOTIFICATION_TITLE_MAX),
      message: input.message.slice(0, NOTIFICATION_MESSAGE_MAX),
      actionUrl: input.actionUrl ?? null,
      ...(input.data ? { data: input.data } : {}),
      expiresAt: input.expiresAt ?? null,
    },
    select: { id: true },
  });
}

export const notificationSelect = {
  id: true,
  type: true,
  category: true,
  priority: true,
  title: true,
  message: true,
  actionUrl: true,
  data: true,
  readAt: true,
  expiresAt: true,
  createdAt: true,
} as const satisfies Prisma.NotificationSelect;
type NotificationRow = Prisma.NotificationGetPayload<{ select: typeof notificationSelect }>;

export const toNotificationView = (r: NotificationRow) => ({
  ...r,
  data: (r.data ?? null) as Record<string, unknown> | null,
  read: r.readAt !== null,
  readAt: r.readAt?.toISOString() ?? null,
  expiresAt: r.expiresAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export interface NotificationFilters {
  category?: NotificationCategory | undefined;
  priority?: NotificationPriority | undefined;
  unread?: boolean | undefined;
}

/** The caller's visible notifications: their own, not yet expired. */
const visible = (userId: string, now: Date): Prisma.NotificationWhereInput => ({ userId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

export async function listMyNotifications(
  deps: Deps,
  auth: AuthContext,
  filters: NotificationFilters,
  page: { where: Prisma.NotificationWhereInput; orderBy: Prisma.NotificationOrderByWithRelationInput[]; take: number },
  now = new Date(),
) {
  const where: Prisma.NotificationWhereInput[] = [page.where, visible(auth.userId, now)];
  if (filters.category) where.push({ category: filters.category });
  if (filters.priority) where.push({ priority: filters.priority });
  if (filters.unread !== undefined) where.push({ readAt: filters.unread ? null : { not: null } });
  return deps.db.notification.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: notificationSelect });
}

/** Unread and not expired, in total and by category (the bell and its tabs). */
export async function unreadCount(deps: Deps, auth: AuthContext, now = new Date()) {
  const groups = await deps.db.notification.groupBy({ by: ['category'], where: { AND: [visible(auth.userId, now), { readAt: null }] }, _count: { _all: true } });
  const byCategory: Partial<Record<NotificationCategory, number>> = {};
  for (const g of groups) byCategory[g.category] = g._count._all;
  return { unread: groups.reduce((n, g) => n + g._count._all, 0), byCategory };
}

/** Marks one of the caller's notifications read (again: a no-op keeping the first readAt). Another user's is 404. */
export async function markNotificationRead(deps: Deps, auth: AuthContext, id: string, now = new Date()) {
  await deps.db.notification.updateMany({ where: { id, userId: auth.userId, readAt: null }, data: { readAt: now } });
  const row = await deps.db.notification.findFirst({ where: { id, userId: auth.userId }, select: notificationSelect });
  if (!row) throw new DomainError('NOT_FOUND', 'No such notification');
  return toNotificationView(row);
}

/**
 * Marks the caller's unread notifications read, those created up to `before` (default now), so
 * one that arrives during the call stays unread. One UPDATE … WHERE readAt IS NULL: concurrent
 * calls (and single marks) never count a row twice nor move a readAt.
 */
export async function markAllNotificationsRead(deps: Deps, auth: AuthContext, opts: { before?: Date | undefined; category?: NotificationCategory | undefined } = {}, now = new Date()) {
  const { count } = await deps.db.notification.updateMany({
    where: { userId: auth.userId, readAt: null, createdAt: { lte: opts.before ?? now }, ...(opts.category ? { category: opts.category } : {}) },
    data: { readAt: now },
  });
  return { marked: count };
}
