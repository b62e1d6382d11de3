import { createRouter } from '../../openapi.js';
import * as h from './banners.handlers.js';
import * as r from './banners.routes.js';

export const bannersRouter = createRouter()
  .openapi(r.imageUploadRoute, h.imageUploadHandler)
  .openapi(r.listSettingsRoute, h.listSettingsHandler)
  .openapi(r.putStickySettingsRoute, h.putStickySettingsHandler)
  .openapi(r.putPopupSettingsRoute, h.putPopupSettingsHandler)
  .openapi(r.stickyRoutes.list, h.listStickyHandler)
  .openapi(r.stickyRoutes.create, h.createStickyHandler)
  .openapi(r.stickyRoutes.get, h.getStickyHandler)
  .openapi(r.stickyRoutes.update, h.updateStickyHandler)
  .openapi(r.stickyRoutes.remove, h.deleteStickyHandler)
  .openapi(r.popupRoutes.list, h.listPopupsHandler)
  .openapi(r.popupRoutes.create, h.createPopupHandler)
  .openapi(r.popupRoutes.get, h.getPopupHandler)
  .openapi(r.popupRoutes.update, h.updatePopupHandler)
  .openapi(r.popupRoutes.remove, h.deletePopupHandler)
  .openapi(r.listTemplatesRoute, h.listTemplatesHandler)
  .openapi(r.createTemplateRoute, h.createTemplateHandler)
  .openapi(r.updateTemplateRoute, h.updateTemplateHandler)
  .openapi(r.deleteTemplateRoute, h.deleteTemplateHandler);
