// Email templates over HTTP; services/notifications/email-templates.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import {
  createEmailTemplate,
  deleteEmailTemplate,
  getEmailTemplate,
  listEmailTemplates,
  previewEmailTemplate,
  toEmailTemplateView,
  updateEmailTemplate,
} from '../../../services/notifications/email-templates.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { createEmailTemplateRoute, deleteEmailTemplateRoute, getEmailTemplateRoute, listEmailTemplatesRoute, previewEmailTemplateRoute, updateEmailTemplateRoute } from './email-templates.routes.js';

export const listEmailTemplatesHandler: RouteHandler<typeof listEmailTemplatesRoute, AppEnv> = async (c) => {
  const { cursor, limit, category, active } = c.req.valid('query');
  const { items, nextCursor } = toPage(await listEmailTemplates(c.get('deps'), { category, isActive: active }, { ...keyset(cursor), take: limit + 1 }), limit);
  return c.json({ items: items.map(toEmailTemplateView), nextCursor }, 200);
};

export const createEmailTemplateHandler: RouteHandler<typeof createEmailTemplateRoute, AppEnv> = async (c) => c.json(await createEmailTemplate(c.get('deps'), c.req.valid('json')), 201);

export const getEmailTemplateHandler: RouteHandler<typeof getEmailTemplateRoute, AppEnv> = async (c) => c.json(await getEmailTemplate(c.get('deps'), c.req.valid('param').id), 200);

export const updateEmailTemplateHandler: RouteHandler<typeof updateEmailTemplateRoute, AppEnv> = async (c) =>
  c.json(await updateEmailTemplate(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteEmailTemplateHandler: RouteHandler<typeof deleteEmailTemplateRoute, AppEnv> = async (c) => {
  await deleteEmailTemplate(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};

export const previewEmailTemplateHandler: RouteHandler<typeof previewEmailTemplateRoute, AppEnv> = async (c) =>
  c.json(await previewEmailTemplate(c.get('deps'), c.req.valid('param').id, c.req.valid('json').data), 200);
