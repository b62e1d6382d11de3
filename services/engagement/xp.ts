// The one way XP is awarded. Every producer (slot completion, quiz pass, attendance, assignment
// hand-in) calls awardXp inside the transaction that commits its event, so the award commits
// with it or not at all. Exactly-once: the insert is ON CONFLICT (dedupeKey) DO NOTHING, so a
// retried, replayed or parallel duplicate of the same event inserts nothing and adds no XP; only
// the inserting transaction moves StudentProfile.xpTotal, writes the feed row and checks badges.
// Revocation: when the source is undone (attendance re-marked ABSENT/EXCUSED), revokeXp writes one
// negative row keyed `revoke:<award key>` for the event's live award; a later re-award (marked
// PRESENT again) is the event's next award, keyed `<key>:v<n>` (domain/engagement/xp.ts).
import { levelFor, XP_REVOKE_PREFIX, XP_SOURCE_TYPE, xpAwardKey, xpDedupeKey, xpRevokeKey, type XpEventType } from '../../domain/engagement/xp.js';
import type { Tx } from '../lms/progress.js';
import { readConfig } from '../system-config/read-config.js';
import { evaluateBadges } from './badges.js';
import { recordActivity } from './activity.js';

export interface XpAwardInput {
  userId: string;
  eventType: XpEventType;
  /** The id of what earned it (slot, quiz, attendance row, assignment). */
  sourceId: string;
  batchId?: string | null | undefined;
  occurredAt?: Date | undefined;
  /** The feed row's title, e.g. "Passed quiz: Joins". */
  title: string;
}

export interface XpAwardResult {
  awarded: boolean;
  points: number;
  xpTotal: number | null;
  badges: string[];
}

interface AwardRow {
  id: string;
  dedupeKey: string;
  points: number;
  batchId: string | null;
  revoked: boolean;
}

/** Every award of one event (not its revocations), oldest first, each with whether it was revoked. */
async function awardsOf(tx: Tx, userId: string, eventType: XpEventType, sourceId: string): Promise<AwardRow[]> {
  return tx.$queryRaw<AwardRow[]>`
    SELECT a."id"::text AS "id", a."dedupeKey", a."points", a."batchId"::text AS "batchId",
           EXISTS (SELECT 1 FROM "public"."xp_events" r WHERE r."dedupeKey" = ${XP_REVOKE_PREFIX} || a."dedupeKey") AS "revoked"
      FROM "public"."xp_events" a
     WHERE a."userId" = ${userId}::uuid AND a."eventType" = ${eventType} AND a."sourceId" = ${sourceId}::uuid
       AND NOT starts_with(a."dedupeKey", ${XP_REVOKE_PREFIX})
     ORDER BY a."createdAt", a."id"`;
}

/** Adds `points` (signed) to the student's total and level; returns the new total. */
async function moveTotal(tx: Tx, userId: string, points: number): Promise<number> {
  const [profile] = await tx.$queryRaw<{ xpTotal: number }[]>`
    INSERT INTO "public"."student_profiles" ("userId", "xpTotal", "level", "updatedAt")
    VALUES (${userId}::uuid, ${points}, ${levelFor(points)}, now())
    ON CONFLICT ("userId") DO UPDATE SET "xpTotal" = "student_profiles"."xpTotal" + EXCLUDED."xpTotal", "updatedAt" = now()
    RETURNING "xpTotal"`;
  const xpTotal = profile!.xpTotal;
  await tx.studentProfile.update({ where: { userId }, data: { level: levelFor(xpTotal) } });
  return xpTotal;
}

export async function awardXp(tx: Tx, input: XpAwardInput): Promise<XpAwardResult> {
  const points = (await readConfig(tx, 'engagement.xpPoints'))[input.eventType];
  const sourceType = XP_SOURCE_TYPE[input.eventType];
  // The event's next award key: the plain key first; after a revocation, the next version. A live
  // (unrevoked) award means nothing to do.
  const awards = await awardsOf(tx, input.userId, input.eventType, input.sourceId);
  if (awards.some((a) => !a.revoked)) return { awarded: false, points: 0, xpTotal: null, badges: [] };
  const dedupeKey = xpAwardKey(xpDedupeKey(input.eventType, input.sourceId, input.userId), awards.length + 1);
  const occurredAt = input.occurredAt ?? new Date();
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "public"."xp_events" ("userId", "points", "eventType", "sourceType", "sourceId", "batchId", "dedupeKey", "occurredAt", "updatedAt")
    VALUES (${input.userId}::uuid, ${points}, ${input.eventType}, ${sourceType}, ${input.sourceId}::uuid, ${input.batchId ?? null}::uuid, ${dedupeKey}, ${occurredAt}, now())
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"::text AS "id"`;
  if (!inserted) return { awarded: false, points: 0, xpTotal: null, badges: [] };
  const xpTotal = await moveTotal(tx, input.userId, points);
  await recordActivity(tx, {
    userId: input.userId,
    type: input.eventType,
    title: input.title,
    description: `+${points} XP`,
    entityType: sourceType,
    entityId: input.sourceId,
    metadata: { xp: points, xpEventId: inserted.id },
    occurredAt,
  });
  const badges = await evaluateBadges(tx, input.userId, xpTotal);
  return { awarded: true, points, xpTotal, badges };
}

