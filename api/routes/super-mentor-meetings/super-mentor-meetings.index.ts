import { createRouter } from '../../openapi.js';
import { allHandler, cancelHandler, completeHandler, getHandler, mineHandler, scheduleHandler, updateHandler } from './super-mentor-meetings.handlers.js';
import {
  allSuperMentorMeetingsRoute,
  cancelSuperMentorMeetingRoute,
  completeSuperMentorMeetingRoute,
  getSuperMentorMeetingRoute,
  mySuperMentorMeetingsRoute,
  scheduleSuperMentorMeetingRoute,
  updateSuperMentorMeetingRoute,
} from './super-mentor-meetings.routes.js';

export const superMentorMeetingsRouter = createRouter()
  .openapi(scheduleSuperMentorMeetingRoute, scheduleHandler)
  .openapi(mySuperMentorMeetingsRoute, mineHandler)
  .openapi(allSuperMentorMeetingsRoute, allHandler)
  .openapi(getSuperMentorMeetingRoute, getHandler)
  .openapi(updateSuperMentorMeetingRoute, updateHandler)
  .openapi(cancelSuperMentorMeetingRoute, cancelHandler)
  .openapi(completeSuperMentorMeetingRoute, completeHandler);
