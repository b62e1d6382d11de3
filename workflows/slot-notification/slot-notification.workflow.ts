// slotBookedNotification (notify/slot-booked/<slotId>): emails the student (join + cancel
// links) and the mentor (join link) after a booking. Each email is one idempotent activity:
// it issues that recipient's one-time tokens and sends in one transaction, and an emails_sent
// row per (slot, type, user) makes retries and duplicate runs send once.
import { proxyActivities, upsertSearchAttributes } from '@temporalio/workflow';
import type { NotificationActivities } from '../../activities/notifications.activities.js';
import { MasState } from '../search-attributes.js';
import type { SlotBookedNotificationInput, SlotBookedNotificationResult } from './slot-notification.contract.js';

const { sendSlotBookedEmail } = proxyActivities<NotificationActivities>({
  // Covers the SMTP client's own 10 s connect/greeting/socket timeouts.
  startToCloseTimeout: '45 seconds',
  // A mail relay may be down for a while: keep trying for about an hour, then fail the run
  // (a failed run may be started again; the emails_sent guard keeps it to one email each).
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes', maximumAttempts: 20 },
});

export async function slotBookedNotification(input: SlotBookedNotificationInput): Promise<SlotBookedNotificationResult> {
  const [student, mentor] = await Promise.all([
    sendSlotBookedEmail({ slotId: input.slotId, recipient: 'student' }),
    sendSlotBookedEmail({ slotId: input.slotId, recipient: 'mentor' }),
  ]);
  upsertSearchAttributes([{ key: MasState, value: 'NOTIFIED' }]);
  return { slotId: input.slotId, student: student.outcome, mentor: mentor.outcome };
}
