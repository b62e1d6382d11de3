// The public mentor directory: active mentors by expertise, rating and price, newest first with
// cursor pages; a mentor's profile with their students' ratings (slots_feedback, side STUDENT;
// comments without the student's identity); profile views recorded once per signed-in viewer per
// mentor per UTC day (a transaction-scoped advisory lock makes two parallel views one row), never
// for the mentor themself; and a mentor's own view counts.
import { DomainError } from '../../domain/errors.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export interface DirectoryFilters {
  expertise?: string | undefined;
  minRating?: number | undefined;
  maxRateTokens?: number | undefined;
  q?: string | undefined;
}

interface MentorCard {
  id: string;
  userId: string;
  name: string;
  bio: string | null;
  expertise: string[];
  rateTokens: number;
  rating: number | null;
  ratingCount: number;
  createdAt: Date;
}

/** One page of active mentors, keyset on (createdAt, id) descending; the rating is the students' average. */
export async function listMentors(deps: Deps, f: DirectoryFilters, after: { createdAt: Date; id: string } | null, take: number): Promise<MentorCard[]> {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%` : null;
  return deps.db.$queryRaw<MentorCard[]>`
    SELECT m."id"::text AS "id", m."userId"::text AS "userId", u."name", m."bio", m."expertise", m."rateTokens",
           r."rating", r."ratingCount", m."createdAt"
      FROM "public"."mentors" m
      JOIN "public"."users" u ON u."id" = m."userId"
      LEFT JOIN LATERAL (
        SELECT round(avg(f."rating")::numeric, 2)::float8 AS "rating", count(*)::int AS "ratingCount"
          FROM "public"."slots_feedback" f WHERE f."aboutUserId" = m."userId" AND f."side" = 'STUDENT'
      ) r ON true
     WHERE m."isActive" AND u."isActive"
       AND (${f.expertise ?? null}::text IS NULL OR EXISTS (SELECT 1 FROM unnest(m."expertise") e WHERE lower(e) = lower(${f.expertise ?? null}::text)))
       AND (${f.maxRateTokens ?? null}::int IS NULL OR m."rateTokens" <= ${f.maxRateTokens ?? null}::int)
       AND (${f.minRating ?? null}::float8 IS NULL OR r."rating" >= ${f.minRating ?? null}::float8)
       AND (${like}::text IS NULL OR u."name" ILIKE ${like}::text OR m."bio" ILIKE ${like}::text)
       AND (${after?.createdAt ?? null}::timestamp IS NULL OR (m."createdAt", m."id") < (${after?.createdAt ?? null}::timestamp, ${after?.id ?? null}::uuid))
     ORDER BY m."createdAt" DESC, m."id" DESC
     LIMIT ${take}`;
}

export const toMentorCard = (m: MentorCard) => ({ ...m, createdAt: m.createdAt.toISOString() });

export async function mentorProfile(deps: Deps, mentorUserId: string) {
  const mentor = await deps.db.mentor.findUnique({ where: { userId: mentorUserId }, select: { id: true, userId: true, bio: true, expertise: true, rateTokens: true, isActive: true, createdAt: true, user: { select: { name: true, isActive: true } } } });
  if (!mentor?.isActive || !mentor.user.isActive) throw new DomainError('NOT_FOUND', 'No such mentor');
  const where = { aboutUserId: mentorUserId, side: 'STUDENT' as const };
  const [agg, histogram, recent, sessions] = await Promise.all([
    deps.db.slotFeedback.aggregate({ where, _avg: { rating: true }, _count: { _all: true } }),
    deps.db.slotFeedback.groupBy({ by: ['rating'], where, _count: { _all: true } }),
    deps.db.slotFeedback.findMany({ where: { ...where, comment: { not: null } }, orderBy: { createdAt: 'desc' }, take: 10, select: { rating: true, experience: true, comment: true, createdAt: true } }),
    deps.db.slot.count({ where: { mentorId: mentorUserId, status: 'COMPLETED' } }),
  ]);
  return {
    id: mentor.id,
    userId: mentor.userId,
    name: mentor.user.name,
    bio: mentor.bio,
    expertise: mentor.expertise,
    rateTokens: mentor.rateTokens,
    createdAt: mentor.createdAt.toISOString(),
    completedSessions: sessions,
    rating: agg._avg.rating === null ? null : Math.round(agg._avg.rating * 100) / 100,
    ratingCount: agg._count._all,
    ratingHistogram: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [String(n), histogram.find((h) => h.rating === n)?._count._all ?? 0])),
    recentReviews: recent.map((r) => ({ rating: r.rating, experience: r.experience, comment: r.comment, createdAt: r.createdAt.toISOString() })),
  };
}

/** A signed-in user opened a mentor's profile: one row per viewer, mentor and UTC day. */
export async function recordProfileView(deps: Deps, viewer: AuthContext, mentorUserId: string, source: string | null): Promise<{ recorded: boolean }> {
  const mentor = await deps.db.mentor.findUnique({ where: { userId: mentorUserId }, select: { isActive: true } });
  if (!mentor?.isActive) throw new DomainError('NOT_FOUND', 'No such mentor');
  if (viewer.userId === mentorUserId) return { recorded: false };
  return deps.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`profile-view:${viewer.userId}:${mentorUserId}`}, 0))`;
    const dayStart = new Date();
    dayStart.setUTCHours(0, 0, 0, 0);
    const seen = await tx.profileView.count({ where: { viewerId: viewer.userId, mentorUserId, viewedAt: { gte: dayStart } } });
    if (seen) return { recorded: false };
    await tx.profileView.create({ data: { viewerId: viewer.userId, mentorUserId, source } });
    return { recorded: true };
  });
}

/** The mentor's own counts: all time, the last 7 and 30 days, and per day for the last 30. */
export async function myProfileViews(deps: Deps, mentor: AuthContext) {
  const isMentor = await deps.db.mentor.count({ where: { userId: mentor.userId } });
  if (!isMentor) throw new DomainError('NOT_FOUND', 'You have no mentor profile');
  const since = (days: number) => new Date(Date.now() - days * 86_400_000);
  const [total, last7, last30, daily] = await Promise.all([
    deps.db.profileView.count({ where: { mentorUserId: mentor.userId } }),
    deps.db.profileView.count({ where: { mentorUserId: mentor.userId, viewedAt: { gte: since(7) } } }),
    deps.db.profileView.count({ where: { mentorUserId: mentor.userId, viewedAt: { gte: since(30) } } }),
    deps.db.$queryRaw<{ day: string; views: number }[]>`
      SELECT to_char(date_trunc('day', "viewedAt"), 'YYYY-MM-DD') AS "day", count(*)::int AS "views"
        FROM "public"."profile_views" WHERE "mentorUserId" = ${mentor.userId}::uuid AND "viewedAt" >= ${since(30)}
       GROUP BY 1 ORDER BY 1`,
  ]);
  return { total, last7Days: last7, last30Days: last30, daily };
}
