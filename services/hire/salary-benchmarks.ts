// Salary benchmarks: SUPERADMIN keeps them, recruiters read them, and the job view shows the one
// matching the job beside its salary band.
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import { type Prisma, type SalaryBenchmark } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

/** A benchmark's location when nothing more local exists. */
export const NATIONAL_LOCATION = 'India';

export interface BenchmarkView {
  id: string;
  role: string;
  location: string;
  experienceMinYears: number;
  experienceMaxYears: number;
  currency: string;
  salaryMin: number;
  salaryMedian: number;
  salaryMax: number;
  source: string | null;
  sampleSize: number | null;
  asOf: string;
}

export function toBenchmarkView(b: SalaryBenchmark): BenchmarkView {
  return {
    id: b.id,
    role: b.role,
    location: b.location,
    experienceMinYears: b.experienceMinYears,
    experienceMaxYears: b.experienceMaxYears,
    currency: b.currency,
    salaryMin: b.salaryMin.toNumber(),
    salaryMedian: b.salaryMedian.toNumber(),
    salaryMax: b.salaryMax.toNumber(),
    source: b.source,
    sampleSize: b.sampleSize,
    asOf: b.asOf.toISOString().slice(0, 10),
  };
}

export interface BenchmarkInput {
  role: string;
  location: string;
  experienceMinYears: number;
  experienceMaxYears: number;
  currency?: string | undefined;
  salaryMin: number;
  salaryMedian: number;
  salaryMax: number;
  source?: string | null | undefined;
  sampleSize?: number | null | undefined;
  asOf: string;
}

function checkBands(b: Pick<BenchmarkInput, 'experienceMinYears' | 'experienceMaxYears' | 'salaryMin' | 'salaryMedian' | 'salaryMax'>) {
  const errors = [];
  if (b.experienceMinYears > b.experienceMaxYears) errors.push({ path: 'json.experienceMinYears', message: 'experienceMinYears must not exceed experienceMaxYears' });
  if (!(b.salaryMin <= b.salaryMedian && b.salaryMedian <= b.salaryMax)) errors.push({ path: 'json.salaryMedian', message: 'Expected salaryMin ≤ salaryMedian ≤ salaryMax' });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', 'The benchmark bands are inconsistent', errors);
}

export async function createBenchmark(deps: Pick<ServiceDeps, 'db'>, input: BenchmarkInput): Promise<BenchmarkView> {
  checkBands(input);
  try {
    const row = await deps.db.salaryBenchmark.create({ data: { ...input, currency: input.currency ?? 'INR', asOf: new Date(input.asOf) } });
    return toBenchmarkView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A benchmark for this role, location and experience band exists already');
    throw err;
  }
}

export async function updateBenchmark(deps: Pick<ServiceDeps, 'db'>, id: string, changes: Partial<BenchmarkInput>): Promise<BenchmarkView> {
  const current = await deps.db.salaryBenchmark.findUnique({ where: { id } });
  if (!current) throw new DomainError('NOT_FOUND', `Salary benchmark ${id} does not exist`);
  const merged = { ...toBenchmarkView(current), ...changes };
  checkBands(merged);
  try {
    const { asOf, ...rest } = changes;
    const row = await deps.db.salaryBenchmark.update({ where: { id }, data: { ...rest, ...(asOf ? { asOf: new Date(asOf) } : {}) } });
    return toBenchmarkView(row);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'A benchmark for this role, location and experience band exists already');
    throw err;
  }
}

export async function deleteBenchmark(deps: Pick<ServiceDeps, 'db'>, id: string): Promise<void> {
  const { count } = await deps.db.salaryBenchmark.deleteMany({ where: { id } });
  if (count === 0) throw new DomainError('NOT_FOUND', `Salary benchmark ${id} does not exist`);
}

export async function listBenchmarks(deps: Pick<ServiceDeps, 'db'>, f: { role?: string | undefined; location?: string | undefined }, page: { where: Prisma.SalaryBenchmarkWhereInput; orderBy: Prisma.SalaryBenchmarkOrderByWithRelationInput[]; take: number }) {
  const rows = await deps.db.salaryBenchmark.findMany({
    where: {
      AND: [page.where, f.role ? { role: { equals: f.role, mode: 'insensitive' } } : {}, f.location ? { location: { equals: f.location, mode: 'insensitive' } } : {}],
    },
    orderBy: page.orderBy,
    take: page.take,
  });
  return rows;
}

/**
 * The benchmark for a role (case-insensitive) at a location, for the given years of experience:
 * the location's own band first, else the national one; the latest asOf wins.
 */
export async function lookupBenchmark(db: Db, q: { role: string; location?: string | null | undefined; experienceYears?: number | null | undefined }): Promise<BenchmarkView | null> {
  const locations = q.location && q.location.toLowerCase() !== NATIONAL_LOCATION.toLowerCase() ? [q.location, NATIONAL_LOCATION] : [NATIONAL_LOCATION];
  const years = q.experienceYears ?? null;
  const rows = await db.salaryBenchmark.findMany({
    where: {
      role: { equals: q.role.trim(), mode: 'insensitive' },
      OR: locations.map((l) => ({ location: { equals: l, mode: 'insensitive' as const } })),
      ...(years === null ? {} : { experienceMinYears: { lte: years }, experienceMaxYears: { gte: years } }),
    },
    orderBy: [{ asOf: 'desc' }, { experienceMinYears: 'asc' }],
    take: 20,
  });
  for (const l of locations) {
    const hit = rows.find((r) => r.location.toLowerCase() === l.toLowerCase());
    if (hit) return toBenchmarkView(hit);
  }
  return null;
}
