// Legacy courses: Course → Module → Class / Assignment (definitions; submissions and quizzes are
// other slices'). Staff write them; the outline is ordered by position. Invariants: a slug names
// one course across both models; publishing or removing published content recomputes the
// progress of every enrolled student in the same transaction (progress counts published work).
import { DomainError } from '../../domain/errors.js';
import { courseLifecycle, type CourseStatus } from '../../domain/lms/course-status.js';
import { normaliseRupees } from '../../domain/lms/batch-rules.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { refreshProgress, type Tx } from './progress.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Level = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';
type Links = { title: string; url: string }[];

export interface CourseInput {
  slug?: string | undefined;
  title?: string | undefined;
  description?: string | null | undefined;
  thumbnailUrl?: string | null | undefined;
  level?: Level | undefined;
  price?: string | number | undefined;
  currency?: string | undefined;
  durationHours?: number | null | undefined;
  language?: string | undefined;
  tags?: string[] | undefined;
}

export interface ModuleInput {
  title?: string | undefined;
  description?: string | null | undefined;
  position?: number | undefined;
  isPublished?: boolean | undefined;
}

export interface ClassInput {
  title?: string | undefined;
  description?: string | null | undefined;
  type?: 'LIVE' | 'RECORDED' | undefined;
  position?: number | undefined;
  videoUrl?: string | null | undefined;
  durationMinutes?: number | null | undefined;
  scheduledAt?: string | null | undefined;
  meetingLink?: string | null | undefined;
  recordingS3Key?: string | null | undefined;
  resources?: Links | null | undefined;
  isPublished?: boolean | undefined;
}

export interface AssignmentInput {
  title?: string | undefined;
  instructions?: string | null | undefined;
  dueAt?: string | null | undefined;
  maxScore?: number | null | undefined;
  attachmentS3Key?: string | null | undefined;
  resources?: Links | null | undefined;
  position?: number | undefined;
  isPublished?: boolean | undefined;
}

