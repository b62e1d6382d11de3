import { createRouter } from '../../openapi.js';
import {
  attachRecordingHandler,
  cancelMeetingHandler,
  completeMeetingHandler,
  listBatchMeetingsHandler,
  myMeetingsHandler,
  scheduleMeetingHandler,
  startMeetingHandler,
  updateMeetingHandler,
} from './lms-batch-meetings.handlers.js';
import { attachRecordingRoute, cancelMeetingRoute, completeMeetingRoute, listBatchMeetingsRoute, myMeetingsRoute, scheduleMeetingRoute, startMeetingRoute, updateMeetingRoute } from './lms-batch-meetings.routes.js';

export const lmsBatchMeetingsRouter = createRouter()
  .openapi(scheduleMeetingRoute, scheduleMeetingHandler)
  .openapi(listBatchMeetingsRoute, listBatchMeetingsHandler)
  .openapi(updateMeetingRoute, updateMeetingHandler)
  .openapi(startMeetingRoute, startMeetingHandler)
  .openapi(completeMeetingRoute, completeMeetingHandler)
  .openapi(cancelMeetingRoute, cancelMeetingHandler)
  .openapi(attachRecordingRoute, attachRecordingHandler)
  .openapi(myMeetingsRoute, myMeetingsHandler);
