// Post-session feedback (slots_feedback): one row per slot and side, only for COMPLETED
// sessions, only by the session's own student or mentor. The unique (slotId, side) key makes
// a second submission a 409 even when two arrive at once.
import { STAFF } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { AuthContext } from '../deps.js';
import { isUniqueViolation } from '../../infra/prisma-errors.js';

type Experience = 'EXCELLENT' | 'GOOD' | 'AVERAGE' | 'POOR';
const view = <T extends { createdAt: Date }>(f: T) => ({ ...f, createdAt: f.createdAt.toISOString() });
const select = { id: true, slotId: true, side: true, givenById: true, aboutUserId: true, rating: true, experience: true, comment: true, createdAt: true } as const;

async function sessionOf(db: Db, slotId: string, auth: AuthContext) {
  const slot = await db.slot.findUnique({ where: { id: slotId }, select: { mentorId: true, studentId: true, status: true } });
  if (!slot || (!STAFF.includes(auth.role) && slot.mentorId !== auth.userId && slot.studentId !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such session of yours');
  return slot;
}

export async function giveFeedback(db: Db, auth: AuthContext, slotId: string, body: { rating: number; experience?: Experience | undefined; comment?: string | undefined }) {
  const slot = await sessionOf(db, slotId, auth);
  const side = slot.studentId === auth.userId ? 'STUDENT' : slot.mentorId === auth.userId ? 'MENTOR' : null;
  if (!side || !slot.studentId) throw new DomainError('NOT_FOUND', 'No such session of yours');
  if (slot.status !== 'COMPLETED') throw new DomainError('CONFLICT', `The session is ${slot.status}; feedback opens when it is COMPLETED`);
  try {
    const created = await db.slotFeedback.create({
      data: { slotId, side, givenById: auth.userId, aboutUserId: side === 'STUDENT' ? slot.mentorId : slot.studentId, rating: body.rating, experience: body.experience ?? null, comment: body.comment ?? null },
      select,
    });
    return view(created);
  } catch (err) {
    if (isUniqueViolation(err)) throw new DomainError('CONFLICT', 'You already gave feedback for this session');
    throw err;
  }
}

export async function listFeedback(db: Db, auth: AuthContext, slotId: string) {
  await sessionOf(db, slotId, auth);
  const items = await db.slotFeedback.findMany({ where: { slotId }, orderBy: { side: 'asc' }, select });
  return items.map(view);
}
