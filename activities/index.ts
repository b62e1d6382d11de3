// createActivities(deps): every activity the worker registers, from each context's factory.
import type { ActivityDeps } from './deps.js';
import { createMeetingActivities } from './meetings.activities.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createMeetingActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
