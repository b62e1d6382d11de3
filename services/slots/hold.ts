// Slot holds: reserve a slot for a few minutes with the tokens in escrow. The hold, the escrow
// and the slot-hold/<slotId> timer start together: the workflow is started inside the
// transaction, so if the commit fails the timer finds no such hold and does nothing.
// releaseHold is the timer's side: it acts only if this very hold is still pending.
import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { workflowIds } from '../../domain/ids.js';
import { assertTransition } from '../../domain/slot/status.js';
import type { SlotHoldInput } from '../../workflows/slot-hold/slot-hold.contract.js';
import { holdConfirmedSignal } from '../../workflows/slot-hold/slot-hold.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';
import { DomainError } from '../../domain/errors.js';
import type { Db } from '../../infra/prisma.js';
import { readConfig } from '../system-config/read-config.js';
import { returnTokens } from '../tokens/return-tokens.js';
import { startSlotBookedNotification } from './slot-notification.starter.js';
import { assertBookable, lockSlot, spend, type Tx } from './booking.js';
import { slotSelect, toSlot } from './slot-view.js';

export async function holdSlot(deps: ServiceDeps, slotId: string, studentId: string) {
  const { db, temporal } = deps;
  const now = new Date();
  const seconds = deps.config.slotHoldSeconds ?? (await readConfig(db, 'booking.holdMinutes')) * 60;
  const holdId = randomUUID();
  const expiresAt = new Date(now.getTime() + seconds * 1000);
  const workflowId = workflowIds.slotHold(slotId);
  return db.$transaction(
    async (tx) => {
      const slot = await lockSlot(tx, slotId);
      assertBookable(slot, studentId, now, 'MEETING_REQUESTED');
      const { split, wallet } = await spend(tx, studentId, slot.priceTokens, now);
      const held = await tx.slot.update({ where: { id: slotId }, data: { status: 'MEETING_REQUESTED', studentId, holdId, holdExpiresAt: expiresAt }, select: slotSelect });
      await tx.tokenUsage.create({
        data: {
          userId: studentId,
          slotId,
          type: 'HOLD',
          amount: -slot.priceTokens,
          paidAmount: split.fromPaid,
          promoAmount: split.fromPromo,
          balanceAfter: wallet.paid + wallet.promo - slot.priceTokens,
          description: `Hold on slot ${slotId} until ${expiresAt.toISOString()}`,
          idempotencyKey: `hold:${holdId}`,
        },
      });
      const input: SlotHoldInput = { slotId, holdId, studentId, expiresAt: expiresAt.toISOString() };
      try {
        await temporal.workflow.start('slotHold', {
          taskQueue: deps.config.taskQueue,
          workflowId,
          args: [input],
          workflowIdReusePolicy: 'ALLOW_DUPLICATE',
          workflowIdConflictPolicy: 'FAIL',
          staticSummary: `Slot hold · slot ${slotId.slice(0, 8)} · until ${expiresAt.toISOString().slice(11, 19)} UTC`,
          typedSearchAttributes: [
            { key: MasEntityType, value: 'slot-hold' },
            { key: MasEntityId, value: slotId },
            { key: MasState, value: 'HELD' },
            { key: MasUserId, value: studentId },
          ],
        });
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) throw new DomainError('CONFLICT', "The slot's previous hold is still settling; try again in a moment");
        throw err;
      }
      return {
        slot: toSlot(held),
        holdId,
        expiresAt: expiresAt.toISOString(),
        workflowId,
        spent: { paid: split.fromPaid, promotional: split.fromPromo },
      };
    },
    { timeout: 15_000 },
  );
}

export async function confirmHold(deps: ServiceDeps, slotId: string, studentId: string) {
  const result = await deps.db.$transaction((tx) => confirmHoldIn(tx, slotId, studentId, new Date()));
  await signalHoldConfirmed(deps, slotId, result.holdId);
  // A confirmed hold is a booking: the emails start after the commit, once.
  if (!result.alreadyConfirmed) await startSlotBookedNotification(deps, result.slot);
  return { slot: result.slot, alreadyConfirmed: result.alreadyConfirmed };
}

/** The confirmation inside a caller's transaction (an emailed confirm link claims its token in the same one). */
export async function confirmHoldIn(tx: Tx, slotId: string, studentId: string, now: Date) {
  const slot = await lockSlot(tx, slotId);
  const [hold] = await tx.$queryRaw<{ holdId: string | null; holdExpiresAt: Date | null }[]>`
    SELECT "holdId", "holdExpiresAt" FROM "public"."slots" WHERE "id" = ${slotId}::uuid`;
  if (slot.studentId !== studentId || !hold?.holdId) throw new DomainError('NOT_FOUND', 'You hold no such slot');
  if (slot.status === 'CONFIRMED') return { slot: toSlot(await tx.slot.findUniqueOrThrow({ where: { id: slotId }, select: slotSelect })), holdId: hold.holdId, alreadyConfirmed: true };
  if (slot.status !== 'MEETING_REQUESTED') throw new DomainError('CONFLICT', `The slot is ${slot.status}`);
  if (!hold.holdExpiresAt || hold.holdExpiresAt <= now) throw new DomainError('CONFLICT', 'The hold has expired');
  assertTransition(slot.status, 'CONFIRMED');
  const confirmed = await tx.slot.update({ where: { id: slotId }, data: { status: 'CONFIRMED', holdExpiresAt: null }, select: slotSelect });
  await tx.meetingLog.create({ data: { slotId, userId: studentId, event: 'SCHEDULED', occurredAt: now, source: 'api', metadata: { via: 'hold', holdId: hold.holdId } } });
  return { slot: toSlot(confirmed), holdId: hold.holdId, alreadyConfirmed: false };
}

/**
 * Best effort, after the commit: if the signal is lost, the timer fires and releaseHold finds
 * the slot CONFIRMED and does nothing.
 */
export async function signalHoldConfirmed(deps: ServiceDeps, slotId: string, holdId: string) {
  await deps.temporal.workflow
    .getHandle(workflowIds.slotHold(slotId))
    .signal(holdConfirmedSignal, { holdId })
    .catch((err: unknown) => deps.logger.warn({ err, slotId }, 'hold confirmed but the slot-hold workflow could not be signalled'));
}

/**
 * The expiry side of a hold: one transaction that locks the slot and acts only if this very
 * hold is still pending, so a retry, a late run, or a confirm that won the race are no-ops.
 */
export async function releaseHold(db: Db, { slotId, holdId }: { slotId: string; holdId: string }, now: Date): Promise<{ released: boolean }> {
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
      }, now);
    }
    await tx.slot.update({ where: { id: slotId }, data: { status: 'TENTATIVE', studentId: null, holdId: null, holdExpiresAt: null } });
    await tx.meetingLog.create({ data: { slotId, userId: slot.studentId, event: 'CANCELLED', occurredAt: now, source: 'system', metadata: { reason: 'hold-expired', holdId } } });
    return { released: true };
  });
}
