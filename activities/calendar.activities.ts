// Calendar activities: a thin adapter over services/calendar/slot-calendar.ts for the
// calendar/slot/<slotId> workflow. Google's own refusals are non-retryable; 429/5xx and rate-limit
// 403s are retried by Temporal (the event id and requestId keep it to one event).
import { reconcileSlotCalendar } from '../services/calendar/slot-calendar.js';
import type { ActivityDeps } from './deps.js';
import { refusingDomainErrors } from './failures.js';

export function createCalendarActivities(deps: Pick<ActivityDeps, 'db' | 'logger' | 'now' | 'google' | 'llmKeys'>) {
  return {
    reconcileSlotCalendar(input: { slotId: string }) {
      return refusingDomainErrors(() => reconcileSlotCalendar({ db: deps.db, logger: deps.logger, google: deps.google, llmKeys: deps.llmKeys, now: deps.now }, input.slotId));
    },
  };
}

export type CalendarActivities = ReturnType<typeof createCalendarActivities>;
