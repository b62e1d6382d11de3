// Reading slots: one by id, and the search (mentor, status, time range, expertise) over a
// keyset page the api decodes from its cursor.
import { DomainError } from '../../domain/errors.js';
import type { MeetingStatus } from '../../domain/slot/status.js';
import type { Db } from '../../infra/prisma.js';
import type { Prisma } from '../../prisma/generated/client.js';
import { slotSelect, toSlot } from './slot-view.js';

export interface SlotFilters {
  mentorId?: string | undefined;
  status?: MeetingStatus | undefined;
  from?: string | undefined;
  to?: string | undefined;
  expertise?: string | undefined;
}

/** A keyset page on startDateTime: the cursor's condition, its order, and how many rows to read. */
export interface SlotPage {
  where: Prisma.SlotWhereInput;
  orderBy: Prisma.SlotOrderByWithRelationInput[];
  take: number;
}

export async function searchSlots(db: Db, filters: SlotFilters, page: SlotPage) {
  const { mentorId, status, from, to, expertise } = filters;
  const rows = await db.slot.findMany({
    where: {
      AND: [
        page.where,
        mentorId ? { mentorId } : {},
        status ? { status } : {},
        from || to ? { startDateTime: { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lt: new Date(to) } : {}) } } : {},
        expertise ? { mentor: { mentor: { expertise: { has: expertise } } } } : {},
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: slotSelect,
  });
  return rows.map(toSlot);
}

export async function getSlot(db: Db, slotId: string) {
  const slot = await db.slot.findUnique({ where: { id: slotId }, select: slotSelect });
  if (!slot) throw new DomainError('NOT_FOUND', 'No such slot');
  return toSlot(slot);
}
