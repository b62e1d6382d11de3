// A session's meeting log (meeting_logs: scheduled, joined, left, started, ended, cancelled, from
// the meeting server, the api or the system), in the order things happened. Its mentor and its
// student read it; staff read any; anyone else is told there is no such slot.
import { isStaff } from '../../domain/auth/roles.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import type { AuthContext } from '../deps.js';

export async function slotMeetingLog(db: Db, auth: AuthContext, slotId: string) {
  const slot = await db.slot.findUnique({ where: { id: slotId }, select: { mentorId: true, studentId: true } });
  if (!slot || !(isStaff(auth.role) || slot.mentorId === auth.userId || slot.studentId === auth.userId)) throw new DomainError('NOT_FOUND', 'No such slot of yours');
  const rows = await db.meetingLog.findMany({ where: { slotId }, orderBy: [{ occurredAt: 'asc' }, { createdAt: 'asc' }], take: 500, select: { id: true, userId: true, event: true, occurredAt: true, source: true } });
  return rows.map((r) => ({ ...r, occurredAt: r.occurredAt.toISOString() }));
}
