// Mentors' own slots: create, edit, delete. One mentor's slots never overlap: every write
// locks the mentor's profile row first, so concurrent creates are checked one at a time.
import type { Db } from '../../infra/prisma.js';
import { DomainError } from '../../domain/errors.js';
import { slotSelect, toSlot } from './slot-view.js';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const MIN_MINUTES = 15;
const MAX_MINUTES = 240;

export function checkWindow(start: Date, end: Date, now: Date) {
  const errors: { path: string; message: string }[] = [];
  if (start.getTime() <= now.getTime()) errors.push({ path: 'json.startDateTime', message: 'Must be in the future' });
  const minutes = (end.getTime() - start.getTime()) / 60_000;
  if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) errors.push({ path: 'json.endDateTime', message: `A slot lasts ${MIN_MINUTES}–${MAX_MINUTES} minutes after its start` });
  if (errors.length) throw new DomainError('VALIDATION_FAILED', 'The slot times are invalid', errors);
}

export async function lockMentor(tx: Tx, mentorUserId: string) {
  const [mentor] = await tx.$queryRaw<{ rateTokens: number; earningPerSessionPaise: number; isActive: boolean }[]>`
    SELECT "rateTokens", "earningPerSessionPaise", "isActive" FROM "public"."mentors" WHERE "userId" = ${mentorUserId}::uuid FOR UPDATE`;
  if (!mentor?.isActive) throw new DomainError('FORBIDDEN', 'Only an active mentor profile can offer slots');
  return mentor;
}

export async function assertNoOverlap(tx: Tx, mentorId: string, start: Date, end: Date, exceptId?: string) {
  const clash = await tx.slot.findFirst({
    where: { mentorId, status: { notIn: ['CANCELLED'] }, startDateTime: { lt: end }, endDateTime: { gt: start }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw new DomainError('CONFLICT', `It overlaps your slot ${clash.id}`);
}

export async function createSlot(db: Db, mentorId: string, body: { startDateTime: string; endDateTime: string; title?: string | undefined }) {
  const start = new Date(body.startDateTime);
  const end = new Date(body.endDateTime);
  checkWindow(start, end, new Date());
  return db.$transaction(async (tx) => {
    const mentor = await lockMentor(tx, mentorId);
    await assertNoOverlap(tx, mentorId, start, end);
    const slot = await tx.slot.create({
      data: { mentorId, startDateTime: start, endDateTime: end, title: body.title ?? null, status: 'TENTATIVE', priceTokens: mentor.rateTokens, mentorEarningPaise: mentor.earningPerSessionPaise },
      select: slotSelect,
    });
    return toSlot(slot);
  });
}

/** 404 before anything is locked when the slot is not this mentor's. */
async function assertOwnSlot(db: Db, slotId: string, mentorId: string) {
  if (!(await db.slot.findFirst({ where: { id: slotId, mentorId }, select: { id: true } }))) throw new DomainError('NOT_FOUND', 'No such slot of yours');
}

async function ownUnbookedSlot(tx: Tx, slotId: string, mentorId: string) {
  const [slot] = await tx.$queryRaw<{ mentorId: string; status: string; studentId: string | null; startDateTime: Date; endDateTime: Date }[]>`
    SELECT "mentorId", "status"::text AS "status", "studentId", "startDateTime", "endDateTime" FROM "public"."slots" WHERE "id" = ${slotId}::uuid FOR UPDATE`;
  if (!slot || slot.mentorId !== mentorId) throw new DomainError('NOT_FOUND', 'No such slot of yours');
  if (slot.status !== 'TENTATIVE' || slot.studentId) throw new DomainError('CONFLICT', `The slot is ${slot.status}; only an unbooked TENTATIVE slot can change`);
  return slot;
}

export async function updateSlot(db: Db, mentorId: string, slotId: string, body: { startDateTime?: string | undefined; endDateTime?: string | undefined; title?: string | undefined }) {
  await assertOwnSlot(db, slotId, mentorId);
  return db.$transaction(async (tx) => {
    await lockMentor(tx, mentorId);
    const slot = await ownUnbookedSlot(tx, slotId, mentorId);
    const start = body.startDateTime ? new Date(body.startDateTime) : slot.startDateTime;
    const end = body.endDateTime ? new Date(body.endDateTime) : slot.endDateTime;
    if (body.startDateTime || body.endDateTime) {
      checkWindow(start, end, new Date());
      await assertNoOverlap(tx, mentorId, start, end, slotId);
    }
    const updated = await tx.slot.update({
      where: { id: slotId },
      data: { startDateTime: start, endDateTime: end, ...(body.title ? { title: body.title } : {}) },
      select: slotSelect,
    });
    return toSlot(updated);
  });
}

export async function deleteSlot(db: Db, mentorId: string, slotId: string) {
  await assertOwnSlot(db, slotId, mentorId);
  await db.$transaction(async (tx) => {
    await lockMentor(tx, mentorId);
    await ownUnbookedSlot(tx, slotId, mentorId);
    await tx.slot.delete({ where: { id: slotId } });
  });
}