export interface XpRevokeInput {
  userId: string;
  eventType: XpEventType;
  sourceId: string;
  /** The feed row's title, e.g. "Attendance changed: Joins". */
  title: string;
}

/**
 * Claws back the event's live award: one row of minus the awarded points (same batch, so batch
 * leaderboards drop it too), keyed `revoke:<award key>`, so a retried, replayed or parallel
 * revocation inserts nothing more. No live award (never awarded, or already revoked): no-op.
 * Badges already earned stay.
 */
export async function revokeXp(tx: Tx, input: XpRevokeInput): Promise<{ revoked: boolean; points: number; xpTotal: number | null }> {
  const live = (await awardsOf(tx, input.userId, input.eventType, input.sourceId)).find((a) => !a.revoked);
  if (!live) return { revoked: false, points: 0, xpTotal: null };
  const points = -live.points;
  const sourceType = XP_SOURCE_TYPE[input.eventType];
  const occurredAt = new Date();
  const [inserted] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "public"."xp_events" ("userId", "points", "eventType", "sourceType", "sourceId", "batchId", "dedupeKey", "metadata", "occurredAt", "updatedAt")
    VALUES (${input.userId}::uuid, ${points}, ${input.eventType}, ${sourceType}, ${input.sourceId}::uuid, ${live.batchId}::uuid, ${xpRevokeKey(live.dedupeKey)},
            ${JSON.stringify({ revokes: live.id })}::jsonb, ${occurredAt}, now())
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"::text AS "id"`;
  if (!inserted) return { revoked: false, points: 0, xpTotal: null };
  const xpTotal = await moveTotal(tx, input.userId, points);
  await recordActivity(tx, {
    userId: input.userId,
    type: 'xp_revoked',
    title: input.title,
    description: `${points} XP`,
    entityType: sourceType,
    entityId: input.sourceId,
    metadata: { xp: points, xpEventId: inserted.id, revokes: live.id },
    occurredAt,
  });
  return { revoked: true, points, xpTotal };
}

/** The student's newest ENROLLED batch that teaches `courseId` (the XP's leaderboard batch), or null. */
export async function batchOfCourse(tx: Tx, userId: string, courseId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT a."batchId"::text AS "id" FROM "public"."applications" a
      JOIN "public"."batches" b ON b."id" = a."batchId"
     WHERE a."userId" = ${userId}::uuid AND a."status" = 'ENROLLED'
       AND (b."courseId" = ${courseId}::uuid OR EXISTS (
             SELECT 1 FROM "public"."course_assignment_history" h
              WHERE h."batchId" = a."batchId" AND h."userId" IS NULL AND h."courseId" = ${courseId}::uuid AND h."action" = 'ASSIGNED'))
     ORDER BY a."enrolledAt" DESC NULLS LAST, a."createdAt" DESC LIMIT 1`;
  return row?.id ?? null;
}

/** A completed mentor session earns its student XP (no-op for a slot without one). */
export async function awardSessionXp(tx: Tx, slotId: string): Promise<void> {
  const slot = await tx.slot.findUnique({ where: { id: slotId }, select: { studentId: true, title: true, actualEndTime: true } });
  if (!slot?.studentId) return;
  await awardXp(tx, { userId: slot.studentId, eventType: 'session_completed', sourceId: slotId, title: `Completed a mentor session${slot.title ? `: ${slot.title}` : ''}`, occurredAt: slot.actualEndTime ?? undefined });
}

/** A passed quiz earns XP once per student, whichever attempt passed first. */
export async function awardQuizXp(tx: Tx, input: { userId: string; quizId: string; courseId: string; title: string }): Promise<void> {
  await awardXp(tx, { userId: input.userId, eventType: 'quiz_passed', sourceId: input.quizId, batchId: await batchOfCourse(tx, input.userId, input.courseId), title: `Passed quiz: ${input.title}` });
}

/** A handed-in assignment earns XP once per student (a re-submit replaces the hand-in, not the award). */
export async function awardAssignmentXp(tx: Tx, input: { userId: string; assignmentId: string; courseId: string; title: string }): Promise<void> {
  await awardXp(tx, { userId: input.userId, eventType: 'assignment_submitted', sourceId: input.assignmentId, batchId: await batchOfCourse(tx, input.userId, input.courseId), title: `Handed in: ${input.title}` });
}

/**
 * Attendance rows marked PRESENT or LATE earn XP once per row (re-marking PRESENT/LATE updates
 * the row, not the award); a row re-marked ABSENT or EXCUSED loses its award (revokeXp), and
 * earns it again if marked present later. Callers hold the rows locked (the upsert), so markings
 * of one row are serialized.
 */
export async function awardAttendanceXp(tx: Tx, rows: readonly { id: string; userId: string; status: string }[], where: { batchId: string | null; courseId: string | null; title: string; occurredAt: Date }): Promise<void> {
  for (const r of rows) {
    if (r.status !== 'PRESENT' && r.status !== 'LATE') {
      await revokeXp(tx, { userId: r.userId, eventType: 'class_attended', sourceId: r.id, title: `Attendance changed: ${where.title}` });
      continue;
    }
    const batchId = where.batchId ?? (where.courseId ? await batchOfCourse(tx, r.userId, where.courseId) : null);
    await awardXp(tx, { userId: r.userId, eventType: 'class_attended', sourceId: r.id, batchId, title: `Attended: ${where.title}`, occurredAt: where.occurredAt });
  }
}
