// meetingEarnings: a meeting ended → the slot is COMPLETED, then the mentor is credited once.
// A disputed session (a no-show report, or far shorter than booked) is UNDER_REVIEW instead:
// the run waits, durably, for an admin's ruling (the reviewRuling Update): credit → completed
// and credited as usual; refund → the student is refunded and nobody earns. Every step is an
// idempotent activity, so retries, replays and duplicate starts credit (or refund) once.
import { allHandlersFinished, condition, patched, proxyActivities, proxyLocalActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { MeetingActivities } from '../../activities/meetings.activities.js';
import { MasState } from '../search-attributes.js';
import {
  MEETING_LOCAL_ACTIVITIES_PATCH,
  MEETING_REVIEW_PATCH,
  REVIEW_REJECT,
  reviewRulingUpdate,
  type MeetingEarningsInput,
  type MeetingEarningsResult,
  type ReviewRuling,
} from './meeting-earnings.contract.js';

const activityOptions = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 20 },
} as const;
const scheduled = proxyActivities<MeetingActivities>(activityOptions);
// The two steps of every meeting end are short, idempotent DB transactions: as local activities
// they run inside the workflow task that needs them (no matching round trip, no extra tasks).
const local = proxyLocalActivities<MeetingActivities>(activityOptions);
const { settleReview } = scheduled;

export async function meetingEarnings(input: MeetingEarningsInput): Promise<MeetingEarningsResult> {
  let ruling: ReviewRuling | undefined;
  /** Known once completeMeeting has answered: whether this session waits for a ruling. */
  let underReview: boolean | undefined = undefined;
  let result: MeetingEarningsResult | undefined;

  setHandler(
    reviewRulingUpdate,
    async (r) => {
      // Set before any await, so a second ruling in the same task already fails validation.
      ruling = r;
      await condition(() => result !== undefined);
      return result!;
    },
    {
      validator: (r) => {
        if (ruling) throw new Error(REVIEW_REJECT.alreadyRuled);
        if (underReview === false) throw new Error(REVIEW_REJECT.notUnderReview);
        if (r.decision !== 'credit' && r.decision !== 'refund') throw new Error(REVIEW_REJECT.badDecision);
      },
    },
  );

  const { completeMeeting, creditMentorEarnings } = patched(MEETING_LOCAL_ACTIVITIES_PATCH) ? local : scheduled;
  const ended = await completeMeeting({ slotId: input.slotId, endedAt: input.endedAt, startedAt: input.startedAt, source: input.source, endedBy: input.endedBy });
  underReview = ended.underReview === true;

  if (patched(MEETING_REVIEW_PATCH) && underReview) {
    upsertSearchAttributes([{ key: MasState, value: 'UNDER_REVIEW' }]);
    await condition(() => ruling !== undefined);
    const { decision, note, ruledBy } = ruling!;
    const settled = await settleReview({ slotId: input.slotId, decision, note, ruledBy });
    if (decision === 'refund') {
      upsertSearchAttributes([{ key: MasState, value: 'REFUNDED' }]);
      result = { slotId: input.slotId, credited: false, amountPaise: 0, balanceAfterPaise: null, review: 'refund', refunded: settled.refunded };
      await condition(allHandlersFinished);
      return result;
    }
  }
  upsertSearchAttributes([{ key: MasState, value: 'COMPLETED' }]);

  const credit = await creditMentorEarnings({ slotId: input.slotId });
  upsertSearchAttributes([{ key: MasState, value: 'EARNINGS_CREDITED' }]);

  result = { slotId: input.slotId, ...credit, ...(ruling ? { review: ruling.decision } : {}) };
  if (ruling) await condition(allHandlersFinished);
  return result;
}
