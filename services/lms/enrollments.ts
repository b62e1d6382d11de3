// Enrollments as students and staff read them. Status and progress are derived by
// services/lms/progress.ts, never written here. A student sees only their own: another
// student's course, or one they are not enrolled in, is 404.
import { DomainError } from '../../domain/errors.js';
import type { Prisma } from '../../prisma/generated/client.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { courseTree } from './courses.js';

type Deps = Pick<ServiceDeps, 'db'>;
type Page = { where: Prisma.EnrollmentWhereInput; orderBy: Prisma.EnrollmentOrderByWithRelationInput[]; take: number };
type Status = 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';

const courseSelect = { id: true, slug: true, title: true, thumbnailUrl: true, level: true, status: true } as const;
const userSelect = { id: true, name: true, email: true } as const;

function enrollmentView(e: Prisma.EnrollmentGetPayload<object>) {
  return {
    id: e.id,
    userId: e.userId,
    courseId: e.courseId,
    status: e.status,
    progressPercent: e.progressPercent,
    enrolledAt: e.enrolledAt.toISOString(),
    startedAt: e.startedAt?.toISOString() ?? null,
    completedAt: e.completedAt?.toISOString() ?? null,
    lastAccessedAt: e.lastAccessedAt?.toISOString() ?? null,
    createdAt: e.createdAt,
  };
}

export async function listMyCourses({ db }: Deps, actor: AuthContext, status: Status | undefined, page: Page) {
  const rows = await db.enrollment.findMany({
    where: { AND: [page.where, { userId: actor.userId }, status ? { status } : {}] },
    orderBy: page.orderBy,
    take: page.take,
    include: { course: { select: courseSelect } },
  });
  return rows.map((e) => ({ ...enrollmentView(e), course: e.course }));
}

/** The course tree (published modules, classes, quiz and assignment headers) for an enrolled student. */
export async function getMyCourse({ db }: Deps, actor: AuthContext, courseId: string) {
  return db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({ where: { userId_courseId: { userId: actor.userId, courseId } } });
    if (!enrollment) throw new DomainError('NOT_FOUND', 'No such course among yours');
    const tree = await courseTree(tx, courseId, true);
    if (!tree) throw new DomainError('NOT_FOUND', 'No such course among yours');
    const { enrollmentCount: _e, createdAt: _c, updatedAt: _u, ...course } = tree;
    const { createdAt: _ec, ...mine } = enrollmentView(enrollment);
    return { enrollment: mine, course: { ...course, modules: course.modules.map((m) => ({ ...m, classes: m.classes.map(({ recordingS3Key: _r, ...k }) => k) })) } };
  });
}

export async function listCourseEnrollments({ db }: Deps, courseId: string, status: Status | undefined, page: Page) {
  if (!(await db.course.findUnique({ where: { id: courseId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such course');
  const rows = await db.enrollment.findMany({ where: { AND: [page.where, { courseId }, status ? { status } : {}] }, orderBy: page.orderBy, take: page.take, include: { user: { select: userSelect }, course: { select: courseSelect } } });
  return rows.map((e) => ({ ...enrollmentView(e), user: e.user, course: e.course }));
}

export async function listUserEnrollments({ db }: Deps, userId: string, status: Status | undefined, page: Page) {
  if (!(await db.user.findUnique({ where: { id: userId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such user');
  const rows = await db.enrollment.findMany({ where: { AND: [page.where, { userId }, status ? { status } : {}] }, orderBy: page.orderBy, take: page.take, include: { user: { select: userSelect }, course: { select: courseSelect } } });
  return rows.map((e) => ({ ...enrollmentView(e), user: e.user, course: e.course }));
}
