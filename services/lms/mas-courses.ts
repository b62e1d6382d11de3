// MasCourse (mas_courses): the json-based course format. Staff write it; `modules` and `features`
// are parsed by domain/lms/mas-course-modules.ts on every write, so readers can trust their shape.
import { DomainError } from '../../domain/errors.js';
import { courseLifecycle, type CourseStatus } from '../../domain/lms/course-status.js';
import { masLessonCount, MasFeatures, MasModules, parseMasFeatures, parseMasModules } from '../../domain/lms/mas-course-modules.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { assertSlugFree, priceOf } from './courses.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Level = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';

export interface MasCourseInput {
  slug?: string | undefined;
  title?: string | undefined;
  subtitle?: string | null | undefined;
  description?: string | null | undefined;
  thumbnailUrl?: string | null | undefined;
  category?: string | null | undefined;
  level?: Level | null | undefined;
  price?: string | number | null | undefined;
  currency?: string | undefined;
  durationWeeks?: number | null | undefined;
  tags?: string[] | undefined;
  modules?: unknown;
  features?: unknown;
  displayOrder?: number | undefined;
  isFeatured?: boolean | undefined;
}

const slugTaken = (slug: string | undefined) => new DomainError('CONFLICT', `A course with slug ${slug ?? ''} already exists`, [{ path: 'json.slug', message: 'Already taken' }]);

/** The route's zod already checked these; the service checks again so no caller can store a malformed tree. */
function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, field: string): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new DomainError('VALIDATION_FAILED', `The ${field} are malformed`, r.error.issues.slice(0, 20).map((i) => ({ path: ['json', field, ...i.path.map(String)].join('.'), message: i.message })));
  return r.data;
}

function data(input: MasCourseInput) {
  return {
    slug: input.slug,
    title: input.title,
    subtitle: input.subtitle,
    description: input.description,
    thumbnailUrl: input.thumbnailUrl,
    category: input.category,
    level: input.level,
    price: input.price === null ? null : priceOf(input.price),
    currency: input.currency,
    durationWeeks: input.durationWeeks,
    tags: input.tags,
    modules: input.modules === undefined ? undefined : (parsed(MasModules, input.modules, 'modules') as Prisma.InputJsonValue),
    features: input.features === undefined ? undefined : input.features === null ? Prisma.DbNull : (parsed(MasFeatures, input.features, 'features') as Prisma.InputJsonValue),
    displayOrder: input.displayOrder,
    isFeatured: input.isFeatured,
  };
}

type Row = Prisma.MasCourseGetPayload<object>;

export function toMasCourseView(c: Row) {
  const modules = parseMasModules(c.modules);
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    subtitle: c.subtitle,
    description: c.description,
    thumbnailUrl: c.thumbnailUrl,
    category: c.category,
    level: c.level,
    status: c.status,
    price: c.price?.toFixed(2) ?? null,
    currency: c.currency,
    durationWeeks: c.durationWeeks,
    tags: c.tags,
    modules,
    features: parseMasFeatures(c.features),
    moduleCount: modules.length,
    lessonCount: masLessonCount(modules),
    displayOrder: c.displayOrder,
    isFeatured: c.isFeatured,
    publishedAt: c.publishedAt?.toISOString() ?? null,
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

export async function createMasCourse({ db }: Deps, _actor: AuthContext, input: MasCourseInput & { slug: string; title: string }) {
  const fields = data(input);
  return write(input.slug, () =>
    db.$transaction(async (tx) => {
      await assertSlugFree(tx, input.slug, 'mas');
      return toMasCourseView(await tx.masCourse.create({ data: { ...fields, slug: input.slug, title: input.title, status: courseLifecycle.initial } }));
    }),
  );
}

export async function updateMasCourse({ db }: Deps, _actor: AuthContext, id: string, input: MasCourseInput) {
  const fields = data(input);
  return write(input.slug, () =>
    db.$transaction(async (tx) => {
      if (!(await tx.masCourse.findUnique({ where: { id }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such course');
      await assertSlugFree(tx, input.slug, 'mas', id);
      return toMasCourseView(await tx.masCourse.update({ where: { id }, data: fields }));
    }),
  );
}

export async function setMasCourseStatus({ db }: Deps, _actor: AuthContext, id: string, status: CourseStatus) {
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ status: CourseStatus; publishedAt: Date | null }[]>`
      SELECT "status"::text AS "status", "publishedAt" FROM "public"."mas_courses" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!row) throw new DomainError('NOT_FOUND', 'No such course');
    courseLifecycle.assertTransition(row.status, status);
    return toMasCourseView(await tx.masCourse.update({ where: { id }, data: { status, ...(status === 'PUBLISHED' && !row.publishedAt ? { publishedAt: new Date() } : {}) } }));
  });
}

export async function getMasCourse({ db }: Deps, id: string) {
  const c = await db.masCourse.findUnique({ where: { id } });
  if (!c) throw new DomainError('NOT_FOUND', 'No such course');
  return toMasCourseView(c);
}

export async function deleteMasCourse({ db }: Deps, _actor: AuthContext, id: string) {
  const gone = await db.masCourse.deleteMany({ where: { id } });
  if (gone.count === 0) throw new DomainError('NOT_FOUND', 'No such course');
}

export interface MasCourseFilters {
  status?: CourseStatus | undefined;
  q?: string | undefined;
  category?: string | undefined;
}

export async function listMasCourses({ db }: Deps, filters: MasCourseFilters, page: { where: Prisma.MasCourseWhereInput; orderBy: Prisma.MasCourseOrderByWithRelationInput[]; take: number }) {
  const rows = await db.masCourse.findMany({
    where: {
      AND: [page.where, filters.status ? { status: filters.status } : {}, filters.category ? { category: filters.category } : {}, filters.q ? { title: { contains: filters.q, mode: 'insensitive' } } : {}],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  return rows.map((c) => ({ ...toMasCourseView(c), createdAtDate: c.createdAt }));
}
