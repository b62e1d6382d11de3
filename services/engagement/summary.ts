// A student's XP at a glance: the running total and level (StudentProfile) and the ledger by type.
import type { AuthContext, ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export async function myXpSummary({ db }: Deps, actor: AuthContext) {
  const profile = await db.studentProfile.findUnique({ where: { userId: actor.userId }, select: { xpTotal: true, level: true } });
  const groups = await db.xpEvent.groupBy({ by: ['eventType'], where: { userId: actor.userId }, _count: { _all: true }, _sum: { points: true }, orderBy: { eventType: 'asc' } });
  return {
    xpTotal: profile?.xpTotal ?? 0,
    level: profile?.level ?? 1,
    byType: groups.map((g) => ({ eventType: g.eventType, events: g._count._all, xp: g._sum.points ?? 0 })),
  };
}
