// Syncing one Exotel call into lead_call_logs (for the exotel-call workflow's activity). The
// StatusCallback is not signed, so its figures are never trusted: the call is re-fetched from
// Exotel first, with no transaction open, then written under the row's lock. The status only
// moves forward, figures come from the call details, and the outcome and the "call ended"
// timeline entry are written once, by whichever sync first writes the final figures.
import { DomainError } from '../../domain/errors.js';
import { fromProviderStatus, leadCallLifecycle, nextCallStatus, type LeadCallStatus } from '../../domain/lead-call/status.js';
import type { Db } from '../../infra/prisma.js';
import type { LeadCallOutcome, Prisma } from '../../prisma/generated/client.js';
import { ExotelError, isFinalCallStatus, parseExotelTime, type ExotelCallDetails, type ExotelProvider } from '../../providers/exotel/interface.js';
import type { CallEvent } from '../../workflows/exotel-call/exotel-call.contract.js';

/** What a salesperson would log for how the call ended; null when it says nothing (canceled). */
export function outcomeOf(d: ExotelCallDetails): LeadCallOutcome | null {
  switch (d.status) {
    case 'completed':
      if ((d.details.conversationDuration ?? 0) > 0) return 'connected';
      return d.details.leg2Status === 'busy' ? 'busy' : 'no_answer';
    case 'busy':
      return 'busy';
    case 'no-answer':
      return 'no_answer';
    case 'failed':
      return 'failed';
    default:
      return null;
  }
}

interface LockedRow {
  id: string;
  status: LeadCallStatus;
  outcome: string | null;
  durationSeconds: number | null;
  rawLeadId: string;
  userId: string | null;
  providerPayload: unknown;
}

/** Keeps what click-to-call stored (idempotency key, first answer) and each callback as received. */
function mergedPayload(previous: unknown, event: CallEvent | null, details: ExotelCallDetails): Prisma.InputJsonValue {
  const prev = previous && typeof previous === 'object' && !Array.isArray(previous) ? (previous as Record<string, unknown>) : {};
  const callbacks = prev.callbacks && typeof prev.callbacks === 'object' ? (prev.callbacks as Record<string, unknown>) : {};
  return {
    ...prev,
    callbacks: event ? { ...callbacks, [event.eventType]: { ...event.payload, receivedAt: event.receivedAt } } : callbacks,
    details,
  } as unknown as Prisma.InputJsonValue;
}

export type CallSync =
  | { kind: 'written'; status: LeadCallStatus; ended: boolean; hasFigures: boolean }
  /** No lead_call_logs row has this CallSid yet (click-to-call has not recorded it). */
  | { kind: 'missing' };

export async function syncCall(deps: { db: Db; exotel: ExotelProvider | undefined; now: () => Date }, { callSid, event }: { callSid: string; event: CallEvent | null }): Promise<CallSync> {
  const { db, exotel, now } = deps;
  if (!exotel) throw new DomainError('DEPENDENCY_UNAVAILABLE', 'Exotel is not configured (EXOTEL_MODE=off)');
  let details: ExotelCallDetails;
  try {
    details = await exotel.getCall(callSid);
  } catch (err) {
    if (err instanceof ExotelError && !err.retryable) throw new DomainError(err.status === 404 ? 'NOT_FOUND' : 'DEPENDENCY_UNAVAILABLE', err.message);
    throw err;
  }
  const ended = isFinalCallStatus(details.status);
  const hasFigures = ended && details.duration !== null;
  const reported = fromProviderStatus(details.status)!;

  const written = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<LockedRow[]>`
      SELECT "id", "status"::text AS "status", "outcome"::text AS "outcome", "duration_seconds" AS "durationSeconds", "raw_lead_id" AS "rawLeadId", "user_id" AS "userId", "provider_payload" AS "providerPayload"
      FROM "mas_crm"."lead_call_logs" WHERE "exotel_call_sid" = ${callSid} FOR UPDATE`;
    if (!row) return null;
    const next = nextCallStatus(row.status, reported);
    // Figures belong to the status Exotel reports; a row that ended otherwise keeps its own.
    const takeFigures = hasFigures && next === reported && leadCallLifecycle.isTerminal(next);
    const firstFigures = takeFigures && row.durationSeconds === null;
    const startedAt = parseExotelTime(details.startTime);
    const talk = details.details.conversationDuration;
    const data: Prisma.LeadCallLogUpdateInput = {
      status: next,
      providerPayload: mergedPayload(row.providerPayload, event, details),
      ...(startedAt ? { startedAt } : {}),
      ...(takeFigures
        ? {
            durationSeconds: details.duration,
            talkDurationSeconds: talk,
            recordingUrl: details.recordingUrl,
            endedAt: parseExotelTime(details.endTime),
            costPaise: details.price === null ? null : Math.round(details.price * 100),
          }
        : {}),
      ...(firstFigures && row.outcome === null ? { outcome: outcomeOf(details) } : {}),
    };
    await tx.leadCallLog.update({ where: { id: row.id }, data });
    if (firstFigures) {
      await tx.leadActivityLog.create({
        data: {
          rawLeadId: row.rawLeadId,
          performedBy: row.userId,
          activityType: 'call_logged',
          description: `Call ${next.replace('_', ' ')}${talk ? ` (${talk} s talk time)` : ''}`,
          metadata: { callLogId: row.id, callSid, status: next, source: 'exotel', durationSeconds: details.duration, talkDurationSeconds: talk },
        },
      });
      await tx.rawLead.update({ where: { id: row.rawLeadId }, data: { lastContactedAt: now() } });
    }
    return next;
  });
  return written === null ? { kind: 'missing' } : { kind: 'written', status: written, ended, hasFigures };
}
