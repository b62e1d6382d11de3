// Starts calendar/slot/<slotId>, or signals the open run to reconcile again, once a booking or a
// cancellation has committed (never inside the transaction: a Temporal outage must not fail a
// booking). signalWithStart starts a fresh run when none is open (the id may be reused once
// closed); the reconcile is idempotent, so a duplicate start makes no second event. With Google
// off nothing is started. A failure to start is logged, not thrown: the slot change stands.
import { workflowIds } from '../../domain/ids.js';
import { slotCalendarResyncSignal, type SlotCalendarSyncInput } from '../../workflows/slot-calendar/slot-calendar.contract.js';
import { MasEntityId, MasEntityType, MasState } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';

export async function syncSlotCalendar(deps: Pick<ServiceDeps, 'temporal' | 'config' | 'logger' | 'google'>, slot: { id: string; startDateTime: string }, why: 'booked' | 'cancelled'): Promise<string | null> {
  if (!deps.google) return null;
  const workflowId = workflowIds.slotCalendar(slot.id);
  const input: SlotCalendarSyncInput = { slotId: slot.id };
  try {
    await deps.temporal.workflow.signalWithStart('slotCalendarSync', {
      taskQueue: deps.config.taskQueue,
      workflowId,
      args: [input],
      signal: slotCalendarResyncSignal,
      signalArgs: [],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      staticSummary: `Google Calendar event · slot ${slot.id.slice(0, 8)} · ${slot.startDateTime.slice(0, 16).replace('T', ' ')} UTC · ${why}`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'slot' },
        { key: MasEntityId, value: slot.id },
        { key: MasState, value: 'SYNCING' },
      ],
    });
  } catch (err) {
    deps.logger.error({ err, slotId: slot.id, workflowId, why }, 'slot change committed but its calendar workflow could not be started');
  }
  return workflowId;
}

/** After a cancellation path committed: a CANCELLED slot's event is removed (durably, by the run). */
export async function afterSlotCancelled(deps: Pick<ServiceDeps, 'temporal' | 'config' | 'logger' | 'google'>, slot: { id: string; status: string; startDateTime: string }): Promise<void> {
  if (slot.status === 'CANCELLED') await syncSlotCalendar(deps, slot, 'cancelled');
}
