// slotCalendarSync (calendar/slot/<slotId>): reconciles the slot's Google Calendar event (create
// after a booking, delete after a cancellation) with one idempotent activity, again for every
// resync signal that arrives meanwhile, then completes. The booking never waits for it: no Google,
// a broken connection or Google being down only delays or skips the event.
import { proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { CalendarActivities } from '../../activities/calendar.activities.js';
import { MasState } from '../search-attributes.js';
import { slotCalendarResyncSignal, type SlotCalendarSyncInput, type SlotCalendarSyncResult } from './slot-calendar.contract.js';

const { reconcileSlotCalendar } = proxyActivities<CalendarActivities>({
  // Two or three Google calls (refresh, insert or delete, maybe a get) of 10 s each at most.
  startToCloseTimeout: '45 seconds',
  // Google may be down or rate limiting for a while: keep trying for about an hour.
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

export async function slotCalendarSync(input: SlotCalendarSyncInput): Promise<SlotCalendarSyncResult> {
  let pending = true;
  setHandler(slotCalendarResyncSignal, () => {
    pending = true;
  });
  let passes = 0;
  let last: { outcome: SlotCalendarSyncResult['outcome']; eventId: string | null } = { outcome: 'nothing-to-do', eventId: null };
  while (pending) {
    pending = false;
    last = await reconcileSlotCalendar({ slotId: input.slotId });
    passes++;
    upsertSearchAttributes([{ key: MasState, value: last.outcome.toUpperCase().replace(/-/g, '_') }]);
    // A signal that lands as the run completes makes the server refuse the completion; the
    // workflow then sees it here and reconciles once more.
  }
  return { slotId: input.slotId, outcome: last.outcome, eventId: last.eventId, passes };
}
