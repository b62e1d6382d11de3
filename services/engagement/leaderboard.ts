// A batch's XP leaderboard: its ENROLLED students ranked by the XP they earned in this batch
// (xp_events.batchId = the batch; scope 'all' ranks by all their XP instead), all of it or since
// a date, ties sharing a rank. Read from xp_events, the ledger (revocations included, they are
// negative rows with the award's batchId), so it never drifts from it.
import type { AuthContext, ServiceDeps } from '../deps.js';
import { assertBatchVisible } from './access.js';

type Deps = Pick<ServiceDeps, 'db'>;

interface Row {
  userId: string;
  name: string;
  xp: bigint;
  rank: bigint;
}

export async function batchLeaderboard({ db }: Deps, actor: AuthContext, batchId: string, q: { since?: Date | undefined; limit: number; scope?: 'batch' | 'all' | undefined }) {
  await assertBatchVisible(db, actor, batchId, { members: true });
  const since = q.since ?? null;
  const scope = q.scope ?? 'batch';
  const allXp = scope === 'all';
  const rows = await db.$queryRaw<Row[]>`
    WITH members AS (SELECT DISTINCT "userId" FROM "public"."applications" WHERE "batchId" = ${batchId}::uuid AND "status" = 'ENROLLED'),
         scored AS (
           SELECT m."userId", u."name", COALESCE(sum(x."points"), 0)::bigint AS "xp"
             FROM members m
             JOIN "public"."users" u ON u."id" = m."userId"
             LEFT JOIN "public"."xp_events" x ON x."userId" = m."userId" AND (${allXp} OR x."batchId" = ${batchId}::uuid) AND (${since}::timestamp IS NULL OR x."occurredAt" >= ${since}::timestamp)
            GROUP BY m."userId", u."name"),
         ranked AS (SELECT "userId"::text AS "userId", "name", "xp", rank() OVER (ORDER BY "xp" DESC) AS "rank" FROM scored)
    SELECT * FROM ranked ORDER BY "rank", "name", "userId"`;
  const view = (r: Row) => ({ rank: Number(r.rank), userId: r.userId, name: r.name, xp: Number(r.xp) });
  const me = rows.find((r) => r.userId === actor.userId);
  return { batchId, scope, since: since?.toISOString() ?? null, students: rows.length, items: rows.slice(0, q.limit).map(view), me: me ? view(me) : null };
}
