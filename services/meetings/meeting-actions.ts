// Emailed one-time meeting actions. A token is claimed by a conditional update
// (usedAt IS NULL and not expired) in the same transaction as the action it stands for, so of
// any number of concurrent uses exactly one performs the action; if the action fails, the
// claim rolls back with it and the link still works.
import { ACTION_DESCRIPTIONS, ACTION_TOKEN_PATTERN, joinUrl, tokenState, type MeetingAction } from '../../domain/meeting-actions/policy.js';
import { sha256 } from '../../infra/auth/opaque-tokens.js';
import type { ServiceDeps } from '../deps.js';
import { DomainError } from '../../domain/errors.js';
import { readConfig } from '../system-config/read-config.js';
import { afterSlotCancelled } from '../calendar/slot-calendar.starter.js';
import { startSlotBookedNotification } from '../slots/slot-notification.starter.js';
import type { Tx } from '../slots/booking.js';
import { cancelSlotIn } from '../slots/cancellation.js';
import { confirmHoldIn, signalHoldConfirmed } from '../slots/hold.js';
import { slotSelect, toSlot } from '../slots/slot-view.js';

const DEFAULT_PUBLIC_WEB_URL = 'http://localhost:5173';

function hashOf(token: string): string {
  // A malformed token cannot exist; answer it like an unknown one.
  if (!ACTION_TOKEN_PATTERN.test(token)) throw new DomainError('NOT_FOUND', 'No such link');
  return sha256(token);
}

function refuseUnusable(token: { usedAt: Date | null; expiresAt: Date } | null, now: Date): never {
  if (!token) throw new DomainError('NOT_FOUND', 'No such link');
  const state = tokenState(token, now);
  if (state === 'used') throw new DomainError('GONE', 'This link has already been used');
  throw new DomainError('GONE', 'This link has expired');
}

export async function previewMeetingAction(deps: ServiceDeps, token: string) {
  const now = new Date();
  const row = await deps.db.meetingActionToken.findUnique({
    where: { tokenHash: hashOf(token) },
    select: { action: true, usedAt: true, expiresAt: true, slot: { select: slotSelect } },
  });
  if (!row || tokenState(row, now) !== 'usable') refuseUnusable(row, now);
  return { action: row.action, description: ACTION_DESCRIPTIONS[row.action], expiresAt: row.expiresAt.toISOString(), slot: toSlot(row.slot) };
}

interface Claimed {
  id: string;
  slotId: string;
  userId: string;
  action: MeetingAction;
}

async function claim(tx: Tx, tokenHash: string, now: Date): Promise<Claimed> {
  const [claimed] = await tx.$queryRaw<Claimed[]>`
    UPDATE "public"."meeting_action_tokens" SET "usedAt" = ${now}, "updatedAt" = ${now}
     WHERE "tokenHash" = ${tokenHash} AND "usedAt" IS NULL AND "expiresAt" > ${now}
     RETURNING "id", "slotId", "userId", "action"::text AS "action"`;
  if (claimed) return claimed;
  refuseUnusable(await tx.meetingActionToken.findUnique({ where: { tokenHash }, select: { usedAt: true, expiresAt: true } }), now);
}

async function participant(tx: Tx, slotId: string, userId: string) {
  const slot = await tx.slot.findUniqueOrThrow({ where: { id: slotId }, select: { ...slotSelect, meetingLink: true } });
  if (slot.mentorId !== userId && slot.studentId !== userId) throw new DomainError('NOT_FOUND', 'No such slot of yours');
  return slot;
}

export async function performMeetingAction(deps: ServiceDeps, token: string) {
  const tokenHash = hashOf(token);
  const now = new Date();
  const policy = await readConfig(deps.db, 'booking.cancellationPolicy');
  const result = await deps.db.$transaction(async (tx) => {
    const { slotId, userId, action } = await claim(tx, tokenHash, now);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { isActive: true } });
    if (!user?.isActive) throw new DomainError('FORBIDDEN', 'This account is deactivated');

    if (action === 'CANCEL') {
      // The link grants its owner's own rights (mentor or student), never an admin's.
      const cancelled = await cancelSlotIn(tx, slotId, { userId, role: 'USER' }, 'cancelled from the email link', policy, now);
      const outcome = cancelled.slot.status === 'CANCELLATION_REQUESTED' ? ('cancellation-requested' as const) : ('cancelled' as const);
      return { action, outcome, slot: cancelled.slot, refunded: cancelled.refunded };
    }
    if (action === 'CONFIRM') {
      const slot = await participant(tx, slotId, userId);
      if (!slot.studentId) throw new DomainError('CONFLICT', `The slot is ${slot.status}; there is nothing to confirm`);
      const confirmed = await confirmHoldIn(tx, slotId, slot.studentId, now);
      return { action, outcome: confirmed.alreadyConfirmed ? ('already-confirmed' as const) : ('confirmed' as const), slot: confirmed.slot, holdId: confirmed.holdId };
    }
    const slot = await participant(tx, slotId, userId);
    if (slot.status !== 'CONFIRMED') throw new DomainError('CONFLICT', `The meeting is ${slot.status}; it cannot be joined`);
    const { meetingLink, ...rest } = slot;
    return { action, outcome: 'join' as const, slot: toSlot(rest), joinUrl: joinUrl({ id: slotId, meetingLink }, deps.config.publicWebUrl ?? DEFAULT_PUBLIC_WEB_URL) };
  });

  const { holdId, ...answer } = result;
  if (holdId !== undefined && answer.outcome === 'confirmed') {
    // After the commit, as the confirm endpoint does: stop the hold's timer, send the emails.
    await signalHoldConfirmed(deps, answer.slot.id, holdId);
    await startSlotBookedNotification(deps, answer.slot);
  }
  if (answer.outcome === 'cancelled') await afterSlotCancelled(deps, answer.slot);
  return answer;
}
