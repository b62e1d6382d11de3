// Exotel StatusCallbacks (POST /api/webhooks/exotel/calls/{secret}). The callback is only a
// hint: exotel-call/<CallSid> re-fetches the call before writing, and its writes only move
// forward, so a late or repeated callback, even after the call and its workflow finished, is
// acknowledged and changes nothing twice. Each (CallSid, event) is recorded once in
// webhook_events; no transaction is held across the Temporal call.
import type { ExotelStatusCallback } from '../../providers/exotel/interface.js';
import type { CallEvent } from '../../workflows/exotel-call/exotel-call.contract.js';
import type { ServiceDeps } from '../deps.js';
import { signalCallEvent } from './exotel-call.starter.js';

export async function acceptExotelCallback(deps: Pick<ServiceDeps, 'db' | 'temporal' | 'config'>, cb: ExotelStatusCallback, raw: Record<string, unknown>): Promise<'processed' | 'duplicate'> {
  const key = { provider: 'exotel', eventId: `${cb.callSid}:${cb.eventType}` };
  if (await deps.db.webhookEvent.findUnique({ where: { provider_eventId: key }, select: { id: true } })) return 'duplicate';
  // Signal first, record after: a failed signal leaves nothing recorded, so Exotel's retry is
  // processed; a crash after the signal makes the retry signal again, which the workflow
  // ignores (it keeps one event per type).
  const event: CallEvent = { eventType: cb.eventType, status: cb.status, receivedAt: new Date().toISOString(), payload: raw };
  await signalCallEvent(deps, cb.callSid, event);
  const { count } = await deps.db.webhookEvent.createMany({ data: [{ ...key, eventType: `call.${cb.eventType}`, subjectId: cb.callSid }], skipDuplicates: true });
  return count ? 'processed' : 'duplicate';
}
