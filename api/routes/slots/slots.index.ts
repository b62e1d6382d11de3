// The slot routes: every operation of api/routes/slots/slots.routes.ts with its handler.
import { createRouter } from '../../openapi.js';
import * as h from './slots.handlers.js';
import * as r from './slots.routes.js';

export const slotsRouter = createRouter()
  .openapi(r.listSlotsRoute, h.listSlotsHandler)
  .openapi(r.createSlotRoute, h.createSlotHandler)
  .openapi(r.getSlotRoute, h.getSlotHandler)
  .openapi(r.updateSlotRoute, h.updateSlotHandler)
  .openapi(r.deleteSlotRoute, h.deleteSlotHandler)
  .openapi(r.bookSlotRoute, h.bookSlotHandler)
  .openapi(r.cancelSlotRoute, h.cancelSlotHandler)
  .openapi(r.approveCancellationRoute, h.approveCancellationHandler)
  .openapi(r.declineCancellationRoute, h.declineCancellationHandler)
  .openapi(r.endSlotRoute, h.endSlotHandler)
  .openapi(r.reportNoShowRoute, h.reportNoShowHandler)
  .openapi(r.reviewSlotRoute, h.reviewSlotHandler)
  .openapi(r.holdSlotRoute, h.holdSlotHandler)
  .openapi(r.confirmHoldRoute, h.confirmHoldHandler)
  .openapi(r.slotMeetingLogRoute, h.slotMeetingLogHandler);
