// slotHold: a durable timer over a slot hold. If the hold is not confirmed before it lapses,
// releaseHold puts the slot back on offer and returns the escrowed tokens. The activity is
// guarded by the hold id and the slot's status, so a confirm racing the expiry has exactly one
// winner: whichever transaction locks the slot row first.
import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { BookingActivities } from '../../activities/booking.activities.js';
import { MasState } from '../search-attributes.js';
import { holdConfirmedSignal, holdStateQuery, type SlotHoldInput, type SlotHoldOutcome } from './slot-hold.contract.js';

const { releaseHold } = proxyActivities<BookingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 20 },
});

export async function slotHold(input: SlotHoldInput): Promise<SlotHoldOutcome> {
  let confirmed = false;
  let outcome: SlotHoldOutcome | 'held' = 'held';
  setHandler(holdConfirmedSignal, ({ holdId }) => {
    if (holdId === input.holdId) confirmed = true;
  });
  setHandler(holdStateQuery, () => ({ outcome, expiresAt: input.expiresAt }));

  const remainingMs = Math.max(0, Date.parse(input.expiresAt) - Date.now());
  if (await condition(() => confirmed, remainingMs)) {
    outcome = 'confirmed';
  } else {
    const { released } = await releaseHold({ slotId: input.slotId, holdId: input.holdId });
    outcome = released ? 'released' : 'already-settled';
  }
  upsertSearchAttributes([{ key: MasState, value: outcome.toUpperCase() }]);
  return outcome;
}
