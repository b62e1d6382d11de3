// The one course catalog: PUBLISHED legacy courses and PUBLISHED MasCourses in one shape, so a
// storefront never needs to know which model a course lives in. Pages are keyset on
// (createdAt DESC, id DESC) across both tables: each side gives its next limit + 1 rows after
// the cursor and the merge keeps the first limit + 1. The outline never carries content
// (video URLs, meeting links, lesson content): that is for enrolled students only.
import { DomainError } from '../../domain/errors.js';
import { type LESSON_TYPES, masLessonCount, parseMasFeatures, parseMasModules } from '../../domain/lms/mas-course-modules.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Level = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';

export interface CatalogFilters {
  q?: string | undefined;
  level?: Level | undefined;
  tag?: string | undefined;
  model?: 'legacy' | 'mas' | undefined;
}

export interface CatalogLesson {
  title: string;
  type: (typeof LESSON_TYPES)[number];
  durationMinutes: number | null;
  isPreview: boolean;
}

export interface CatalogEntry {
  id: string;
  model: 'legacy' | 'mas';
  slug: string;
  title: string;
  subtitle: string | null;
  description: string | null;
  thumbnailUrl: string | null;
  category: string | null;
  level: Level | null;
  price: string | null;
  currency: string;
  tags: string[];
  durationHours: number | null;
  durationWeeks: number | null;
  moduleCount: number;
  lessonCount: number;
  isFeatured: boolean;
  publishedAt: string | null;
  createdAt: Date;
}

const legacyInclude = { modules: { where: { isPublished: true }, select: { _count: { select: { classes: { where: { isPublished: true } } } } } } } as const;
type LegacyRow = Prisma.CourseGetPayload<{ include: typeof legacyInclude }>;
type MasRow = Prisma.MasCourseGetPayload<object>;

function legacyEntry(c: LegacyRow): CatalogEntry {
  return {
    id: c.id,
    model: 'legacy',
    slug: c.slug,
    title: c.title,
    subtitle: null,
    description: c.description,
    thumbnailUrl: c.thumbnailUrl,
    category: null,
    level: c.level,
    price: c.price.toFixed(2),
    currency: c.currency,
    tags: c.tags,
    durationHours: c.durationHours,
    durationWeeks: null,
    moduleCount: c.modules.length,
    lessonCount: c.modules.reduce((n, m) => n + m._count.classes, 0),
    isFeatured: false,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    createdAt: c.createdAt,
  };
}

function masEntry(c: MasRow): CatalogEntry {
  const modules = parseMasModules(c.modules);
  return {
    id: c.id,
    model: 'mas',
    slug: c.slug,
    title: c.title,
    subtitle: c.subtitle,
    description: c.description,
    thumbnailUrl: c.thumbnailUrl,
    category: c.category,
    level: c.level,
    price: c.price?.toFixed(2) ?? null,
    currency: c.currency,
    tags: c.tags,
    durationHours: null,
    durationWeeks: c.durationWeeks,
    moduleCount: modules.length,
    lessonCount: masLessonCount(modules),
    isFeatured: c.isFeatured,
    publishedAt: c.publishedAt?.toISOString() ?? null,
    createdAt: c.createdAt,
  };
}

const newestFirst = (a: { createdAt: Date; id: string }, b: { createdAt: Date; id: string }) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function listCatalog({ db }: Deps, filters: CatalogFilters, page: { where: object; take: number }): Promise<CatalogEntry[]> {
  const common = {
    status: 'PUBLISHED' as const,
    ...(filters.level ? { level: filters.level } : {}),
    ...(filters.tag ? { tags: { has: filters.tag } } : {}),
    ...(filters.q ? { title: { contains: filters.q, mode: 'insensitive' as const } } : {}),
  };
  const order = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
  const [legacy, mas] = await Promise.all([
    filters.model === 'mas' ? [] : db.course.findMany({ where: { AND: [page.where, common] }, orderBy: order, take: page.take, include: legacyInclude }),
    filters.model === 'legacy' ? [] : db.masCourse.findMany({ where: { AND: [page.where, common] }, orderBy: order, take: page.take }),
  ]);
  return [...legacy.map(legacyEntry), ...mas.map(masEntry)].sort(newestFirst).slice(0, page.take);
}

/** One published course by slug, with its public outline (titles, types, durations; no content). */
export async function getCatalogCourse({ db }: Deps, slug: string) {
  const legacy = await db.course.findFirst({
    where: { slug, status: 'PUBLISHED' },
    include: {
      ...legacyInclude,
      modules: {
        where: { isPublished: true },
        orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
        select: {
          title: true,
          description: true,
          _count: { select: { classes: { where: { isPublished: true } } } },
          classes: { where: { isPublished: true }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }], select: { title: true, type: true, durationMinutes: true } },
        },
      },
    },
  });
  if (legacy) {
    return {
      ...legacyEntry(legacy),
      features: [] as string[],
      outline: legacy.modules.map((m) => ({
        title: m.title,
        description: m.description,
        lessons: m.classes.map((k): CatalogLesson => ({ title: k.title, type: k.type === 'LIVE' ? 'live' : 'video', durationMinutes: k.durationMinutes, isPreview: false })),
      })),
    };
  }
  const mas = await db.masCourse.findFirst({ where: { slug, status: 'PUBLISHED' } });
  if (!mas) throw new DomainError('NOT_FOUND', 'No published course with this slug');
  return {
    ...masEntry(mas),
    features: parseMasFeatures(mas.features),
    outline: parseMasModules(mas.modules).map((m) => ({
      title: m.title,
      description: m.description ?? null,
      lessons: m.lessons.map((l): CatalogLesson => ({ title: l.title, type: l.type, durationMinutes: l.durationMinutes ?? null, isPreview: l.isPreview ?? false })),
    })),
  };
}
