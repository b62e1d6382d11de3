// PAP agreement templates over HTTP; services/pap/templates.ts holds the versioning rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, toTemplateView, updateTemplate } from '../../../services/pap/templates.js';
import type { AppEnv } from '../../deps.js';
import { keyset, toPage } from '../../pagination.js';
import type { createTemplateRoute, deleteTemplateRoute, getTemplateRoute, listTemplatesRoute, updateTemplateRoute } from './pap-templates.routes.js';

export const listTemplatesHandler: RouteHandler<typeof listTemplatesRoute, AppEnv> = async (c) => {
  const { cursor, limit, ...filters } = c.req.valid('query');
  const rows = await listTemplates(c.get('deps'), filters, { ...keyset(cursor), take: limit + 1 });
  const { items, nextCursor } = toPage(rows, limit);
  return c.json({ items: items.map(toTemplateView), nextCursor }, 200);
};

export const createTemplateHandler: RouteHandler<typeof createTemplateRoute, AppEnv> = async (c) => c.json(await createTemplate(c.get('deps'), c.req.valid('json')), 201);

export const getTemplateHandler: RouteHandler<typeof getTemplateRoute, AppEnv> = async (c) => c.json(await getTemplate(c.get('deps'), c.req.valid('param').id), 200);

export const updateTemplateHandler: RouteHandler<typeof updateTemplateRoute, AppEnv> = async (c) => c.json(await updateTemplate(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);

export const deleteTemplateHandler: RouteHandler<typeof deleteTemplateRoute, AppEnv> = async (c) => {
  await deleteTemplate(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};
