// The student's activity feed (student_activities): one row per XP award and per badge, written
// in the transaction of the event it reports; read newest first, a student's own rows only.
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { Tx } from '../lms/progress.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface ActivityInput {
  userId: string;
  type: string;
  title: string;
  description?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  metadata?: Prisma.InputJsonObject | undefined;
  occurredAt?: Date | undefined;
}

export async function recordActivity(tx: Tx, a: ActivityInput): Promise<void> {
  await tx.studentActivity.create({
    data: {
      userId: a.userId,
      type: a.type,
      title: a.title.slice(0, 300),
      description: a.description ?? null,
      entityType: a.entityType ?? null,
      entityId: a.entityId ?? null,
      ...(a.metadata ? { metadata: a.metadata } : {}),
      ...(a.occurredAt ? { occurredAt: a.occurredAt } : {}),
    },
  });
}

export const activitySelect = { id: true, type: true, title: true, description: true, entityType: true, entityId: true, metadata: true, occurredAt: true, createdAt: true } as const satisfies Prisma.StudentActivitySelect;
type ActivityRow = Prisma.StudentActivityGetPayload<{ select: typeof activitySelect }>;

export const toActivityView = (r: ActivityRow) => ({
  id: r.id,
  type: r.type,
  title: r.title,
  description: r.description,
  entityType: r.entityType,
  entityId: r.entityId,
  xp: typeof (r.metadata as { xp?: unknown } | null)?.xp === 'number' ? (r.metadata as { xp: number }).xp : null,
  occurredAt: r.occurredAt.toISOString(),
});

/** The actor's own feed, newest first (keyset on occurredAt, id). */
export function listMyActivity({ db }: Deps, actor: AuthContext, f: { type?: string | undefined }, page: { where: Prisma.StudentActivityWhereInput; orderBy: Prisma.StudentActivityOrderByWithRelationInput[]; take: number }) {
  return db.studentActivity.findMany({ where: { AND: [page.where, { userId: actor.userId }, ...(f.type ? [{ type: f.type }] : [])] }, orderBy: page.orderBy, take: page.take, select: activitySelect });
}
