import { createRouter } from '../../openapi.js';
import {
  bookSlotHandler,
  cancelSlotHandler,
  createSlotHandler,
  deleteSlotHandler,
  endSlotHandler,
  getSlotHandler,
  listSlotsHandler,
  updateSlotHandler,
} from './slots.handlers.js';
import { bookSlotRoute, cancelSlotRoute, createSlotRoute, deleteSlotRoute, endSlotRoute, getSlotRoute, listSlotsRoute, updateSlotRoute } from './slots.routes.js';

export const slotsRouter = createRouter()
  .openapi(listSlotsRoute, listSlotsHandler)
  .openapi(createSlotRoute, createSlotHandler)
  .openapi(getSlotRoute, getSlotHandler)
  .openapi(updateSlotRoute, updateSlotHandler)
  .openapi(deleteSlotRoute, deleteSlotHandler)
  .openapi(bookSlotRoute, bookSlotHandler)
  .openapi(cancelSlotRoute, cancelSlotHandler)
  .openapi(endSlotRoute, endSlotHandler);
