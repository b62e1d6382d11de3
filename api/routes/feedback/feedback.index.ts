// Post-session feedback (slots_feedback): one row per slot and side, only for COMPLETED
// sessions, only by the session's own student or mentor. The unique (slotId, side) key makes
// a second submission a 409 even when two arrive at once.
import type { RouteHandler } from '@hono/zod-openapi';
import { Prisma } from '../../../prisma/generated/client.js';
import type { AppEnv } from '../../deps.js';
import type { AuthContext } from '../../../services/deps.js';
import { createRouter } from '../../openapi.js';
import { DomainError } from '../../../domain/errors.js';
import { giveFeedbackRoute, listFeedbackRoute } from './feedback.routes.js';

const view = <T extends { createdAt: Date }>(f: T) => ({ ...f, createdAt: f.createdAt.toISOString() });
const select = { id: true, slotId: true, side: true, givenById: true, aboutUserId: true, rating: true, experience: true, comment: true, createdAt: true } as const;

async function sessionOf(db: AppEnv['Variables']['deps']['db'], slotId: string, auth: AuthContext) {
  const slot = await db.slot.findUnique({ where: { id: slotId }, select: { mentorId: true, studentId: true, status: true } });
  const staff = auth.role === 'ADMIN' || auth.role === 'SUPERADMIN';
  if (!slot || (!staff && slot.mentorId !== auth.userId && slot.studentId !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such session of yours');
  return slot;
}

const give: RouteHandler<typeof giveFeedbackRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  const body = c.req.valid('json');
  const auth = c.get('auth')!;
  const slot = await sessionOf(c.var.deps.db, id, auth);
  const side = slot.studentId === auth.userId ? 'STUDENT' : slot.mentorId === auth.userId ? 'MENTOR' : null;
  if (!side || !slot.studentId) throw new DomainError('NOT_FOUND', 'No such session of yours');
  if (slot.status !== 'COMPLETED') throw new DomainError('CONFLICT', `The session is ${slot.status}; feedback opens when it is COMPLETED`);
  try {
    const created = await c.var.deps.db.slotFeedback.create({
      data: { slotId: id, side, givenById: auth.userId, aboutUserId: side === 'STUDENT' ? slot.mentorId : slot.studentId, rating: body.rating, experience: body.experience ?? null, comment: body.comment ?? null },
      select,
    });
    return c.json(view(created), 201);
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw new DomainError('CONFLICT', 'You already gave feedback for this session');
    throw err;
  }
};

const list: RouteHandler<typeof listFeedbackRoute, AppEnv> = async (c) => {
  const { id } = c.req.valid('param');
  await sessionOf(c.var.deps.db, id, c.get('auth')!);
  const items = await c.var.deps.db.slotFeedback.findMany({ where: { slotId: id }, orderBy: { side: 'asc' }, select });
  return c.json({ items: items.map(view) }, 200);
};

export const feedbackRouter = createRouter().openapi(giveFeedbackRoute, give).openapi(listFeedbackRoute, list);
