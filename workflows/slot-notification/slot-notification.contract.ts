// Contract of slotBookedNotification: the api starts it once a booking has committed.
export interface SlotBookedNotificationInput {
  slotId: string;
}

/** Per recipient: sent now, sent by an earlier attempt or run, or nothing to send. */
export type NotificationOutcome = 'sent' | 'already-sent' | 'skipped';

export interface SlotBookedNotificationResult {
  slotId: string;
  student: NotificationOutcome;
  mentor: NotificationOutcome;
}
