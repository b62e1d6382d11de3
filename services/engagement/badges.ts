// Badges: after each XP award (same transaction) the student's stats are gathered and every rule
// of domain/engagement/badges.ts that now holds is awarded once — the insert is ON CONFLICT
// (userId, badgeKey) DO NOTHING, so concurrent awards cannot grant a badge twice. The rule's
// reason is stored in metadata.why and returned with the badge.
import { newlyEarned, PERFECT_WEEK_MIN_SESSIONS, type EngagementStats } from '../../domain/engagement/badges.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import type { Tx } from '../lms/progress.js';
import { notify } from '../notifications/centre.js';
import { recordActivity } from './activity.js';

type Deps = Pick<ServiceDeps, 'db'>;

export async function engagementStats(tx: Tx, userId: string, xpTotal: number): Promise<EngagementStats> {
  const counts = await tx.xpEvent.groupBy({ by: ['eventType'], where: { userId }, _count: { _all: true } });
  const count = (t: string) => counts.find((c) => c.eventType === t)?._count._all ?? 0;
  const [week] = await tx.$queryRaw<{ week: string }[]>`
    SELECT to_char(date_trunc('week', "sessionDate"), 'YYYY-MM-DD') AS "week" FROM "public"."attendance"
     WHERE "userId" = ${userId}::uuid
     GROUP BY 1 HAVING count(*) >= ${PERFECT_WEEK_MIN_SESSIONS} AND bool_and("status" = 'PRESENT')
     ORDER BY 1 LIMIT 1`;
  return {
    xpTotal,
    sessionsCompleted: count('session_completed'),
    quizzesPassed: count('quiz_passed'),
    classesAttended: count('class_attended'),
    assignmentsSubmitted: count('assignment_submitted'),
    perfectAttendanceWeek: week?.week ?? null,
  };
}

/** Awards the badges the student has newly earned; returns their keys. */
export async function evaluateBadges(tx: Tx, userId: string, xpTotal: number): Promise<string[]> {
  const held = new Set((await tx.studentBadge.findMany({ where: { userId }, select: { badgeKey: true } })).map((b) => b.badgeKey));
  const earned = newlyEarned(await engagementStats(tx, userId, xpTotal), held);
  const awarded: string[] = [];
  for (const { rule, why } of earned) {
    const [row] = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "public"."student_badges" ("userId", "badgeKey", "name", "description", "tier", "metadata", "updatedAt")
      VALUES (${userId}::uuid, ${rule.key}, ${rule.name}, ${rule.description}, ${rule.tier}, ${JSON.stringify({ why })}::jsonb, now())
      ON CONFLICT ("userId", "badgeKey") DO NOTHING
      RETURNING "id"::text AS "id"`;
    if (!row) continue;
    awarded.push(rule.key);
    await recordActivity(tx, { userId, type: 'badge_earned', title: `Badge earned: ${rule.name}`, description: why, entityType: 'badge', entityId: row.id, metadata: { badgeKey: rule.key, why } });
    await notify(tx, { userId, type: 'SUCCESS', category: 'SYSTEM', priority: 'LOW', title: `You earned the “${rule.name}” badge`, message: why, data: { badgeKey: rule.key } });
  }
  return awarded;
}

const badgeSelect = { id: true, badgeKey: true, name: true, description: true, iconUrl: true, tier: true, awardedAt: true, metadata: true } as const satisfies Prisma.StudentBadgeSelect;
type BadgeRow = Prisma.StudentBadgeGetPayload<{ select: typeof badgeSelect }>;

export const toBadgeView = (b: BadgeRow) => ({
  id: b.id,
  badgeKey: b.badgeKey,
  name: b.name,
  description: b.description,
  iconUrl: b.iconUrl,
  tier: b.tier,
  why: ((b.metadata as { why?: unknown } | null)?.why as string | undefined) ?? null,
  awardedAt: b.awardedAt.toISOString(),
});

/** The actor's own badges, oldest first (at most one per rule, so the list is short). */
export async function listMyBadges({ db }: Deps, actor: AuthContext) {
  const rows = await db.studentBadge.findMany({ where: { userId: actor.userId }, orderBy: [{ awardedAt: 'asc' }, { id: 'asc' }], select: badgeSelect });
  return rows.map(toBadgeView);
}
