// createActivities(deps): every activity the worker registers, from each context's factory.
import type { ActivityDeps } from './deps.js';
import { createBookingActivities } from './booking.activities.js';
import { createCalendarActivities } from './calendar.activities.js';
import { createCallActivities } from './calls.activities.js';
import { createCrmActivities } from './crm.activities.js';
import { createCrmBulkActivities } from './crm-bulk.activities.js';
import { createCrmEngineActivities } from './crm-engine.activities.js';
import { createHireActivities } from './hire.activities.js';
import { createIdentityActivities } from './identity.activities.js';
import { createJobActivities } from './jobs.activities.js';
import { createMeetingActivities } from './meetings.activities.js';
import { createNotificationActivities } from './notifications.activities.js';
import { createPapActivities } from './pap.activities.js';
import { createPaymentActivities } from './payments.activities.js';
import { createRecordingActivities } from './recordings.activities.js';
import { createSyncActivities } from './sync.activities.js';
import { createCoursePlanActivities } from './course-plan.activities.js';
import { createApplicationWhatsAppActivities } from './application-whatsapp.activities.js';

export function createActivities(deps: ActivityDeps) {
  return {
    ...createMeetingActivities(deps),
    ...createNotificationActivities(deps),
    ...createBookingActivities(deps),
    ...createPaymentActivities(deps),
    ...createRecordingActivities(deps),
    ...createCrmActivities(deps),
    ...createCallActivities(deps),
    ...createCrmEngineActivities(deps),
    ...createCrmBulkActivities(deps),
    ...createHireActivities(deps),
    ...createPapActivities(deps),
    ...createJobActivities(deps),
    ...createSyncActivities(deps),
    ...createCoursePlanActivities(deps),
    ...createIdentityActivities(deps),
    ...createApplicationWhatsAppActivities(deps),
    ...createCalendarActivities(deps),
  };
}

export type Activities = ReturnType<typeof createActivities>;
