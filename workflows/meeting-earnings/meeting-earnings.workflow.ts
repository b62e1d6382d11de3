// meetingEarnings: a meeting ended → the slot is COMPLETED, then the mentor is credited once.
// Both steps are idempotent activities, so retries, replays and duplicate starts credit once.
import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { MeetingActivities } from '../../activities/meetings.activities.js';
import { MasState } from '../search-attributes.js';
import type { MeetingEarningsInput, MeetingEarningsResult } from './meeting-earnings.contract.js';

const { completeMeeting, creditMentorEarnings } = proxyActivities<MeetingActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 20 },
});

export async function meetingEarnings(input: MeetingEarningsInput): Promise<MeetingEarningsResult> {
  await completeMeeting({ slotId: input.slotId, endedAt: input.endedAt, source: input.source, endedBy: input.endedBy });
  upsertSearchAttributes([{ key: MasState, value: 'COMPLETED' }]);

  const credit = await creditMentorEarnings({ slotId: input.slotId });
  upsertSearchAttributes([{ key: MasState, value: 'EARNINGS_CREDITED' }]);

  return { slotId: input.slotId, ...credit };
}
