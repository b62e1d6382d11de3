import { createRouter } from '../../openapi.js';
import { performMeetingActionHandler, previewMeetingActionHandler } from './meeting-actions.handlers.js';
import { performMeetingActionRoute, previewMeetingActionRoute } from './meeting-actions.routes.js';

export const meetingActionsRouter = createRouter().openapi(previewMeetingActionRoute, previewMeetingActionHandler).openapi(performMeetingActionRoute, performMeetingActionHandler);
