// Test data builders. Every row gets unique emails/IDs so files can share one database.
import { createHmac, randomUUID } from 'node:crypto';
import type { MeetingStatus } from '../../domain/slot/status.js';
import { formatSignature, MEETING_SIGNATURE_HEADER } from '../../domain/meeting/signature.js';
import type { Db } from '../../infra/prisma.js';
import { TEST_MEETING_SECRET } from './stack.js';

export async function createMentorWithSlot(
  db: Db,
  opts: { status?: MeetingStatus; earningPaise?: number; startedMinutesAgo?: number } = {},
) {
  const tag = randomUUID().slice(0, 8);
  const mentor = await db.user.create({
    data: {
      email: `mentor-${tag}@test.local`,
      name: `Mentor ${tag}`,
      role: 'EXPERT',
      mentor: { create: { rateTokens: 2, earningPerSessionPaise: opts.earningPaise ?? 45_000 } },
    },
  });
  const student = await db.user.create({ data: { email: `student-${tag}@test.local`, name: `Student ${tag}` } });
  const start = new Date(Date.now() - (opts.startedMinutesAgo ?? 60) * 60_000);
  const slot = await db.slot.create({
    data: {
      mentorId: mentor.id,
      studentId: student.id,
      startDateTime: start,
      endDateTime: new Date(start.getTime() + 60 * 60_000),
      status: opts.status ?? 'CONFIRMED',
      priceTokens: 2,
      mentorEarningPaise: opts.earningPaise ?? 45_000,
    },
  });
  return { mentor, student, slot };
}

export function signBody(body: string, secret = TEST_MEETING_SECRET): string {
  return formatSignature(createHmac('sha256', secret).update(body).digest('hex'));
}

export function meetingEndedRequest(slotId: string, payload: unknown = { endedAt: new Date().toISOString() }, opts: { signature?: string | null; contentType?: string } = {}) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': opts.contentType ?? 'application/json' };
  const signature = opts.signature === undefined ? signBody(body) : opts.signature;
  if (signature !== null) headers[MEETING_SIGNATURE_HEADER] = signature;
  return new Request(`http://test/api/internal/meetings/${slotId}/ended`, { method: 'POST', headers, body });
}

/** A new UPCOMING batch (₹50,000, `seats` seats) teaching one published legacy course. */
export async function batchWithCourse(db: Db, seats: number, prefix = 'MAS101') {
  const tag = randomUUID().slice(0, 8);
  const course = await db.course.create({ data: { slug: `${prefix.toLowerCase()}-${tag}`, title: 'MAS101: Data Analytics', status: 'PUBLISHED' } });
  const batch = await db.batch.create({ data: { code: `${prefix}-${tag}`, name: `MAS101 · ${prefix} cohort`, status: 'UPCOMING', capacity: seats, enrollmentFee: '50000.00', courseId: course.id } });
  return { course, batch };
}
