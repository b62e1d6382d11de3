// An application's WhatsApp thread over HTTP; services/admissions/application-whatsapp.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { listApplicationWhatsApp, sendApplicationWhatsApp, toApplicationWhatsAppView } from '../../../services/admissions/application-whatsapp.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { listApplicationWhatsAppRoute, sendApplicationWhatsAppRoute } from './application-whatsapp.routes.js';

export const sendHandler: RouteHandler<typeof sendApplicationWhatsAppRoute, AppEnv> = async (c) =>
  c.json(await sendApplicationWhatsApp(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json')), 202);

export const listHandler: RouteHandler<typeof listApplicationWhatsAppRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listApplicationWhatsApp(c.get('deps'), c.req.valid('param').id, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toApplicationWhatsAppView), nextCursor }, 200);
};
