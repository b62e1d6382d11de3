// Meeting-end activities (Journey 3). Each is one transaction and idempotent:
// completeMeeting is a no-op on a COMPLETED slot, creditMentorEarnings is guarded by
// slots.earningsCredited and the ledger's unique idempotencyKey.
import { assertTransition, canEndMeeting } from '../domain/slot/status.js';
import type { ActivityDeps } from './deps.js';
import { refuse, refusingDomainErrors } from './failures.js';

export interface CompleteMeetingInput {
  slotId: string;
  endedAt: string;
  source: string;
  endedBy?: string;
}

export interface CompleteMeetingResult {
  /** False when the slot was already COMPLETED (a retry or a replayed event). */
  transitioned: boolean;
  actualEndTime: string;
}

export interface CreditResult {
  credited: boolean;
  amountPaise: number;
  balanceAfterPaise: number | null;
}

export const slotEarningKey = (slotId: string) => `slot-earning:${slotId}`;

export function createMeetingActivities({ db }: ActivityDeps) {
  return {
    async completeMeeting(input: CompleteMeetingInput): Promise<CompleteMeetingResult> {
      return refusingDomainErrors(() =>
        db.$transaction(async (tx) => {
          const [slot] = await tx.$queryRaw<{ status: 'CONFIRMED'; actualEndTime: Date | null }[]>`
            SELECT status, "actualEndTime" FROM slots WHERE id = ${input.slotId}::uuid FOR UPDATE`;
          if (!slot) refuse('NOT_FOUND', `Slot ${input.slotId} does not exist`);

          const verdict = canEndMeeting(slot.status);
          if (verdict === 'not-endable') refuse('ILLEGAL_TRANSITION', `Slot ${input.slotId} is ${slot.status} and cannot end`);

          let actualEndTime = slot.actualEndTime ?? new Date(input.endedAt);
          if (verdict === 'end') {
            assertTransition(slot.status, 'COMPLETED');
            actualEndTime = new Date(input.endedAt);
            await tx.slot.update({ where: { id: input.slotId }, data: { status: 'COMPLETED', actualEndTime } });
          }
          await tx.meetingLog.upsert({
            where: { dedupeKey: `ended:${input.slotId}` },
            create: {
              slotId: input.slotId,
              userId: input.endedBy ?? null,
              event: 'ENDED',
              occurredAt: new Date(input.endedAt),
              source: input.source,
              dedupeKey: `ended:${input.slotId}`,
            },
            update: {},
          });
          return { transitioned: verdict === 'end', actualEndTime: actualEndTime.toISOString() };
        }),
      );
    },

    async creditMentorEarnings({ slotId }: { slotId: string }): Promise<CreditResult> {
      return db.$transaction(async (tx) => {
        // Claim the credit: only one transaction can flip earningsCredited.
        const claimed = await tx.slot.updateMany({
          where: { id: slotId, status: 'COMPLETED', earningsCredited: false },
          data: { earningsCredited: true, earningsCreditedAt: new Date() },
        });
        const slot = await tx.slot.findUnique({
          where: { id: slotId },
          select: { mentorId: true, mentorEarningPaise: true, status: true, earningsCredited: true, startDateTime: true },
        });
        if (!slot) refuse('NOT_FOUND', `Slot ${slotId} does not exist`);
        if (claimed.count === 0) {
          if (!slot.earningsCredited) refuse('ILLEGAL_TRANSITION', `Slot ${slotId} is ${slot.status}; only COMPLETED slots earn`);
          const prior = await tx.mentorTransaction.findUnique({ where: { idempotencyKey: slotEarningKey(slotId) } });
          return { credited: false, amountPaise: slot.mentorEarningPaise, balanceAfterPaise: prior?.balanceAfterPaise ?? null };
        }

        const amount = slot.mentorEarningPaise;
        const earnings = await tx.mentorEarnings.upsert({
          where: { userId: slot.mentorId },
          create: { userId: slot.mentorId, balancePaise: amount, totalEarnedPaise: amount, sessionsCredited: 1 },
          update: {
            balancePaise: { increment: amount },
            totalEarnedPaise: { increment: amount },
            sessionsCredited: { increment: 1 },
          },
        });
        await tx.mentorTransaction.create({
          data: {
            userId: slot.mentorId,
            slotId,
            type: 'CREDIT',
            amountPaise: amount,
            balanceAfterPaise: earnings.balancePaise,
            description: `Session on ${slot.startDateTime.toISOString()}`,
            idempotencyKey: slotEarningKey(slotId),
          },
        });
        return { credited: true, amountPaise: amount, balanceAfterPaise: earnings.balancePaise };
      });
    },
  };
}

export type MeetingActivities = ReturnType<typeof createMeetingActivities>;
