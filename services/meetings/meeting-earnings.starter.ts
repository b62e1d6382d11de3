// Starts (or joins) the one meetingEarnings run for a slot: the meeting server's signed event,
// the mentor's or an admin's end (endMeeting), a student's no-show report and an admin's
// ruling (meeting-review.ts) all go through startEarningsRun.
//
// Duplicate events never credit twice:
//  - while a run is open, USE_EXISTING returns that run instead of starting another;
//  - once it has completed, ALLOW_DUPLICATE_FAILED_ONLY makes the start throw
//    WorkflowExecutionAlreadyStartedError, which we answer as "already-ended";
//  - a failed/terminated run may be started again; the activities' guards keep it to one credit.
import { startOrJoin } from '../start-or-join.js';
import { canEndMeeting, endTimeProblem } from '../../domain/slot/status.js';
import { workflowIds } from '../../domain/ids.js';
import type { MeetingEarningsInput } from '../../workflows/meeting-earnings/meeting-earnings.contract.js';
import { MasEntityId, MasEntityType, MasState, MasUserId } from '../../workflows/search-attributes.js';
import { STAFF } from '../../domain/auth/roles.js';
import type { AuthContext, ServiceDeps } from '../deps.js';
import { DomainError } from '../../domain/errors.js';

export interface MeetingEndAccepted {
  workflowId: string;
  status: 'accepted' | 'already-ended';
}

function summaryTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export async function startMeetingEarnings(deps: ServiceDeps, input: MeetingEarningsInput): Promise<MeetingEndAccepted> {
  const slot = await deps.db.slot.findUnique({
    where: { id: input.slotId },
    select: { status: true, mentorId: true, startDateTime: true, mentor: { select: { name: true } } },
  });
  if (!slot) throw new DomainError('NOT_FOUND', `Slot ${input.slotId} does not exist`);
  const verdict = canEndMeeting(slot.status);
  if (verdict === 'not-endable') {
    throw new DomainError('ILLEGAL_TRANSITION', `Slot ${input.slotId} is ${slot.status}; only a CONFIRMED meeting can end`);
  }
  const implausible = endTimeProblem(slot.startDateTime, new Date(input.endedAt), new Date());
  if (verdict === 'end' && implausible) throw new DomainError('UNPROCESSABLE', implausible);

  const { workflowId, closed } = await startEarningsRun(deps, input, slot);
  return { workflowId, status: closed || verdict === 'already-ended' ? 'already-ended' : 'accepted' };
}

/** The mentor of the slot or an admin ends the meeting through the api (endedAt defaults to now). */
export async function endMeeting(deps: ServiceDeps, auth: AuthContext, slotId: string, endedAt: string | undefined): Promise<MeetingEndAccepted> {
  const slot = await deps.db.slot.findUnique({ where: { id: slotId }, select: { mentorId: true } });
  const isStaff = STAFF.includes(auth.role);
  if (!slot || (!isStaff && slot.mentorId !== auth.userId)) throw new DomainError('NOT_FOUND', 'No such slot of yours');
  return startMeetingEarnings(deps, { slotId, endedAt: endedAt ?? new Date().toISOString(), source: isStaff ? 'admin' : 'mentor', endedBy: auth.userId });
}

/** Starts meeting-earnings/<slotId>, or joins the open run; `closed` when a run has already completed. */
export async function startEarningsRun(
  deps: ServiceDeps,
  input: MeetingEarningsInput,
  slot: { mentorId: string; startDateTime: Date; mentor: { name: string } },
): Promise<{ workflowId: string; closed: boolean }> {
  const workflowId = workflowIds.meetingEarnings(input.slotId);
  const { closed } = await startOrJoin(deps.temporal, 'meetingEarnings', {
    taskQueue: deps.config.taskQueue,
    workflowId,
    args: [input],
    staticSummary: `Meeting earnings · ${slot.mentor.name} · ${summaryTime(slot.startDateTime)}`,
    staticDetails: `Slot ${input.slotId} ended at ${input.endedAt} (reported by ${input.source}).`,
    typedSearchAttributes: [
      { key: MasEntityType, value: 'slot' },
      { key: MasEntityId, value: input.slotId },
      { key: MasState, value: 'ENDING' },
      { key: MasUserId, value: slot.mentorId },
    ],
  });
  return { workflowId, closed };
}
