import { createRouter } from '../../openapi.js';
import * as h from './mentor-directory.handlers.js';
import * as r from './mentor-directory.routes.js';

export const mentorDirectoryRouter = createRouter()
  .openapi(r.myProfileViewsRoute, h.myProfileViewsHandler)
  .openapi(r.listMentorsRoute, h.listMentorsHandler)
  .openapi(r.mentorProfileRoute, h.mentorProfileHandler)
  .openapi(r.profileViewRoute, h.profileViewHandler);
