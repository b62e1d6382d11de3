// Course interest (course_interests): the public "tell me more about this course" form, and the
// staff list of who asked. The form is anonymous, so it is rate limited per client IP in the
// shared rate_limit_buckets; a valid bearer token, when sent, links the row to its user.
// Invariants: an email is stored lower-cased, a phone as E.164; a courseId names a real course.
import { DomainError } from '../../domain/errors.js';
import { consumeRateLimit } from '../../infra/rate-limit.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';
import { findCourse } from './saved-courses.js';

type Deps = Pick<ServiceDeps, 'db'>;

/** Forms accepted per client IP per hour: generous for a shared office NAT, useless for a flood. */
export const COURSE_INTEREST_RATE_LIMIT = { perIp: 20, windowSeconds: 3600 };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user behind an optional bearer token, with the same checks as the auth middleware (a
 * valid signature, an active user, issued after the last password change); null otherwise.
 * A bad token on a public form is ignored rather than refused.
 */
export async function optionalSignedInUser({ db, jwt }: Pick<ServiceDeps, 'db' | 'jwt'>, authorization: string | undefined): Promise<string | null> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : undefined;
  if (!token) return null;
  let claims;
  try {
    claims = await jwt.verify(token);
  } catch {
    return null;
  }
  if (!UUID.test(claims.sub)) return null;
  const user = await db.user.findUnique({ where: { id: claims.sub }, select: { id: true, isActive: true, passwordChangedAt: true } });
  if (!user?.isActive || (user.passwordChangedAt?.getTime() ?? 0) !== claims.pwd) return null;
  return user.id;
}

export interface CourseInterestInput {
  name: string;
  /** Already trimmed and lower-cased. */
  email?: string | undefined;
  /** Already E.164. */
  phone?: string | undefined;
  city?: string | undefined;
  message?: string | undefined;
  courseId?: string | undefined;
  source?: string | undefined;
  utmSource?: string | undefined;
  utmMedium?: string | undefined;
  utmCampaign?: string | undefined;
}

const interestSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  city: true,
  message: true,
  courseId: true,
  courseName: true,
  userId: true,
  source: true,
  utmSource: true,
  utmMedium: true,
  utmCampaign: true,
  createdAt: true,
} as const satisfies Prisma.CourseInterestSelect;
type InterestRow = Prisma.CourseInterestGetPayload<{ select: typeof interestSelect }>;
export const toCourseInterestView = (r: InterestRow) => ({ ...r, createdAt: r.createdAt.toISOString() });

export async function submitCourseInterest({ db }: Deps, ctx: { ip: string; userId: string | null }, input: CourseInterestInput) {
  const limit = await consumeRateLimit(db, `course-interest:ip:${ctx.ip}`, COURSE_INTEREST_RATE_LIMIT.perIp, COURSE_INTEREST_RATE_LIMIT.windowSeconds);
  if (!limit.allowed) throw new DomainError('RATE_LIMITED', 'Too many requests from this address; try again later', undefined, { 'Retry-After': String(limit.retryAfterSeconds) });
  let courseName: string | null = null;
  if (input.courseId) {
    const course = await findCourse(db, input.courseId);
    if (!course) throw new DomainError('UNPROCESSABLE', 'No such course', [{ path: 'json.courseId', message: 'Unknown course' }]);
    courseName = course.title;
  }
  const row = await db.courseInterest.create({ data: { ...input, courseName, userId: ctx.userId }, select: interestSelect });
  return { id: row.id, createdAt: row.createdAt.toISOString() };
}

export interface CourseInterestFilters {
  courseId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  email?: string | undefined;
}

export function listCourseInterests(
  { db }: Deps,
  f: CourseInterestFilters,
  page: { where: Prisma.CourseInterestWhereInput; orderBy: Prisma.CourseInterestOrderByWithRelationInput[]; take: number },
) {
  const where: Prisma.CourseInterestWhereInput[] = [page.where];
  if (f.courseId) where.push({ courseId: f.courseId });
  if (f.from) where.push({ createdAt: { gte: f.from } });
  if (f.to) where.push({ createdAt: { lt: f.to } });
  if (f.email) where.push({ email: f.email });
  return db.courseInterest.findMany({ where: { AND: where }, orderBy: page.orderBy, take: page.take, select: interestSelect });
}
