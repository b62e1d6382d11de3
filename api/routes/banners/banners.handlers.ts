// Staff banner administration over HTTP; services/marketing/ holds the rules.
import type { RouteConfig, RouteHandler } from '@hono/zod-openapi';
import { bannerImageUpload } from '../../../services/marketing/banner-images.js';
import { createTemplate, deleteTemplate, listBannerSettings, listTemplates, putPopupSettings, putStickySettings, toTemplateView, updateTemplate } from '../../../services/marketing/banner-settings.js';
import { createPopup, createSticky, deleteBanner, getBanner, listPopups, listSticky, toPopupView, toStickyView, updatePopup, updateSticky } from '../../../services/marketing/banners.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type * as r from './banners.routes.js';

type H<R extends RouteConfig> = RouteHandler<R, AppEnv>;

type Sticky = typeof r.stickyRoutes;
type Popup = typeof r.popupRoutes;

export const listStickyHandler: H<Sticky['list']> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listSticky(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toStickyView), nextCursor }, 200);
};
export const createStickyHandler: H<Sticky['create']> = async (c) => c.json(await createSticky(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const getStickyHandler: H<Sticky['get']> = async (c) => c.json((await getBanner(c.get('deps'), 'sticky', c.req.valid('param').id)) as ReturnType<typeof toStickyView>, 200);
export const updateStickyHandler: H<Sticky['update']> = async (c) => c.json(await updateSticky(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteStickyHandler: H<Sticky['remove']> = async (c) => {
  await deleteBanner(c.get('deps'), 'sticky', c.req.valid('param').id);
  return c.body(null, 204);
};

export const listPopupsHandler: H<Popup['list']> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listPopups(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toPopupView), nextCursor }, 200);
};
export const createPopupHandler: H<Popup['create']> = async (c) => c.json(await createPopup(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const getPopupHandler: H<Popup['get']> = async (c) => c.json((await getBanner(c.get('deps'), 'popup', c.req.valid('param').id)) as ReturnType<typeof toPopupView>, 200);
export const updatePopupHandler: H<Popup['update']> = async (c) => c.json(await updatePopup(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);
export const deletePopupHandler: H<Popup['remove']> = async (c) => {
  await deleteBanner(c.get('deps'), 'popup', c.req.valid('param').id);
  return c.body(null, 204);
};

export const imageUploadHandler: H<typeof r.imageUploadRoute> = async (c) => c.json(await bannerImageUpload(c.get('deps'), c.req.valid('json')), 201);

export const listSettingsHandler: H<typeof r.listSettingsRoute> = async (c) => c.json(await listBannerSettings(c.get('deps')), 200);
export const putStickySettingsHandler: H<typeof r.putStickySettingsRoute> = async (c) => c.json(await putStickySettings(c.get('deps'), c.req.valid('param').scope, c.req.valid('json')), 200);
export const putPopupSettingsHandler: H<typeof r.putPopupSettingsRoute> = async (c) => c.json(await putPopupSettings(c.get('deps'), c.req.valid('param').scope, c.req.valid('json')), 200);

export const listTemplatesHandler: H<typeof r.listTemplatesRoute> = async (c) => {
  const { cursor, limit, ...f } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listTemplates(c.get('deps'), f, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toTemplateView), nextCursor }, 200);
};
export const createTemplateHandler: H<typeof r.createTemplateRoute> = async (c) => c.json(await createTemplate(c.get('deps'), c.get('auth')!, c.req.valid('json')), 201);
export const updateTemplateHandler: H<typeof r.updateTemplateRoute> = async (c) => c.json(await updateTemplate(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteTemplateHandler: H<typeof r.deleteTemplateRoute> = async (c) => {
  await deleteTemplate(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};
