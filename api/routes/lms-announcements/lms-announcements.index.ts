import { createRouter } from '../../openapi.js';
import { announcementFeedHandler, createAnnouncementHandler, deleteAnnouncementHandler, listAnnouncementsHandler, publishAnnouncementHandler, updateAnnouncementHandler } from './lms-announcements.handlers.js';
import { announcementFeedRoute, createAnnouncementRoute, deleteAnnouncementRoute, listAnnouncementsRoute, publishAnnouncementRoute, updateAnnouncementRoute } from './lms-announcements.routes.js';

export const lmsAnnouncementsRouter = createRouter()
  .openapi(createAnnouncementRoute, createAnnouncementHandler)
  .openapi(listAnnouncementsRoute, listAnnouncementsHandler)
  .openapi(updateAnnouncementRoute, updateAnnouncementHandler)
  .openapi(publishAnnouncementRoute, publishAnnouncementHandler)
  .openapi(deleteAnnouncementRoute, deleteAnnouncementHandler)
  .openapi(announcementFeedRoute, announcementFeedHandler);
