import { createRouter } from '../../openapi.js';
import { meetingEndedHandler } from './meeting-events.handlers.js';
import { meetingEnded } from './meeting-events.routes.js';

export const meetingEventsRouter = createRouter().openapi(meetingEnded, meetingEndedHandler);
