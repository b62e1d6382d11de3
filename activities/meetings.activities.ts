// Meeting-end activities (Journey 3): adapters over services/meetings/meeting-completion.ts,
// whose steps are each one idempotent transaction. Business refusals are non-retryable.
import {
  completeMeeting,
  creditMentorEarnings,
  settleReview,
  type CompleteMeetingInput,
  type CompleteMeetingResult,
  type CreditResult,
  type SettleReviewInput,
} from '../services/meetings/meeting-completion.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export { type CompleteMeetingInput, type CompleteMeetingResult, type CreditResult } from '../services/meetings/meeting-completion.js';

export function createMeetingActivities({ db, now }: ActivityDeps) {
  return {
    async completeMeeting(input: CompleteMeetingInput): Promise<CompleteMeetingResult> {
      return refusingDomainErrors(() => completeMeeting(db, input));
    },
    async settleReview(input: SettleReviewInput): Promise<{ status: 'COMPLETED' | 'CANCELLED'; refunded: { paid: number; promotional: number } }> {
      return refusingDomainErrors(() => settleReview(db, input, now()));
    },
    async creditMentorEarnings(input: { slotId: string }): Promise<CreditResult> {
      return refusingDomainErrors(() => creditMentorEarnings(db, input));
    },
  };
}

export type MeetingActivities = ReturnType<typeof createMeetingActivities>;
