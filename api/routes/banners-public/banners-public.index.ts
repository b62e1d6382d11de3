import { createRouter } from '../../openapi.js';
import { bannerFeedHandler, popupImageHandler } from './banners-public.handlers.js';
import { bannerFeedRoute, popupImageRoute } from './banners-public.routes.js';

export const bannersPublicRouter = createRouter().openapi(bannerFeedRoute, bannerFeedHandler).openapi(popupImageRoute, popupImageHandler);
