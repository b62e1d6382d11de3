// Demo data: a small, coherent world for the foundation (an admin, a mentor, a student and
// slots in several states). Idempotent: fixed IDs and upserts, so a second run changes nothing.
import type { Db } from '../infra/prisma.js';

export const DEMO = {
  adminId: '00000000-0000-4000-8000-000000000001',
  mentorUserId: '00000000-0000-4000-8000-000000000002',
  studentId: '00000000-0000-4000-8000-000000000003',
  confirmedSlotId: '00000000-0000-4000-8000-000000000101',
  tentativeSlotId: '00000000-0000-4000-8000-000000000102',
  pastSlotId: '00000000-0000-4000-8000-000000000103',
} as const;

const HOUR = 3_600_000;

export async function seed(db: Db, log: (line: string) => void = () => {}): Promise<void> {
  // Times are relative to the first seeding; reruns keep the rows as they are (update: {}).
  const day = Math.floor(Date.now() / HOUR) * HOUR - HOUR;
  await db.$transaction(async (tx) => {
    await tx.user.upsert({
      where: { id: DEMO.adminId },
      create: { id: DEMO.adminId, email: 'admin@mas.local', name: 'Asha Admin', role: 'ADMIN', stage: 'ACTIVE', platform: 'mr-mentor' },
      update: {},
    });
    await tx.user.upsert({
      where: { id: DEMO.mentorUserId },
      create: { id: DEMO.mentorUserId, email: 'riya.mentor@mas.local', name: 'Riya Sharma', role: 'EXPERT', stage: 'ACTIVE', platform: 'mr-mentor' },
      update: {},
    });
    await tx.mentor.upsert({
      where: { userId: DEMO.mentorUserId },
      create: { userId: DEMO.mentorUserId, bio: 'Data analyst, 8 years in fintech.', expertise: ['SQL', 'Power BI', 'Python'], rateTokens: 2, earningPerSessionPaise: 50_000 },
      update: {},
    });
    await tx.user.upsert({
      where: { id: DEMO.studentId },
      create: { id: DEMO.studentId, email: 'arjun@mas.local', name: 'Arjun Mehta', role: 'USER', stage: 'ACTIVE', platform: 'mr-mentor' },
      update: {},
    });
    const slot = (id: string, startOffsetH: number, status: 'CONFIRMED' | 'TENTATIVE', student: boolean) => ({
      where: { id },
      create: {
        id,
        mentorId: DEMO.mentorUserId,
        studentId: student ? DEMO.studentId : null,
        title: 'SQL interview prep',
        startDateTime: new Date(day + startOffsetH * HOUR),
        endDateTime: new Date(day + (startOffsetH + 1) * HOUR),
        status,
        priceTokens: 2,
        mentorEarningPaise: 50_000,
      },
      update: {},
    });
    await tx.slot.upsert(slot(DEMO.confirmedSlotId, 0, 'CONFIRMED', true));
    await tx.slot.upsert(slot(DEMO.tentativeSlotId, 48, 'TENTATIVE', false));
    await tx.slot.upsert(slot(DEMO.pastSlotId, -24, 'CONFIRMED', true));
  });
  log(`demo data: admin@mas.local, mentor riya.mentor@mas.local, student arjun@mas.local`);
  log(`demo CONFIRMED slot ready to end: ${DEMO.confirmedSlotId} (npm run meeting:end -- ${DEMO.confirmedSlotId})`);
}

/** Seeds only an empty database (no users); returns whether it seeded. */
export async function seedIfEmpty(db: Db, log?: (line: string) => void): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;
  await seed(db, log);
  return true;
}
