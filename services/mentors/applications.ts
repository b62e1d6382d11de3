// Mentor onboarding (apply → admin approve/reject) and profile edits. Approval is one
// transaction: the application, the mentors row and the user's EXPERT role change together.
import { DomainError } from '../../domain/errors.js';
import { mentorApplicationLifecycle } from '../../domain/mentor-application/status.js';
import { Prisma } from '../../prisma/generated/client.js';
import type { ServiceDeps } from '../deps.js';

type Deps = Pick<ServiceDeps, 'db'>;
type MentorApplicationStatus = (typeof mentorApplicationLifecycle.states)[number];

export const applicationSelect = { id: true, userId: true, status: true, bio: true, expertise: true, yearsOfExperience: true, proposedRateTokens: true, reviewNotes: true, createdAt: true } as const;
export const profileSelect = { userId: true, bio: true, expertise: true, rateTokens: true, earningPerSessionPaise: true, isActive: true } as const;

export const toApplication = <T extends { createdAt: Date }>(a: T) => ({ ...a, createdAt: a.createdAt.toISOString() });

export interface ApplicationInput {
  bio: string;
  expertise: string[];
  yearsOfExperience?: number | undefined;
  linkedinUrl?: string | undefined;
  proposedRateTokens?: number | undefined;
}

export async function applyAsMentor({ db }: Deps, userId: string, body: ApplicationInput) {
  const created = await db.$transaction(async (tx) => {
    // Serialise one user's applications so two concurrent submissions cannot both be pending.
    await tx.$queryRaw`SELECT 1 FROM "public"."users" WHERE "id" = ${userId}::uuid FOR UPDATE`;
    if (await tx.mentorApplication.findFirst({ where: { userId, status: 'PENDING' }, select: { id: true } })) {
      throw new DomainError('CONFLICT', 'You already have a pending application');
    }
    return tx.mentorApplication.create({
      data: { userId, bio: body.bio, expertise: body.expertise, yearsOfExperience: body.yearsOfExperience ?? null, linkedinUrl: body.linkedinUrl ?? null, proposedRateTokens: body.proposedRateTokens ?? null },
      select: applicationSelect,
    });
  });
  return toApplication(created);
}

/** One page (the caller's keyset `where`/`orderBy`, limit + 1 rows) of applications. */
export function listApplications(
  { db }: Deps,
  q: { page: { where: Prisma.MentorApplicationWhereInput; orderBy: Prisma.MentorApplicationOrderByWithRelationInput[] }; take: number; status?: MentorApplicationStatus | undefined },
) {
  return db.mentorApplication.findMany({ where: { AND: [q.page.where, q.status ? { status: q.status } : {}] }, orderBy: q.page.orderBy, take: q.take, select: applicationSelect });
}

export interface ReviewInput {
  notes?: string | undefined;
  rateTokens?: number | undefined;
  earningPerSessionPaise?: number | undefined;
}

export async function reviewApplication({ db }: Deps, id: string, reviewerId: string, body: ReviewInput, decision: 'APPROVED' | 'REJECTED') {
  return db.$transaction(async (tx) => {
    const [app] = await tx.$queryRaw<{ status: MentorApplicationStatus; userId: string }[]>`
      SELECT "status"::text AS "status", "userId" FROM "public"."mentor_applications" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (!app) throw new DomainError('NOT_FOUND', 'No such application');
    mentorApplicationLifecycle.assertTransition(app.status, decision);
    const updated = await tx.mentorApplication.update({
      where: { id },
      data: { status: decision, reviewedById: reviewerId, reviewedAt: new Date(), reviewNotes: body.notes ?? null },
      select: { ...applicationSelect, linkedinUrl: true },
    });
    if (decision === 'APPROVED') {
      const rate = body.rateTokens ?? updated.proposedRateTokens ?? 1;
      await tx.mentor.upsert({
        where: { userId: app.userId },
        create: { userId: app.userId, bio: updated.bio, expertise: updated.expertise, rateTokens: rate, earningPerSessionPaise: body.earningPerSessionPaise ?? 0 },
        update: { bio: updated.bio, expertise: updated.expertise, rateTokens: rate, isActive: true, ...(body.earningPerSessionPaise === undefined ? {} : { earningPerSessionPaise: body.earningPerSessionPaise }) },
      });
      await tx.user.update({ where: { id: app.userId }, data: { role: 'EXPERT' } });
    }
    const { linkedinUrl: _l, ...rest } = updated;
    return toApplication(rest);
  });
}

export async function updateMentorProfile({ db }: Deps, userId: string, data: { bio?: string | undefined; expertise?: string[] | undefined; rateTokens?: number | undefined }) {
  try {
    return await db.mentor.update({ where: { userId }, data, select: profileSelect });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') throw new DomainError('NOT_FOUND', 'You have no mentor profile');
    throw err;
  }
}
