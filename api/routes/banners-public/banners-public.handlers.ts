// The public banner feed and popup images; services/marketing/banner-feed.ts decides what is live.
import type { RouteHandler } from '@hono/zod-openapi';
import { etagMatches } from '../../../domain/marketing/banners.js';
import { BANNER_IMAGE_URL_TTL_SECONDS, popupImageUrl } from '../../../services/marketing/banner-images.js';
import { bannerFeed } from '../../../services/marketing/banner-feed.js';
import type { AppEnv } from '../../deps.js';
import type { bannerFeedRoute, popupImageRoute } from './banners-public.routes.js';

export const bannerFeedHandler: RouteHandler<typeof bannerFeedRoute, AppEnv> = async (c) => {
  const { page, loggedIn } = c.req.valid('query');
  const { body, etag, maxAge } = await bannerFeed(c.get('deps'), { platform: c.get('platform'), page, loggedIn });
  c.header('ETag', etag);
  c.header('Cache-Control', `public, max-age=${maxAge}`);
  c.header('Vary', 'x-platform');
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.json(body, 200);
};

export const popupImageHandler: RouteHandler<typeof popupImageRoute, AppEnv> = async (c) => {
  const url = await popupImageUrl(c.get('deps'), c.req.valid('param').id);
  // Cached for half the signed URL's life, so a cached redirect never points at an expired one.
  c.header('Cache-Control', `public, max-age=${Math.floor(BANNER_IMAGE_URL_TTL_SECONDS / 2)}`);
  return c.redirect(url, 302);
};
