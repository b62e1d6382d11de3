import { createRouter } from '../../openapi.js';
import {
  bookSlotHandler,
  confirmHoldHandler,
  holdSlotHandler,
  cancelSlotHandler,
  createSlotHandler,
  deleteSlotHandler,
  endSlotHandler,
  getSlotHandler,
  listSlotsHandler,
  updateSlotHandler,
} from './slots.handlers.js';
import { bookSlotRoute, confirmHoldRoute, holdSlotRoute, cancelSlotRoute, createSlotRoute, deleteSlotRoute, endSlotRoute, getSlotRoute, listSlotsRoute, updateSlotRoute } from './slots.routes.js';

export const slotsRouter = createRouter()
  .openapi(listSlotsRoute, listSlotsHandler)
  .openapi(createSlotRoute, createSlotHandler)
  .openapi(getSlotRoute, getSlotHandler)
  .openapi(updateSlotRoute, updateSlotHandler)
  .openapi(deleteSlotRoute, deleteSlotHandler)
  .openapi(bookSlotRoute, bookSlotHandler)
  .openapi(cancelSlotRoute, cancelSlotHandler)
  .openapi(endSlotRoute, endSlotHandler)
  .openapi(holdSlotRoute, holdSlotHandler)
  .openapi(confirmHoldRoute, confirmHoldHandler);
