// Booking activities. releaseHold is the expiry side of a slot hold: one transaction that
// locks the slot and acts only if this very hold is still pending, so a retry, a late run, or
// a confirm that won the race all leave it a no-op.
import { returnTokens } from '../services/tokens/return-tokens.js';
import { assertTransition } from '../domain/slot/status.js';
import type { ActivityDeps } from './deps.js';

export function createBookingActivities({ db, now }: ActivityDeps) {
  return {
    async releaseHold({ slotId, holdId }: { slotId: string; holdId: string }): Promise<{ released: boolean }> {
      return db.$transaction(async (tx) => {
        const [slot] = await tx.$queryRaw<{ status: 'MEETING_REQUESTED'; holdId: string | null; studentId: string | null }[]>`
          SELECT "status"::text AS "status", "holdId", "studentId" FROM "public"."slots" WHERE "id" = ${slotId}::uuid FOR UPDATE`;
        if (!slot || slot.holdId !== holdId || slot.status !== 'MEETING_REQUESTED' || !slot.studentId) return { released: false };
        assertTransition(slot.status, 'TENTATIVE');

        const escrow = await tx.tokenUsage.findUnique({ where: { idempotencyKey: `hold:${holdId}` } });
        if (escrow) {
          await returnTokens(tx, slot.studentId, { paid: escrow.paidAmount, promo: escrow.promoAmount }, {
            slotId,
            type: 'HOLD_RELEASE',
            amount: -escrow.amount,
            description: 'Hold lapsed; tokens returned',
            idempotencyKey: `hold-release:${holdId}`,
          }, now());
        }
        await tx.slot.update({ where: { id: slotId }, data: { status: 'TENTATIVE', studentId: null, holdId: null, holdExpiresAt: null } });
        await tx.meetingLog.create({ data: { slotId, userId: slot.studentId, event: 'CANCELLED', occurredAt: now(), source: 'system', metadata: { reason: 'hold-expired', holdId } } });
        return { released: true };
      });
    },
  };
}

export type BookingActivities = ReturnType<typeof createBookingActivities>;
