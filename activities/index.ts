// createActivities(deps): every activity the worker registers, from each context's factory.
import type { ActivityDeps } from './deps.js';
import { createBookingActivities } from './booking.activities.js';
import { createCrmActivities } from './crm.activities.js';
import { createMeetingActivities } from './meetings.activities.js';
import { createPaymentActivities } from './payments.activities.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createMeetingActivities(deps),
    ...createBookingActivities(deps),
    ...createPaymentActivities(deps),
    ...createCrmActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
