// Notification email activities: thin adapters over services/notifications. A relay's permanent
// refusal becomes a non-retryable failure; a busy claim, a lapsed lease or a transient SMTP
// error is retried by Temporal (the claim keeps it to one email per recipient).
import { ApplicationFailure } from '@temporalio/activity';
import type { Recipient } from '../domain/meeting-actions/policy.js';
import { EmailRejectedError, sendSlotBookedEmail } from '../services/notifications/slot-booked-email.js';
import type { NotificationOutcome } from '../workflows/slot-notification/slot-notification.contract.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createNotificationActivities(deps: Pick<ActivityDeps, 'db' | 'email' | 'logger' | 'now' | 'notifications'>) {
  return {
    async sendSlotBookedEmail(input: { slotId: string; recipient: Recipient }): Promise<{ outcome: NotificationOutcome; messageId?: string }> {
      try {
        // A template problem (deactivated, a variable missing) is a DomainError: no retry cures it.
        return await refusingDomainErrors(() => sendSlotBookedEmail(deps, input));
      } catch (err) {
        if (err instanceof EmailRejectedError) throw ApplicationFailure.create({ type: 'EMAIL_REJECTED', message: err.message, nonRetryable: true });
        throw err;
      }
    },
  };
}

export type NotificationActivities = ReturnType<typeof createNotificationActivities>;
