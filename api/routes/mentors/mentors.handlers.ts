// Mentor onboarding (apply → admin approve/reject) and profile edits. Approval is one
// transaction: the application, the mentors row and the user's EXPERT role change together.
import type { RouteHandler } from '@hono/zod-openapi';
import { mentorApplicationLifecycle } from '../../../domain/mentor-application/status.js';
import { Prisma } from '../../../prisma/generated/client.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import { DomainError } from '../../../domain/errors.js';
import type { applyRoute, approveRoute, listApplicationsRoute, rejectRoute, updateProfileRoute } from './mentors.routes.js';
import { applicationSelect, profileSelect, toApplication } from './mentors.schemas.js';

export const applyHandler: RouteHandler<typeof applyRoute, AppEnv> = async (c) => {
  const userId = c.get('auth')!.userId;
  const body = c.req.valid('json');
  const { db } = c.var.deps;
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
  return c.json(toApplication(created), 201);
};

export const listApplicationsHandler: RouteHandler<typeof listApplicationsRoute, AppEnv> = async (c) => {
  const { cursor, limit, status } = c.req.valid('query');
  const page = keyset(cursor);
  const rows = await c.var.deps.db.mentorApplication.findMany({ where: { AND: [page.where, status ? { status } : {}] }, orderBy: page.orderBy, take: limit + 1, select: applicationSelect });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toApplication), nextCursor }, 200);
};

type ReviewInput = { notes?: string | undefined; rateTokens?: number | undefined; earningPerSessionPaise?: number | undefined };

async function review(db: AppEnv['Variables']['deps']['db'], id: string, reviewerId: string, body: ReviewInput, decision: 'APPROVED' | 'REJECTED') {
  return db.$transaction(async (tx) => {
    const [app] = await tx.$queryRaw<{ status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'; userId: string }[]>`
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

export const approveHandler: RouteHandler<typeof approveRoute, AppEnv> = async (c) =>
  c.json(await review(c.var.deps.db, c.req.valid('param').id, c.get('auth')!.userId, c.req.valid('json'), 'APPROVED'), 200);
export const rejectHandler: RouteHandler<typeof rejectRoute, AppEnv> = async (c) =>
  c.json(await review(c.var.deps.db, c.req.valid('param').id, c.get('auth')!.userId, c.req.valid('json'), 'REJECTED'), 200);

export const updateProfileHandler: RouteHandler<typeof updateProfileRoute, AppEnv> = async (c) => {
  try {
    const profile = await c.var.deps.db.mentor.update({ where: { userId: c.get('auth')!.userId }, data: c.req.valid('json'), select: profileSelect });
    return c.json(profile, 200);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2025') throw new DomainError('NOT_FOUND', 'You have no mentor profile');
    throw err;
  }
};
