// Lead tags over HTTP; services/crm/lead-tags.ts holds the rules.
import type { RouteHandler } from '@hono/zod-openapi';
import { createLeadTag, deleteLeadTag, leadTagsOf, listLeadTags, tagLead, untagLead, updateLeadTag } from '../../../services/crm/lead-tags.js';
import type { AppEnv } from '../../deps.js';
import type { createTagRoute, deleteTagRoute, leadTagsRoute, listTagsRoute, tagLeadRoute, untagLeadRoute, updateTagRoute } from './crm-tags.routes.js';

export const listTagsHandler: RouteHandler<typeof listTagsRoute, AppEnv> = async (c) => c.json({ items: await listLeadTags(c.get('deps'), c.get('platform'), c.req.valid('query').q) }, 200);
export const createTagHandler: RouteHandler<typeof createTagRoute, AppEnv> = async (c) => c.json(await createLeadTag(c.get('deps'), c.get('auth')!, c.get('platform'), c.req.valid('json')), 201);
export const updateTagHandler: RouteHandler<typeof updateTagRoute, AppEnv> = async (c) => c.json(await updateLeadTag(c.get('deps'), c.req.valid('param').id, c.req.valid('json')), 200);
export const deleteTagHandler: RouteHandler<typeof deleteTagRoute, AppEnv> = async (c) => {
  await deleteLeadTag(c.get('deps'), c.req.valid('param').id);
  return c.body(null, 204);
};
export const leadTagsHandler: RouteHandler<typeof leadTagsRoute, AppEnv> = async (c) => c.json({ items: await leadTagsOf(c.get('deps'), c.get('auth')!, c.req.valid('param').id) }, 200);
export const tagLeadHandler: RouteHandler<typeof tagLeadRoute, AppEnv> = async (c) => c.json({ items: await tagLead(c.get('deps'), c.get('auth')!, c.req.valid('param').id, c.req.valid('json').tagIds) }, 200);
export const untagLeadHandler: RouteHandler<typeof untagLeadRoute, AppEnv> = async (c) => {
  const { id, tagId } = c.req.valid('param');
  await untagLead(c.get('deps'), c.get('auth')!, id, tagId);
  return c.body(null, 204);
};
