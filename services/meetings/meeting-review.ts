// Disputed sessions. A student reports a no-show (CONFIRMED → UNDER_REVIEW, after the start),
// or completeMeeting finds the session far shorter than booked; either way meeting-earnings/<slotId>
// waits for an admin's ruling, sent as its reviewRuling Update. Both calls make sure the run
// exists first (USE_EXISTING), so a start lost after the no-show commit is recovered by a retry.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError } from '../../domain/errors.js';
import { assertTransition } from '../../domain/slot/status.js';
import { reviewRulingUpdate, type MeetingEarningsResult, type ReviewDecision } from '../../workflows/meeting-earnings/meeting-earnings.contract.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { lockSlot } from '../slots/booking.js';
import { slotSelect, toSlot } from '../slots/slot-view.js';
import { startEarningsRun } from './meeting-earnings.starter.js';

const runSlotSelect = { mentorId: true, startDateTime: true, actualEndTime: true, status: true, mentor: { select: { name: true } } } as const;

export async function reportNoShow(deps: ServiceDeps, auth: AuthContext, slotId: string, note: string | undefined) {
  const now = new Date();
  await deps.db.$transaction(async (tx) => {
    const slot = await lockSlot(tx, slotId);
    if (slot.studentId !== auth.userId) {
      if (slot.mentorId === auth.userId) throw new DomainError('FORBIDDEN', "Only the session's student reports a no-show");
      throw new DomainError('NOT_FOUND', 'No such session of yours');
    }
    // A repeat answers as the first did (and restarts the run, should its start have been lost).
    if (slot.status === 'UNDER_REVIEW') return;
    if (slot.status !== 'CONFIRMED') throw new DomainError('CONFLICT', `The session is ${slot.status}; only a CONFIRMED session can be reported`);
    if (slot.startDateTime > now) throw new DomainError('CONFLICT', 'The session has not started yet');
    assertTransition(slot.status, 'UNDER_REVIEW');
    await tx.slot.update({ where: { id: slotId }, data: { status: 'UNDER_REVIEW', actualEndTime: now } });
    // The meeting's one ENDED event (completeMeeting's upsert on the same key then keeps it).
    await tx.meetingLog.create({
      data: { slotId, userId: auth.userId, event: 'ENDED', occurredAt: now, source: 'no-show-report', dedupeKey: `ended:${slotId}`, metadata: { noShow: true, note: note ?? null } },
    });
  });
  const slot = await deps.db.slot.findUniqueOrThrow({ where: { id: slotId }, select: runSlotSelect });
  const input = { slotId, endedAt: (slot.actualEndTime ?? now).toISOString(), source: 'no-show-report', endedBy: auth.userId };
  const { workflowId } = await startEarningsRun(deps, input, slot);
  return { workflowId, status: 'under-review' as const };
}

/**
 * An admin's ruling on an UNDER_REVIEW session: credit (the mentor earns once, as usual) or
 * refund (the student gets the tokens back, nobody earns). A second ruling answers 409.
 */
export async function ruleOnReview(deps: ServiceDeps, admin: AuthContext, slotId: string, ruling: { decision: ReviewDecision; note?: string | undefined }) {
  const slot = await deps.db.slot.findUnique({ where: { id: slotId }, select: runSlotSelect });
  if (!slot) throw new DomainError('NOT_FOUND', 'No such slot');
  if (slot.status !== 'UNDER_REVIEW') throw new DomainError('CONFLICT', `The slot is ${slot.status}, not UNDER_REVIEW`);
  const input = { slotId, endedAt: (slot.actualEndTime ?? new Date()).toISOString(), source: 'review', endedBy: admin.userId };
  const { workflowId, closed } = await startEarningsRun(deps, input, slot);
  if (closed) throw new DomainError('CONFLICT', 'The session has already been ruled on');
  let result: MeetingEarningsResult;
  try {
    const args = { decision: ruling.decision, ruledBy: admin.userId, ...(ruling.note ? { note: ruling.note } : {}) };
    result = await deps.temporal.workflow.getHandle(workflowId).executeUpdate(reviewRulingUpdate, { args: [args] });
  } catch (err) {
    // The validator's refusal (already ruled), or the run closed in between.
    if (err instanceof WorkflowUpdateFailedError) throw new DomainError('CONFLICT', err.cause?.message ?? 'The session can no longer be ruled on');
    if (err instanceof WorkflowNotFoundError) throw new DomainError('CONFLICT', 'The session has already been ruled on');
    throw err;
  }
  const after = await deps.db.slot.findUniqueOrThrow({ where: { id: slotId }, select: slotSelect });
  return {
    slot: toSlot(after),
    decision: ruling.decision,
    workflowId,
    credited: result.credited,
    refunded: result.refunded ?? { paid: 0, promotional: 0 },
  };
}
