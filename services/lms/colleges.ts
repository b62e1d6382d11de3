// The college directory (colleges): a seeded lookup that signed-in users search and staff extend.
// Colleges are never deleted (profiles point at them); staff deactivate one instead, and a
// deactivated college drops out of search and cannot be newly chosen on a profile.
import { DomainError } from '../../domain/errors.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Deps = Pick<ServiceDeps, 'db'>;

export const collegeSelect = { id: true, name: true, code: true, city: true, state: true, country: true, isActive: true, createdAt: true } as const satisfies Prisma.CollegeSelect;
type CollegeRow = Prisma.CollegeGetPayload<{ select: typeof collegeSelect }>;
export const toCollegeView = (c: CollegeRow) => ({ ...c, createdAt: c.createdAt.toISOString() });

export interface CollegeSearch {
  q?: string | undefined;
  state?: string | undefined;
  /** Staff only: include deactivated colleges. */
  includeInactive?: boolean | undefined;
}

/** LIKE wildcards in user text match themselves. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * Name search, alphabetical: `q` matches the start of any word of the name (so "delhi" finds
 * "University of Delhi"), or the start of the code. Paged by (name, id), in one query.
 */
export async function searchColleges({ db }: Deps, f: CollegeSearch, page: { after?: { name: string; id: string } | undefined; take: number }) {
  const conditions: Prisma.Sql[] = [];
  if (!f.includeInactive) conditions.push(Prisma.sql`"isActive"`);
  if (f.state) conditions.push(Prisma.sql`lower("state") = lower(${f.state})`);
  if (f.q) {
    const q = escapeLike(f.q.trim());
    conditions.push(Prisma.sql`("name" ILIKE ${`${q}%`} OR "name" ILIKE ${`% ${q}%`} OR "code" ILIKE ${`${q}%`})`);
  }
  if (page.after) conditions.push(Prisma.sql`("name", "id") > (${page.after.name}, ${page.after.id}::uuid)`);
  const where = conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  return db.$queryRaw<CollegeRow[]>`
    SELECT "id"::text AS "id", "name", "code", "city", "state", "country", "isActive", "createdAt"
      FROM "public"."colleges" ${where}
     ORDER BY "name", "id" LIMIT ${page.take}`;
}

export interface CollegeInput {
  name: string;
  code?: string | null | undefined;
  city?: string | null | undefined;
  state?: string | null | undefined;
  country?: string | undefined;
}

export async function createCollege({ db }: Deps, input: CollegeInput) {
  try {
    return toCollegeView(await db.college.create({ data: input, select: collegeSelect }));
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A college with this code, or this name in this city and state, already exists');
    throw err;
  }
}

export async function updateCollege({ db }: Deps, id: string, input: Partial<CollegeInput> & { isActive?: boolean | undefined }) {
  try {
    return toCollegeView(await db.college.update({ where: { id }, data: input, select: collegeSelect }));
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') throw new DomainError('NOT_FOUND', 'No such college');
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A college with this code, or this name in this city and state, already exists');
    throw err;
  }
}
