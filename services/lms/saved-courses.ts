// A user's bookmarked courses (saved_courses). A courseId may name either catalog: mas_courses
// (the new format) or the legacy courses table; an id in neither is 404. Saving twice is a no-op
// (the unique (userId, courseId) index decides, so parallel saves make one row).
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;

export type CourseKind = 'mas_course' | 'course';

export interface CourseRef {
  id: string;
  kind: CourseKind;
  title: string;
  slug: string;
  thumbnailUrl: string | null;
}

type Reader = Pick<Deps['db'], 'masCourse' | 'course'>;

/** Looks a course id up in both catalogs (mas_courses first). */
export async function findCourses(db: Reader, ids: readonly string[]): Promise<Map<string, CourseRef>> {
  const unique = [...new Set(ids)];
  const select = { id: true, title: true, slug: true, thumbnailUrl: true } as const;
  const [mas, legacy] = await Promise.all([db.masCourse.findMany({ where: { id: { in: unique } }, select }), db.course.findMany({ where: { id: { in: unique } }, select })]);
  const found = new Map<string, CourseRef>();
  for (const c of legacy) found.set(c.id, { ...c, kind: 'course' });
  for (const c of mas) found.set(c.id, { ...c, kind: 'mas_course' });
  return found;
}

export async function findCourse(db: Reader, id: string): Promise<CourseRef | null> {
  return (await findCourses(db, [id])).get(id) ?? null;
}

const toSavedView = (row: { id: string; courseId: string; createdAt: Date }, course: CourseRef | undefined) => ({
  id: row.id,
  courseId: row.courseId,
  savedAt: row.createdAt.toISOString(),
  course: course ?? null,
});

export async function saveCourse({ db }: Deps, actor: AuthContext, courseId: string) {
  const course = await findCourse(db, courseId);
  if (!course) throw new DomainError('NOT_FOUND', 'No such course');
  // xmax = 0 only on a freshly inserted row: tells a first save (201) from a repeat (200).
  const [row] = await db.$queryRaw<{ id: string; courseId: string; createdAt: Date; inserted: boolean }[]>`
    INSERT INTO "public"."saved_courses" ("userId", "courseId", "createdAt", "updatedAt") VALUES (${actor.userId}::uuid, ${courseId}::uuid, now(), now())
    ON CONFLICT ("userId", "courseId") DO UPDATE SET "updatedAt" = "saved_courses"."updatedAt"
    RETURNING "id"::text AS "id", "courseId"::text AS "courseId", "createdAt", ("xmax" = 0) AS "inserted"`;
  return { created: row!.inserted, saved: toSavedView(row!, course) };
}

/** Removing a course that is not saved is fine too (DELETE is idempotent). */
export async function unsaveCourse({ db }: Deps, actor: AuthContext, courseId: string) {
  await db.savedCourse.deleteMany({ where: { userId: actor.userId, courseId } });
}

export async function listSavedCourses({ db }: Deps, actor: AuthContext, page: { where: Prisma.SavedCourseWhereInput; orderBy: Prisma.SavedCourseOrderByWithRelationInput[]; take: number }) {
  const rows = await db.savedCourse.findMany({ where: { AND: [page.where, { userId: actor.userId }] }, orderBy: page.orderBy, take: page.take, select: { id: true, courseId: true, createdAt: true } });
  const courses = await findCourses(db, rows.map((r) => r.courseId));
  return rows.map((r) => ({ ...r, view: toSavedView(r, courses.get(r.courseId)) }));
}
