// Webinar (seed: Webinar.status): scheduled, then live, then done; or called off before it ends.
import { defineLifecycle } from '../lifecycle.js';

export const webinarLifecycle = defineLifecycle('webinar', ['SCHEDULED', 'LIVE', 'COMPLETED', 'CANCELLED'], 'SCHEDULED', {
  SCHEDULED: ['LIVE', 'CANCELLED'],
  LIVE: ['COMPLETED', 'CANCELLED'],
  COMPLETED: [],
  CANCELLED: [],
});
export type WebinarStatus = (typeof webinarLifecycle.states)[number];
