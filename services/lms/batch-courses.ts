// The courses a batch teaches: its soft courseId (when it names a real legacy course) plus every
// course assigned to the whole batch in course_assignment_history and not unassigned since
// (the newest row per course decides). Enrollment (applications → ENROLLED) enrolls a student
// in exactly these, and deboarding removes those enrollments.
import type { Tx } from './progress.js';

export async function batchCourseIds(tx: Tx, batchId: string): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT c."id"::text AS "id" FROM "public"."courses" c
     WHERE c."id" = (SELECT "courseId" FROM "public"."batches" WHERE "id" = ${batchId}::uuid)
    UNION
    SELECT c."id"::text FROM "public"."courses" c
      JOIN LATERAL (
        SELECT h."action" FROM "public"."course_assignment_history" h
         WHERE h."batchId" = ${batchId}::uuid AND h."userId" IS NULL AND h."courseId" = c."id"
         ORDER BY h."occurredAt" DESC, h."createdAt" DESC LIMIT 1) last ON last."action" = 'ASSIGNED'`;
  return rows.map((r) => r.id).sort();
}
