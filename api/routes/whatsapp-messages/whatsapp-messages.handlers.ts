// The WhatsApp message log over HTTP; services/notifications/whatsapp-messages.ts reads it.
import type { RouteHandler } from '@hono/zod-openapi';
import { listWhatsAppMessages, toWhatsAppMessageView } from '../../../services/notifications/whatsapp-messages.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { myWhatsAppMessagesRoute, whatsAppMessagesRoute } from './whatsapp-messages.routes.js';

export const myWhatsAppMessagesHandler: RouteHandler<typeof myWhatsAppMessagesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listWhatsAppMessages(c.get('deps'), { ...filters, userId: c.get('auth')!.userId }, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toWhatsAppMessageView), nextCursor }, 200);
};

export const whatsAppMessagesHandler: RouteHandler<typeof whatsAppMessagesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listWhatsAppMessages(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toWhatsAppMessageView), nextCursor }, 200);
};
