// Starts notify/slot-booked/<slotId> once a booking (direct, or a confirmed hold) has committed.
// The booking stands on its own: if Temporal is unreachable the student still has the slot and
// the api answers 200; we log loudly, and the run can be started again later (same id). Starting
// inside the booking transaction instead would make a Temporal outage fail every booking.
//  - USE_EXISTING: a duplicate start while the run is open joins it;
//  - ALLOW_DUPLICATE_FAILED_ONLY: after it completed, a start is refused (nothing to resend);
//    a failed run may be started again, and the emails_sent guard keeps it to one email each.
import { workflowIds } from '../../domain/ids.js';
import type { SlotBookedNotificationInput } from '../../workflows/slot-notification/slot-notification.contract.js';
import { MasEntityId, MasEntityType, MasState } from '../../workflows/search-attributes.js';
import type { ServiceDeps } from '../deps.js';
import { syncSlotCalendar } from '../calendar/slot-calendar.starter.js';
import { startOrJoin } from '../start-or-join.js';

export async function startSlotBookedNotification(deps: ServiceDeps, slot: { id: string; startDateTime: string }): Promise<string> {
  const workflowId = workflowIds.slotBookedNotification(slot.id);
  const input: SlotBookedNotificationInput = { slotId: slot.id };
  try {
    await startOrJoin(deps.temporal, 'slotBookedNotification', {
      taskQueue: deps.config.taskQueue,
      workflowId,
      args: [input],
      staticSummary: `Slot booked emails · slot ${slot.id.slice(0, 8)} · ${slot.startDateTime.slice(0, 16).replace('T', ' ')} UTC`,
      typedSearchAttributes: [
        { key: MasEntityType, value: 'slot' },
        { key: MasEntityId, value: slot.id },
        { key: MasState, value: 'NOTIFYING' },
      ],
    });
  } catch (err) {
    deps.logger.error({ err, slotId: slot.id, workflowId }, 'booking committed but its notification workflow could not be started');
  }
  // The mentor's Google Calendar event (and Meet link), by its own run: calendar/slot/<slotId>.
  await syncSlotCalendar(deps, slot, 'booked');
  return workflowId;
}
