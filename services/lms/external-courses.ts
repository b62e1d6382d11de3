// External courses (external_courses): catalog entries hosted by partner platforms. Staff keep
// them; everyone sees the active ones. Invariant: one entry per (provider, externalId) → 409.
// They are never deleted: deactivating hides one from the public list.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isPrismaCode } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Level = 'BEGINNER' | 'INTERMEDIATE' | 'ADVANCED';

export const externalCourseSelect = {
  id: true,
  provider: true,
  externalId: true,
  title: true,
  description: true,
  url: true,
  thumbnailUrl: true,
  category: true,
  level: true,
  durationHours: true,
  price: true,
  currency: true,
  isActive: true,
  lastSyncedAt: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.ExternalCourseSelect;
type Row = Prisma.ExternalCourseGetPayload<{ select: typeof externalCourseSelect }>;

export const toExternalCourseView = (r: Row) => ({
  ...r,
  price: r.price === null ? null : r.price.toFixed(2),
  lastSyncedAt: r.lastSyncedAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface ExternalCourseInput {
  provider: string;
  externalId: string;
  title: string;
  description?: string | null | undefined;
  url: string;
  thumbnailUrl?: string | null | undefined;
  category?: string | null | undefined;
  level?: Level | null | undefined;
  durationHours?: number | null | undefined;
  /** Rupees as a decimal string, e.g. "4999.00". */
  price?: string | null | undefined;
  currency?: string | undefined;
  isActive?: boolean | undefined;
}

const taken = () => new DomainError('CONFLICT', 'This provider already has a course with this externalId');

export async function createExternalCourse({ db }: Deps, input: ExternalCourseInput) {
  try {
    return toExternalCourseView(await db.externalCourse.create({ data: input, select: externalCourseSelect }));
  } catch (err) {
    if (isPrismaCode(err, 'P2002')) throw taken();
    throw err;
  }
}

export async function updateExternalCourse({ db }: Deps, id: string, input: Partial<ExternalCourseInput>) {
  try {
    return toExternalCourseView(await db.externalCourse.update({ where: { id }, data: input, select: externalCourseSelect }));
  } catch (err) {
    if (isPrismaCode(err, 'P2025')) throw new DomainError('NOT_FOUND', 'No such external course');
    if (isPrismaCode(err, 'P2002')) throw taken();
    throw err;
  }
}

export interface ExternalCourseFilters {
  category?: string | undefined;
  provider?: string | undefined;
  /** Staff lists may include deactivated entries; the public list never does. */
  includeInactive?: boolean | undefined;
}

export function listExternalCourses({ db }: Deps, f: ExternalCourseFilters, page: { where: Prisma.ExternalCourseWhereInput; orderBy: Prisma.ExternalCourseOrderByWithRelationInput[]; take: number }) {
  const where: Prisma.ExternalCourseWhereInput[] = [page.where];
  if (!f.includeInactive) where.push({ isActive: true });
  if (f.category) where.push({ category: f.category });
  if (f.provider) where.push({ provider: f.provider });
  return db.externalCourse.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: externalCourseSelect });
}
