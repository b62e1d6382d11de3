// Booking activities: adapters over services/slots/hold.ts. releaseHold is the expiry side of
// a slot hold; the service makes a retry, a late run, or a confirm that won the race a no-op.
import { releaseHold } from '../services/slots/hold.js';
import type { ActivityDeps } from './deps.js';

export function createBookingActivities({ db, now }: ActivityDeps) {
  return {
    async releaseHold(input: { slotId: string; holdId: string }): Promise<{ released: boolean }> {
      return releaseHold(db, input, now());
    },
  };
}

export type BookingActivities = ReturnType<typeof createBookingActivities>;
