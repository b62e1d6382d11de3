// A batch's soft references (courseId, superMentorId, cmId, batchLeadId): checked against the
// right kind of row before they are stored, and resolved for display — a reference that dangles
// (the course or user was deleted since) reads as null and is flagged, never an error.
import type { Role } from '../../domain/auth/roles.js';
import { DomainError, type FieldError } from '../../domain/errors.js';
import type { Tx } from './progress.js';

export interface BatchRefs {
  courseId?: string | null | undefined;
  superMentorId?: string | null | undefined;
  cmId?: string | null | undefined;
  batchLeadId?: string | null | undefined;
}

/** Which roles each user reference may name: super-mentors are mentors (EXPERT); community managers and batch leads are sales staff (SALES), or admins. */
export const REF_ROLES: Record<'superMentorId' | 'cmId' | 'batchLeadId', readonly Role[]> = {
  superMentorId: ['EXPERT'],
  cmId: ['SALES', 'ADMIN', 'SUPERADMIN'],
  batchLeadId: ['SALES', 'ADMIN', 'SUPERADMIN'],
};

/** Throws 422 naming every reference given that does not point at an existing row of the right kind. */
export async function assertBatchRefs(tx: Tx, refs: BatchRefs): Promise<void> {
  const errors: FieldError[] = [];
  if (refs.courseId) {
    const course = await tx.course.findUnique({ where: { id: refs.courseId }, select: { id: true } });
    if (!course) errors.push({ path: 'json.courseId', message: 'No such course' });
  }
  for (const field of ['superMentorId', 'cmId', 'batchLeadId'] as const) {
    const id = refs[field];
    if (!id) continue;
    const why = await userRefProblem(tx, id, REF_ROLES[field]);
    if (why) errors.push({ path: `json.${field}`, message: why });
  }
  if (errors.length) throw new DomainError('UNPROCESSABLE', 'A referenced course or user is not valid for this batch', errors);
}

/** Why `userId` cannot fill a role needing `roles`, or null when it can. */
export async function userRefProblem(tx: Tx, userId: string, roles: readonly Role[]): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { role: true, isActive: true } });
  if (!user) return 'No such user';
  if (!user.isActive) return 'The user is deactivated';
  if (!roles.includes(user.role)) return `Must be a user with role ${roles.join(' or ')}`;
  return null;
}

export interface RefSummaryUser {
  id: string;
  name: string;
  email: string;
}

export interface ResolvedRefs {
  courses: Map<string, { id: string; slug: string; title: string }>;
  users: Map<string, RefSummaryUser>;
}

/** Looks up every course and user the given batches point at, in two queries. */
export async function resolveRefs(tx: Tx, batches: BatchRefs[]): Promise<ResolvedRefs> {
  const courseIds = [...new Set(batches.map((b) => b.courseId).filter((x): x is string => !!x))];
  const userIds = [...new Set(batches.flatMap((b) => [b.superMentorId, b.cmId, b.batchLeadId]).filter((x): x is string => !!x))];
  const [courses, users] = await Promise.all([
    courseIds.length ? tx.course.findMany({ where: { id: { in: courseIds } }, select: { id: true, slug: true, title: true } }) : [],
    userIds.length ? tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
  ]);
  return { courses: new Map(courses.map((c) => [c.id, c])), users: new Map(users.map((u) => [u.id, u])) };
}
