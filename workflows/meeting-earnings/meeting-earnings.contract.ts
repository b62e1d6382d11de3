// Contract of meetingEarnings, shared by the workflow, its starters and tests.
export interface MeetingEarningsInput {
  slotId: string;
  /** ISO-8601 instant the meeting ended (from the meeting server, or now for the api path). */
  endedAt: string;
  /** Who reported the end: meeting-server, mentor, admin. */
  source: string;
  /** The user who ended it through the api, if any. */
  endedBy?: string;
}

export interface MeetingEarningsResult {
  slotId: string;
  /** True when this run wrote the credit; false when an earlier run already had. */
  credited: boolean;
  amountPaise: number;
  balanceAfterPaise: number | null;
}

/** MasState values this workflow publishes, in order. */
export const MEETING_EARNINGS_STATES = ['ENDING', 'COMPLETED', 'EARNINGS_CREDITED'] as const;
