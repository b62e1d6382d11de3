import { createRouter } from '../../openapi.js';
import {
  cancelWebinarHandler,
  completeWebinarHandler,
  createWebinarHandler,
  deleteWebinarHandler,
  getStaffWebinarHandler,
  listMyWebinarsHandler,
  listPublicWebinarsHandler,
  listStaffWebinarsHandler,
  reportProgressHandler,
  startWebinarHandler,
  updateWebinarHandler,
} from './lms-webinars.handlers.js';
import {
  cancelWebinarRoute,
  completeWebinarRoute,
  createWebinarRoute,
  deleteWebinarRoute,
  getStaffWebinarRoute,
  listMyWebinarsRoute,
  listPublicWebinarsRoute,
  listStaffWebinarsRoute,
  reportProgressRoute,
  startWebinarRoute,
  updateWebinarRoute,
} from './lms-webinars.routes.js';

export const lmsWebinarsRouter = createRouter()
  .openapi(createWebinarRoute, createWebinarHandler)
  .openapi(listStaffWebinarsRoute, listStaffWebinarsHandler)
  .openapi(getStaffWebinarRoute, getStaffWebinarHandler)
  .openapi(updateWebinarRoute, updateWebinarHandler)
  .openapi(deleteWebinarRoute, deleteWebinarHandler)
  .openapi(startWebinarRoute, startWebinarHandler)
  .openapi(completeWebinarRoute, completeWebinarHandler)
  .openapi(cancelWebinarRoute, cancelWebinarHandler)
  .openapi(listPublicWebinarsRoute, listPublicWebinarsHandler)
  .openapi(reportProgressRoute, reportProgressHandler)
  .openapi(listMyWebinarsRoute, listMyWebinarsHandler);
