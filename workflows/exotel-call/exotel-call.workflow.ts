// exotelCall: for each StatusCallback of one call (deduplicated by event), re-fetch the call
// from Exotel and write lead_call_logs; done once Exotel reports it ended with its figures.
// If nothing arrives for longer than a call can last, it reconciles once and stops.
import { ActivityFailure, condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { CallActivities } from '../../activities/calls.activities.js';
import { MasState } from '../search-attributes.js';
import { callEventSignal, callStateQuery, type CallEvent, type CallSyncResult, type ExotelCallInput, type ExotelCallOutcome } from './exotel-call.contract.js';

// Exotel fills the figures in about 2 minutes after the end: ~5 minutes of bounded retries.
const { syncExotelCall } = proxyActivities<CallActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 12 },
});

/** Longer than the longest call (TimeLimit ≤ 4 h): a lost terminal callback is reconciled after it. */
const IDLE_TIMEOUT = '5 hours';

export async function exotelCall(input: ExotelCallInput): Promise<ExotelCallOutcome> {
  const pending: CallEvent[] = [];
  const seen = new Set<string>();
  let status: string | null = null;
  setHandler(callEventSignal, (event) => {
    if (seen.has(event.eventType)) return;
    seen.add(event.eventType);
    pending.push(event);
  });
  setHandler(callStateQuery, () => ({ status, events: [...seen] }));

  const finish = (figures: ExotelCallOutcome['figures']): ExotelCallOutcome => {
    upsertSearchAttributes([{ key: MasState, value: status ?? 'UNKNOWN' }]);
    return { status, figures, events: [...seen] };
  };

  let final = false;
  for (;;) {
    // Events that arrived while the call was being synced still get their payload recorded.
    if (final && pending.length === 0) return finish('confirmed');
    const arrived: boolean = final || (await condition(() => pending.length > 0, IDLE_TIMEOUT));
    const event: CallEvent | null = arrived ? pending.shift()! : null;
    try {
      const result: CallSyncResult = await syncExotelCall({ callSid: input.callSid, event });
      status = result.status;
      final ||= result.final;
    } catch (err) {
      // Retries exhausted (figures never filled in) or a refusal (unknown call): stop here.
      if (err instanceof ActivityFailure) return finish('unavailable');
      throw err;
    }
    if (!event) return finish(final ? 'confirmed' : 'unavailable');
  }
}