const slugTaken = (slug: string | undefined) => new DomainError('CONFLICT', `A course with slug ${slug ?? ''} already exists`, [{ path: 'json.slug', message: 'Already taken' }]);
const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(v));
const links = (v: Links | null | undefined) => (v === undefined ? undefined : v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

export function priceOf(v: string | number | undefined, path = 'json.price'): string | undefined {
  if (v === undefined) return undefined;
  const rupees = normaliseRupees(v);
  if (rupees === null) throw new DomainError('VALIDATION_FAILED', 'A price is rupees ≥ 0 with at most 2 decimals', [{ path, message: 'Invalid amount' }]);
  return rupees;
}

/** Refuses a slug the other course model already uses, so /api/courses/{slug} names one course. */
export async function assertSlugFree(tx: Tx, slug: string | undefined, model: 'legacy' | 'mas', exceptId?: string) {
  if (!slug) return;
  const other = model === 'legacy' ? await tx.masCourse.findUnique({ where: { slug }, select: { id: true } }) : await tx.course.findUnique({ where: { slug }, select: { id: true } });
  if (other && other.id !== exceptId) throw slugTaken(slug);
}

/** Recomputes every enrolled student's progress after the course's published work changed. */
export async function refreshCourseProgress(tx: Tx, courseId: string) {
  const enrolled = await tx.enrollment.findMany({ where: { courseId }, select: { userId: true } });
  for (const e of enrolled) await refreshProgress(tx, e.userId, courseId);
}

function courseData(input: CourseInput) {
  return {
    slug: input.slug,
    title: input.title,
    description: input.description,
    thumbnailUrl: input.thumbnailUrl,
    level: input.level,
    price: priceOf(input.price),
    currency: input.currency,
    durationHours: input.durationHours,
    language: input.language,
    tags: input.tags,
  };
}

type CourseRow = Prisma.CourseGetPayload<object>;

export function toCourseView(c: CourseRow, counts?: { modules: number; enrollments: number }) {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    description: c.description,
    thumbnailUrl: c.thumbnailUrl,
    level: c.level,
    status: c.status,
    price: c.price.toFixed(2),
    currency: c.currency,
    durationHours: c.durationHours,
    language: c.language,
    tags: c.tags,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    moduleCount: counts?.modules ?? null,
    enrollmentCount: counts?.enrollments ?? null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

async function write<T>(slug: string | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw slugTaken(slug);
    throw err;
  }
}

export async function createCourse({ db }: Deps, _actor: AuthContext, input: CourseInput & { slug: string; title: string }) {
  const data = { ...courseData(input), slug: input.slug, title: input.title, status: courseLifecycle.initial };
  return write(input.slug, () =>
    db.$transaction(async (tx) => {
      await assertSlugFree(tx, input.slug, 'legacy');
      return toCourseView(await tx.course.create({ data }), { modules: 0, enrollments: 0 });
    }),
  );
}

export async function updateCourse({ db }: Deps, _actor: AuthContext, id: string, input: CourseInput) {
  const data = courseData(input);
  return write(input.slug, () =>
    db.$transaction(async (tx) => {
      if (!(await tx.course.findUnique({ where: { id }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such course');
      await assertSlugFree(tx, input.slug, 'legacy', id);
      const c = await tx.course.update({ where: { id }, data, include: { _count: { select: { modules: true, enrollments: true } } } });
      return toCourseView(c, c._count);
    }),
  );
}

/** DRAFT ⇄ PUBLISHED, → ARCHIVED, ARCHIVED → DRAFT; the first publish stamps publishedAt. */
export async function setCourseStatus({ db }: Deps, _actor: AuthContext, id: string, status: CourseStatus) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: CourseStatus; publishedAt: Date | null }[]>`
      SELECT "status"::text AS "status", "publishedAt" FROM "public"."courses" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!row) throw new DomainError('NOT_FOUND', 'No such course');
    courseLifecycle.assertTransition(row.status, status);
    const c = await tx.course.update({
      where: { id },
      data: { status, ...(status === 'PUBLISHED' && !row.publishedAt ? { publishedAt: new Date() } : {}) },
      include: { _count: { select: { modules: true, enrollments: true } } },
    });
    return toCourseView(c, c._count);
  });
}

/** A course can be deleted only while nobody is enrolled (it would silently end their access); archive it instead. */
export async function deleteCourse({ db }: Deps, _actor: AuthContext, id: string) {
  await db.$transaction(async (tx) => {
    const c = await tx.course.findUnique({ where: { id }, select: { _count: { select: { enrollments: true } } } });
    if (!c) throw new DomainError('NOT_FOUND', 'No such course');
    if (c._count.enrollments > 0) throw new DomainError('CONFLICT', `${c._count.enrollments} students are enrolled; archive the course instead`);
    await tx.course.delete({ where: { id } });
  });
}

export interface CourseFilters {
  status?: CourseStatus | undefined;
  q?: string | undefined;
  level?: Level | undefined;
}

export async function listCourses({ db }: Deps, filters: CourseFilters, page: { where: Prisma.CourseWhereInput; orderBy: Prisma.CourseOrderByWithRelationInput[]; take: number }) {
  const rows = await db.course.findMany({
    where: {
      AND: [page.where, filters.status ? { status: filters.status } : {}, filters.level ? { level: filters.level } : {}, filters.q ? { title: { contains: filters.q, mode: 'insensitive' } } : {}],
    },
    orderBy: page.orderBy,
    take: page.take,
    include: { _count: { select: { modules: true, enrollments: true } } },
  });
  return rows.map((c) => ({ ...toCourseView(c, c._count), createdAtDate: c.createdAt }));
}

const classView = (k: Prisma.ClassGetPayload<object>) => ({
  id: k.id,
  moduleId: k.moduleId,
  title: k.title,
  description: k.description,
  type: k.type,
  position: k.position,
  videoUrl: k.videoUrl,
  durationMinutes: k.durationMinutes,
  scheduledAt: k.scheduledAt?.toISOString() ?? null,
  meetingLink: k.meetingLink,
  recordingS3Key: k.recordingS3Key,
  resources: (k.resources as Links | null) ?? null,
  isPublished: k.isPublished,
});

const assignmentView = (a: Prisma.AssignmentGetPayload<object>) => ({
  id: a.id,
  moduleId: a.moduleId,
  title: a.title,
  instructions: a.instructions,
  dueAt: a.dueAt?.toISOString() ?? null,
  maxScore: a.maxScore,
  attachmentS3Key: a.attachmentS3Key,
  resources: (a.resources as Links | null) ?? null,
  position: a.position,
  isPublished: a.isPublished,
});

const quizHeader = (q: { id: string; title: string; description: string | null; totalMarks: number; passingMarks: number | null; timeLimitMinutes: number | null; maxAttempts: number | null; position: number; isPublished: boolean }) => ({
  id: q.id,
  title: q.title,
  description: q.description,
  totalMarks: q.totalMarks,
  passingMarks: q.passingMarks,
  timeLimitMinutes: q.timeLimitMinutes,
  maxAttempts: q.maxAttempts,
  position: q.position,
  isPublished: q.isPublished,
});

const moduleView = (m: Prisma.ModuleGetPayload<object>) => ({ id: m.id, courseId: m.courseId, title: m.title, description: m.description, position: m.position, isPublished: m.isPublished });

const ordered = { orderBy: [{ position: 'asc' as const }, { createdAt: 'asc' as const }] };
const quizHeaderSelect = { id: true, title: true, description: true, totalMarks: true, passingMarks: true, timeLimitMinutes: true, maxAttempts: true, position: true, isPublished: true };

/** The course with its whole outline; `publishedOnly` keeps what a student may see. */
export async function courseTree(tx: Tx, id: string, publishedOnly: boolean) {
  const only = publishedOnly ? { where: { isPublished: true } } : {};
  const c = await tx.course.findUnique({
    where: { id },
    include: {
      _count: { select: { modules: true, enrollments: true } },
      modules: { ...only, ...ordered, include: { classes: { ...only, ...ordered }, assignments: { ...only, ...ordered }, quizzes: { ...only, ...ordered, select: quizHeaderSelect } } },
    },
  });
  if (!c) return null;
  return {
    ...toCourseView(c, c._count),
    modules: c.modules.map((m) => ({ ...moduleView(m), classes: m.classes.map(classView), assignments: m.assignments.map(assignmentView), quizzes: m.quizzes.map(quizHeader) })),
  };
}

export async function getCourse({ db }: Deps, id: string) {
  const tree = await db.$transaction((tx) => courseTree(tx, id, false));
  if (!tree) throw new DomainError('NOT_FOUND', 'No such course');
  return tree;
}

async function moduleOrMissing(tx: Tx, id: string) {
  const m = await tx.module.findUnique({ where: { id } });
  if (!m) throw new DomainError('NOT_FOUND', 'No such module');
  return m;
}

/** New items go last unless a position is given. */
async function nextPosition(tx: Tx, kind: 'module' | 'class' | 'assignment', parentId: string): Promise<number> {
  const agg =
    kind === 'module'
      ? await tx.module.aggregate({ where: { courseId: parentId }, _max: { position: true } })
      : kind === 'class'
        ? await tx.class.aggregate({ where: { moduleId: parentId }, _max: { position: true } })
        : await tx.assignment.aggregate({ where: { moduleId: parentId }, _max: { position: true } });
  return (agg._max.position ?? -1) + 1;
}

export async function createModule({ db }: Deps, _actor: AuthContext, courseId: string, input: ModuleInput & { title: string }) {
  return db.$transaction(async (tx) => {
    if (!(await tx.course.findUnique({ where: { id: courseId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such course');
    const m = await tx.module.create({ data: { courseId, title: input.title, description: input.description ?? null, position: input.position ?? (await nextPosition(tx, 'module', courseId)), isPublished: input.isPublished ?? false } });
    if (m.isPublished) await refreshCourseProgress(tx, courseId);
    return moduleView(m);
  });
}

export async function updateModule({ db }: Deps, _actor: AuthContext, id: string, input: ModuleInput) {
  return db.$transaction(async (tx) => {
    const before = await moduleOrMissing(tx, id);
    const m = await tx.module.update({ where: { id }, data: input });
    if (before.isPublished !== m.isPublished) await refreshCourseProgress(tx, m.courseId);
    return moduleView(m);
  });
}

export async function deleteModule({ db }: Deps, _actor: AuthContext, id: string) {
  await db.$transaction(async (tx) => {
    const m = await moduleOrMissing(tx, id);
    await tx.module.delete({ where: { id } });
    if (m.isPublished) await refreshCourseProgress(tx, m.courseId);
  });
}

function classData(input: ClassInput) {
  return { ...input, scheduledAt: date(input.scheduledAt), resources: links(input.resources) };
}

export async function createClass({ db }: Deps, _actor: AuthContext, moduleId: string, input: ClassInput & { title: string }) {
  return db.$transaction(async (tx) => {
    const m = await moduleOrMissing(tx, moduleId);
    const k = await tx.class.create({ data: { ...classData(input), title: input.title, moduleId, position: input.position ?? (await nextPosition(tx, 'class', moduleId)) } });
    if (k.isPublished && m.isPublished) await refreshCourseProgress(tx, m.courseId);
    return classView(k);
  });
}

export async function updateClass({ db }: Deps, _actor: AuthContext, id: string, input: ClassInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.class.findUnique({ where: { id }, include: { module: { select: { courseId: true, isPublished: true } } } });
    if (!before) throw new DomainError('NOT_FOUND', 'No such class');
    const k = await tx.class.update({ where: { id }, data: classData(input) });
    if (before.isPublished !== k.isPublished && before.module.isPublished) await refreshCourseProgress(tx, before.module.courseId);
    return classView(k);
  });
}

export async function deleteClass({ db }: Deps, _actor: AuthContext, id: string) {
  await db.$transaction(async (tx) => {
    const before = await tx.class.findUnique({ where: { id }, include: { module: { select: { courseId: true, isPublished: true } } } });
    if (!before) throw new DomainError('NOT_FOUND', 'No such class');
    await tx.class.delete({ where: { id } });
    if (before.isPublished && before.module.isPublished) await refreshCourseProgress(tx, before.module.courseId);
  });
}

function assignmentData(input: AssignmentInput) {
  return { ...input, dueAt: date(input.dueAt), resources: links(input.resources) };
}

export async function createAssignment({ db }: Deps, _actor: AuthContext, moduleId: string, input: AssignmentInput & { title: string }) {
  return db.$transaction(async (tx) => {
    const m = await moduleOrMissing(tx, moduleId);
    const a = await tx.assignment.create({ data: { ...assignmentData(input), title: input.title, moduleId, position: input.position ?? (await nextPosition(tx, 'assignment', moduleId)) } });
    if (a.isPublished && m.isPublished) await refreshCourseProgress(tx, m.courseId);
    return assignmentView(a);
  });
}

export async function updateAssignment({ db }: Deps, _actor: AuthContext, id: string, input: AssignmentInput) {
  return db.$transaction(async (tx) => {
    const before = await tx.assignment.findUnique({ where: { id }, include: { module: { select: { courseId: true, isPublished: true } } } });
    if (!before) throw new DomainError('NOT_FOUND', 'No such assignment');
    const a = await tx.assignment.update({ where: { id }, data: assignmentData(input) });
    if (before.isPublished !== a.isPublished && before.module.isPublished) await refreshCourseProgress(tx, before.module.courseId);
    return assignmentView(a);
  });
}

export async function deleteAssignment({ db }: Deps, _actor: AuthContext, id: string) {
  await db.$transaction(async (tx) => {
    const before = await tx.assignment.findUnique({ where: { id }, include: { module: { select: { courseId: true, isPublished: true } } } });
    if (!before) throw new DomainError('NOT_FOUND', 'No such assignment');
    await tx.assignment.delete({ where: { id } });
    if (before.isPublished && before.module.isPublished) await refreshCourseProgress(tx, before.module.courseId);
  });
}

/**
 * Sets the order of a course's modules or a module's classes in one go (drag and drop): `ids`
 * must list every child exactly once; position becomes its index.
 */
export async function reorder({ db }: Deps, _actor: AuthContext, kind: 'modules' | 'classes', parentId: string, ids: string[]) {
  return db.$transaction(async (tx) => {
    const children =
      kind === 'modules'
        ? (await tx.course.findUnique({ where: { id: parentId }, select: { modules: { select: { id: true } } } }))?.modules
        : (await tx.module.findUnique({ where: { id: parentId }, select: { classes: { select: { id: true } } } }))?.classes;
    if (!children) throw new DomainError('NOT_FOUND', kind === 'modules' ? 'No such course' : 'No such module');
    const have = new Set(children.map((c) => c.id));
    if (new Set(ids).size !== ids.length || ids.length !== have.size || ids.some((id) => !have.has(id)))
      throw new DomainError('UNPROCESSABLE', `List every one of the ${have.size} ${kind} exactly once`, [{ path: 'json.ids', message: 'Must be a permutation of the current children' }]);
    for (const [position, id] of ids.entries()) {
      if (kind === 'modules') await tx.module.update({ where: { id }, data: { position } });
      else await tx.class.update({ where: { id }, data: { position } });
    }
    return { ids };
  });
}
