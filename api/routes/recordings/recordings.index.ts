import { createRouter } from '../../openapi.js';
import { completeRecordingHandler, createRecordingHandler, deleteRecordingHandler, getRecordingHandler, listSlotRecordingsHandler } from './recordings.handlers.js';
import { completeRecordingRoute, createRecordingRoute, deleteRecordingRoute, getRecordingRoute, listSlotRecordingsRoute } from './recordings.routes.js';

export const recordingsRouter = createRouter()
  .openapi(createRecordingRoute, createRecordingHandler)
  .openapi(listSlotRecordingsRoute, listSlotRecordingsHandler)
  .openapi(completeRecordingRoute, completeRecordingHandler)
  .openapi(getRecordingRoute, getRecordingHandler)
  .openapi(deleteRecordingRoute, deleteRecordingHandler);
